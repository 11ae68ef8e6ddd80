package org.letterarchive.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * An IndexSearcher that carries the facet state built for its reader: one per facet dimension, since each
 * dimension has its own doc-values field, so that a search counts only the dimensions it is asked for. The
 * states are built once, when the searcher is created after a refresh, never inside a request. With a pool of
 * search threads, a search's segments are searched in slices side by side, and its dimensions can be counted
 * side by side ({@link Counts#counting}).
 */
public final class LetterSearcher extends IndexSearcher {

    private final Map<String, SortedSetDocValuesReaderState> facetStates;
    /** What counting each dimension reads of the segments, read with its state. */
    private final Map<String, DimensionCounts.Dimension> dimensions;
    private final ConcurrentHashMap<String, Object> derived = new ConcurrentHashMap<>();

    LetterSearcher(IndexReader reader, FacetsConfig config, Executor threads) throws IOException {
        super(reader, threads);
        Map<String, SortedSetDocValuesReaderState> states = new LinkedHashMap<>();
        for (String dim : IndexSchema.FACETS) {
            String field = config.getDimConfig(dim).indexFieldName;
            if (hasField(reader, field)) states.put(dim, new DefaultSortedSetDocValuesReaderState(reader, field, config));
        }
        this.facetStates = Collections.unmodifiableMap(states);
        Map<String, DimensionCounts.Dimension> dimensions = new LinkedHashMap<>();
        for (Map.Entry<String, SortedSetDocValuesReaderState> e : states.entrySet()) {
            dimensions.put(e.getKey(), new DimensionCounts.Dimension(e.getKey(), e.getValue()));
        }
        this.dimensions = Collections.unmodifiableMap(dimensions);
    }

    /**
     * As many slices as the pool has threads, the segments dealt largest first to the slice with the fewest
     * letters so far: each thread gets a like share of the letters (Lucene's default groups up to five segments
     * per slice, largest first, which leaves the last slice the small ones).
     */
    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return balanced(leaves, threads());
    }

    /** The threads a search of this searcher may run on at once: its pool's, with the searching thread. */
    public int threads() {
        return getExecutor() instanceof ThreadPoolExecutor pool ? pool.getCorePoolSize() : 1;
    }

    static LeafSlice[] balanced(List<LeafReaderContext> leaves, int n) {
        n = Math.max(1, Math.min(n, leaves.size()));
        List<List<LeafReaderContext>> slices = new ArrayList<>(n);
        long[] docs = new long[n];
        for (int i = 0; i < n; i++) slices.add(new ArrayList<>());
        List<LeafReaderContext> bySize = new ArrayList<>(leaves);
        bySize.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
        for (LeafReaderContext leaf : bySize) {
            int least = 0;
            for (int i = 1; i < n; i++) if (docs[i] < docs[least]) least = i;
            slices.get(least).add(leaf);
            docs[least] += leaf.reader().maxDoc();
        }
        return slices.stream().filter(s -> !s.isEmpty()).map(LeafSlice::new).toArray(LeafSlice[]::new);
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
    public Counts facets(FacetsCollector hits) {
        return new Counts(hits, Map.of());
    }

    /**
     * Drill-sideways counts: a dimension in {@code sideways} counts its own hits (those of the query without
     * its filter), every other the {@code drillDowns}; each is counted only when it is first read.
     */
    public Counts facets(FacetsCollector drillDowns, Map<String, FacetsCollector> sideways) {
        return new Counts(drillDowns, sideways);
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

    /**
     * Facets over per-dimension fields, each counted when first read, or beforehand by the tasks of
     * {@link #counting}; a dimension no letter has is an IllegalArgumentException.
     */
    public final class Counts extends Facets {
        private final FacetsCollector drillDowns;
        private final Map<String, FacetsCollector> sideways;
        private final Map<String, Facets> counted = new ConcurrentHashMap<>();

        Counts(FacetsCollector drillDowns, Map<String, FacetsCollector> sideways) {
            this.drillDowns = drillDowns;
            this.sideways = sideways;
        }

        private Facets of(String dim) throws IOException {
            Facets f = counted.get(dim);
            if (f == null) {
                SortedSetDocValuesReaderState state = facetStates.get(dim);
                if (state == null) throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
                f = countOf(dim);
                counted.put(dim, f);
            }
            return f;
        }

        private Facets countOf(String dim) throws IOException {
            return new DimensionCounts(dimensions.get(dim), sideways.getOrDefault(dim, drillDowns));
        }

        /**
         * Tasks that count these dimensions (those indexed and not counted yet), one each, to be run side by side
         * (on {@link #getTaskExecutor()}) before the counts are read.
         */
        public List<Callable<Void>> counting(Collection<String> dims) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (String dim : new java.util.LinkedHashSet<>(dims)) {
                SortedSetDocValuesReaderState state = facetStates.get(dim);
                if (state == null || counted.containsKey(dim)) continue;
                tasks.add(() -> {
                    counted.put(dim, countOf(dim));
                    return null;
                });
            }
            return tasks;
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
