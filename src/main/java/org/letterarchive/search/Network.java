package org.letterarchive.search;

import java.util.List;

/**
 * A co-signer network: organizations as nodes, weighted by their letters, and edges weighted by the letters
 * two organizations co-signed.
 *
 * @param center the organization whose neighbourhood this is; null for the network of a search
 * @param letters the letters the network was counted over
 */
public record Network(String center, long letters, List<Node> nodes, List<Edge> edges) {

    /** An organization: its key, the name shown and its letters (among those counted). */
    public record Node(String id, String label, long letters) {}

    /** Two organizations (keys, source &lt; target) and the letters both signed. */
    public record Edge(String source, String target, long weight) {}
}
