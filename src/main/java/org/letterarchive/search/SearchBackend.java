package org.letterarchive.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Function;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * What the web API and the command line need from an index: writing letters, and reading them back as
 * searches with facets (drill-sideways), highlights, the date histogram, sorting and cursor paging, one
 * facet's values by prefix, and exports. Two implementations answer alike: the embedded Lucene index
 * ({@link EmbeddedSearch}, the default) and a SolrCloud collection ({@code org.letterarchive.solr.SolrSearch}).
 * The corpus stays the source of truth: either can be filled again from it.
 */
public interface SearchBackend extends Closeable {

    /** A short name for messages: "embedded" or "solrcloud". */
    String name();

    /** Where the display names of organization keys come from (the archive's organization table). */
    default void signerLabels(java.util.function.UnaryOperator<String> label) {
    }

    /** Adds a letter or replaces the one with the same id; durable and visible after {@link #commit}. */
    void index(Letter letter, Function<Signer, String> signerKey, IndexSchema.FamilyFields family) throws IOException;

    void delete(String id) throws IOException;

    void deleteAll() throws IOException;

    /** Makes every write so far durable, then visible to searches. */
    void commit() throws IOException;

    /** Letters visible to searches. */
    long count() throws IOException;

    /** One page of a search with its facets, histogram and snippets. */
    SearchResult search(SearchRequest request);

    /** Every value of one facet among the letters of a search, filtered by prefix (see {@link FacetLister}). */
    FacetLister.Page facetValues(String facet, String prefix, FacetLister.Order sort, int limit, SearchRequest filters);

    /** Every letter a search matches, in its order, up to {@code cap} (see {@link Exporter}). */
    void export(SearchRequest request, int cap, Exporter.Sink sink) throws IOException;
}
