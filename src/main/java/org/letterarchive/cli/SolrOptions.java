package org.letterarchive.cli;

import java.io.IOException;
import org.letterarchive.solr.SolrSearch;
import picocli.CommandLine.Option;

/** --solr and --collection: search a SolrCloud collection instead of the embedded index (or LETTERS_SOLR). */
final class SolrOptions {

    @Option(names = "--solr", paramLabel = "ZK_HOST[/chroot]", description = "search a SolrCloud collection: the cluster's "
            + "ZooKeeper address, e.g. zk1:2181,zk2:2181/solr (default: LETTERS_SOLR when set, else the embedded index)")
    String solr;

    @Option(names = "--collection", defaultValue = "letters", description = "the SolrCloud collection, made from the "
            + "repository's configset when missing (default: ${DEFAULT-VALUE})")
    String collection;

    @Option(names = "--shards", defaultValue = "2", description = "shards of a collection made here (default: ${DEFAULT-VALUE})")
    int shards;

    @Option(names = "--replicas", defaultValue = "2", description = "replicas of each shard of a collection made here "
            + "(default: ${DEFAULT-VALUE})")
    int replicas;

    /** The ZooKeeper address, from --solr or LETTERS_SOLR; null for the embedded index. */
    String zkHost() {
        if (solr != null && !solr.isBlank()) return solr.strip();
        String env = System.getenv("LETTERS_SOLR");
        return env == null || env.isBlank() ? null : env.strip();
    }

    /** The collection to search, connected (and made when missing); null for the embedded index. */
    SolrSearch connect() throws IOException {
        String zk = zkHost();
        if (zk == null) return null;
        return SolrSearch.connect(new SolrSearch.Options(zk, collection, shards, replicas), k -> null);
    }
}
