package org.letterarchive.index;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * An IndexSearcher that carries the facet state built for its reader. The state is built once, when
 * the searcher is created after a refresh, never inside a request.
 */
public final class LetterSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;
    private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>();

    LetterSearcher(IndexReader reader, FacetsConfig config) throws IOException {
        super(reader);
        this.facetState = hasFacets(reader, config) ? new DefaultSortedSetDocValuesReaderState(reader, config) : null;
    }

    /** The facet state of this searcher's reader; null while the index holds no letter. */
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /**
     * A value derived from this searcher's (immutable) reader, built on first use and kept for the
     * searcher's life, i.e. until the next refresh: e.g. the folded labels of a facet's values.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<String, T> build) {
        return (T) derived.computeIfAbsent(key, build);
    }

    private static boolean hasFacets(IndexReader reader, FacetsConfig config) {
        String field = config.getDimConfig("any").indexFieldName;
        return reader.leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(field) != null);
    }
}
