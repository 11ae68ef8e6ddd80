package org.letterarchive.index;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * An IndexSearcher that carries the facet state built for its reader: one per facet dimension, since each
 * dimension has its own doc-values field, so that a search counts only the dimensions it is asked for. The
 * states are built once, when the searcher is created after a refresh, never inside a request.
 */
public final class LetterSearcher extends IndexSearcher {

    private final Map<String, SortedSetDocValuesReaderState> facetStates;
    private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>();

    LetterSearcher(IndexReader reader, FacetsConfig config) throws IOException {
        super(reader);
        Map<String, SortedSetDocValuesReaderState> states = new LinkedHashMap<>();
        for (String dim : IndexSchema.FACETS) {
            String field = config.getDimConfig(dim).indexFieldName;
            if (hasField(reader, field)) states.put(dim, new DefaultSortedSetDocValuesReaderState(reader, field, config));
        }
        this.facetStates = Collections.unmodifiableMap(states);
    }

    /** True once the index holds a letter with facets (every letter has some). */
    public boolean hasFacets() {
        return !facetStates.isEmpty();
    }

    /** The facet state of one dimension; null while no letter has it. */
    public SortedSetDocValuesReaderState facetState(String dim) {
        return facetStates.get(dim);
    }

    /** The facet counts of these hits, each dimension counted when it is first read. */
    public Facets facets(FacetsCollector hits) {
        return new DimensionFacets(hits, Map.of());
    }

    /**
     * Drill-sideways counts: a dimension in {@code sideways} counts its own hits (those of the query without
     * its filter), every other the {@code drillDowns}; each is counted only when it is first read.
     */
    public Facets facets(FacetsCollector drillDowns, Map<String, FacetsCollector> sideways) {
        return new DimensionFacets(drillDowns, sideways);
    }

    /**
     * A value derived from this searcher's (immutable) reader, built on first use and kept for the
     * searcher's life, i.e. until the next refresh: e.g. the folded labels of a facet's values.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<String, T> build) {
        return (T) derived.computeIfAbsent(key, build);
    }

    private static boolean hasField(IndexReader reader, String field) {
        return reader.leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(field) != null);
    }

    /** Facets over per-dimension fields, counted lazily; a dimension no letter has is an IllegalArgumentException. */
    private final class DimensionFacets extends Facets {
        private final FacetsCollector drillDowns;
        private final Map<String, FacetsCollector> sideways;
        private final Map<String, Facets> counted = new HashMap<>();

        DimensionFacets(FacetsCollector drillDowns, Map<String, FacetsCollector> sideways) {
            this.drillDowns = drillDowns;
            this.sideways = sideways;
        }

        private Facets of(String dim) throws IOException {
            Facets f = counted.get(dim);
            if (f == null) {
                SortedSetDocValuesReaderState state = facetStates.get(dim);
                if (state == null) throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
                f = new SortedSetDocValuesFacetCounts(state, sideways.getOrDefault(dim, drillDowns));
                counted.put(dim, f);
            }
            return f;
        }

        @Override
        public FacetResult getAllChildren(String dim, String... path) throws IOException {
            return of(dim).getAllChildren(dim, path);
        }

        @Override
        public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
            return of(dim).getTopChildren(topN, dim, path);
        }

        @Override
        public Number getSpecificValue(String dim, String... path) throws IOException {
            return of(dim).getSpecificValue(dim, path);
        }

        @Override
        public List<FacetResult> getAllDims(int topN) throws IOException {
            List<FacetResult> all = new java.util.ArrayList<>();
            for (String dim : facetStates.keySet()) {
                FacetResult r = getTopChildren(topN, dim);
                if (r != null) all.add(r);
            }
            return all;
        }
    }
}
