package org.letterarchive.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.PriorityQueue;

/**
 * The counts of one facet dimension over a search's hits: what Lucene's {@code SortedSetDocValuesFacetCounts} gives
 * for a flat dimension (the same top values, ties in value order, the same totals: -1 for a multi-valued dimension),
 * counted with less work per hit.
 * <ul>
 *   <li>Each hit's values are read by {@code advanceExact}, not by leap-frogging the hits against the doc values.
 *   <li>A dimension of {@link IndexSchema#VALUE_SETS few values} is counted on its value sets, one value per letter;
 *   each set's count is then added to its values ({@link Dimension#valueSets}).
 * </ul>
 * Each segment is counted in its own ordinals, which are then mapped to the reader's ({@link Dimension}).
 */
final class DimensionCounts extends Facets {

    private final String dim;
    private final SortedSetDocValuesReaderState state;
    private final SortedSetDocValues values;
    private final int[] counts;
    private final String[] labels;
    /** Whether any segment has hits (Lucene's facets answer nothing otherwise). */
    private boolean counted;

    DimensionCounts(Dimension dimension, FacetsCollector hits) throws IOException {
        this.dim = dimension.dim;
        this.state = dimension.state;
        this.values = state.getDocValues();
        this.counts = new int[state.getSize()];
        this.labels = dimension.labels();
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            if (ReaderUtil.getTopLevelContext(md.context).reader() != state.getReader()) {
                throw new IllegalStateException("facet state of another reader than the one searched");
            }
            if (md.totalHits == 0) continue;
            counted = true;
            int leaf = md.context.ord;
            int[] global = dimension.globalOrds == null ? null : dimension.globalOrds[leaf];
            if (global != null && md.totalHits < global.length / 8) {
                // few hits for the segment's values: each hit's counted in the reader's ordinals at once, without
                // a count per value of the segment to clear and read through
                countFew(md.context.reader(), md, global);
                continue;
            }
            int[] segment = countSegment(md.context.reader(), md, dimension.valueSets == null ? null : dimension.valueSets[leaf]);
            for (int ord = 0; ord < segment.length; ord++) {
                if (segment[ord] != 0) counts[global == null ? ord : global[ord]] += segment[ord];
            }
        }
    }

    /** Counts the hits of a segment into the reader's ordinals. */
    private void countFew(LeafReader leaf, FacetsCollector.MatchingDocs md, int[] global) throws IOException {
        SortedSetDocValues dv = DocValues.getSortedSet(leaf, state.getField());
        DocIdSetIterator hits = md.bits.iterator();
        if (hits == null) return;
        for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
            if (dv.advanceExact(doc)) {
                for (int i = dv.docValueCount(); i > 0; i--) counts[global[(int) dv.nextOrd()]]++;
            }
        }
    }

    /** One segment's counts, by its own ordinals. */
    private int[] countSegment(LeafReader leaf, FacetsCollector.MatchingDocs md, int[][] setValues) throws IOException {
        SortedSetDocValues dv = DocValues.getSortedSet(leaf, state.getField());
        int[] segment = new int[(int) dv.getValueCount()];
        DocIdSetIterator hits = md.bits.iterator();
        if (hits == null) return segment;
        SortedDocValues single = DocValues.unwrapSingleton(dv);
        if (single != null) {
            for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
                if (single.advanceExact(doc)) segment[single.ordValue()]++;
            }
        } else if (setValues != null) {
            SortedDocValues sets = DocValues.getSorted(leaf, IndexSchema.valueSetField(dim));
            int[] perSet = new int[setValues.length];
            for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
                if (sets.advanceExact(doc)) perSet[sets.ordValue()]++;
            }
            for (int set = 0; set < perSet.length; set++) {
                if (perSet[set] != 0) for (int ord : setValues[set]) segment[ord] += perSet[set];
            }
        } else {
            for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
                if (dv.advanceExact(doc)) {
                    for (int i = dv.docValueCount(); i > 0; i--) segment[(int) dv.nextOrd()]++;
                }
            }
        }
        return segment;
    }

    private record OrdCount(int ord, int count) {}

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
        if (topN <= 0) throw new IllegalArgumentException("topN must be > 0 (got: " + topN + ")");
        OrdRange range = range(dim, path);
        if (range == null || !counted) return null;
        // the most counted first; of equal counts, the lower ordinal (the value first in order)
        // a queue no longer than the dimension's values, however many are wanted
        int size = Math.min(topN, range.end - range.start + 1);
        PriorityQueue<OrdCount> top = new PriorityQueue<>(size) {
            @Override
            protected boolean lessThan(OrdCount a, OrdCount b) {
                return a.count < b.count || (a.count == b.count && a.ord > b.ord);
            }
        };
        int total = 0;
        int children = 0;
        for (int ord = range.start; ord <= range.end; ord++) {
            int c = counts[ord];
            if (c <= 0) continue;
            total += c;
            children++;
            // a value that cannot enter the queue is not made an object
            if (top.size() < size || c > top.top().count) top.insertWithOverflow(new OrdCount(ord, c));
        }
        if (children == 0) return null;
        LabelAndValue[] labels = new LabelAndValue[top.size()];
        for (int i = labels.length - 1; i >= 0; i--) {
            OrdCount oc = top.pop();
            labels[i] = new LabelAndValue(label(oc.ord), oc.count);
        }
        return new FacetResult(dim, path, total(dim, total), labels, children);
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) throws IOException {
        OrdRange range = range(dim, path);
        if (range == null || !counted) return null;
        List<LabelAndValue> labels = new ArrayList<>();
        int total = 0;
        for (int ord = range.start; ord <= range.end; ord++) {
            int c = counts[ord];
            if (c <= 0) continue;
            total += c;
            labels.add(new LabelAndValue(label(ord), c));
        }
        return new FacetResult(dim, path, total(dim, total), labels.toArray(LabelAndValue[]::new), labels.size());
    }

    @Override
    public Number getSpecificValue(String dim, String... path) throws IOException {
        if (path.length != 1) throw new IllegalArgumentException("path must be length=1");
        int ord = (int) values.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
        return ord < 0 ? -1 : counts[ord];
    }

    @Override
    public List<FacetResult> getAllDims(int topN) throws IOException {
        FacetResult r = getTopChildren(topN, dim);
        return r == null ? List.of() : List.of(r);
    }

    private OrdRange range(String dim, String... path) {
        if (!dim.equals(this.dim)) throw new IllegalArgumentException("these are the counts of \"" + this.dim + "\", not of \"" + dim + "\"");
        if (path.length > 0) throw new IllegalArgumentException("Field is not configured as hierarchical, path should be 0 length");
        return state.getOrdRange(dim);
    }

    /** A multi-valued dimension's total is unknown (a letter counts once under each of its values): -1. */
    private int total(String dim, int sum) {
        FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
        return config.multiValued && !config.requireDimCount ? -1 : sum;
    }

    /** A value's label: read once per searcher, so that the answers it gives (and keeps) share one string. */
    private String label(int ord) throws IOException {
        String l = labels[ord];
        if (l == null) {
            String[] parts = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
            labels[ord] = l = parts[parts.length - 1];
        }
        return l;
    }

    /**
     * What counting one dimension reads of a searcher's segments, read once per searcher as its facet state is: each
     * segment's ordinals mapped to the reader's (an array lookup where Lucene's ordinal map decodes packed values:
     * a dimension of thousands of values maps thousands of ordinals per segment and search), and, for a
     * {@link IndexSchema#VALUE_SETS few-valued dimension}, each segment's value sets: for each set (by its ordinal in
     * the segment's {@link IndexSchema#valueSetField}), its values' ordinals in the segment.
     */
    static final class Dimension {
        final String dim;
        final SortedSetDocValuesReaderState state;
        /** Per segment, its ordinals' in the reader; null for a reader of one segment (the same ordinals). */
        final int[][] globalOrds;
        /** Per segment, its value sets' values (null for a segment without them); null for other dimensions. */
        final int[][][] valueSets;
        /**
         * The values' labels by the reader's ordinals, each read when first shown (an immutable string: a search that
         * reads one another has just written sees it, or null and reads it again).
         */
        private volatile String[] labels;

        Dimension(String dim, SortedSetDocValuesReaderState state) throws IOException {
            this.dim = dim;
            this.state = state;
            List<LeafReaderContext> leaves = state.getReader().leaves();
            SortedSetDocValues top = state.getDocValues();
            if (top instanceof MultiDocValues.MultiSortedSetDocValues m) {
                globalOrds = new int[leaves.size()][];
                for (LeafReaderContext leaf : leaves) {
                    LongValues global = m.mapping.getGlobalOrds(leaf.ord);
                    int[] map = new int[(int) DocValues.getSortedSet(leaf.reader(), state.getField()).getValueCount()];
                    for (int ord = 0; ord < map.length; ord++) map[ord] = (int) global.get(ord);
                    globalOrds[leaf.ord] = map;
                }
            } else {
                globalOrds = null;
            }
            valueSets = IndexSchema.VALUE_SETS.contains(dim) ? valueSets(leaves) : null;
        }

        String[] labels() {
            String[] l = labels;
            if (l == null) labels = l = new String[state.getSize()];
            return l;
        }

        private int[][][] valueSets(List<LeafReaderContext> leaves) throws IOException {
            int[][][] out = new int[leaves.size()][][];
            for (LeafReaderContext leaf : leaves) {
                SortedDocValues sets = leaf.reader().getSortedDocValues(IndexSchema.valueSetField(dim));
                if (sets == null) continue;
                SortedSetDocValues facet = DocValues.getSortedSet(leaf.reader(), state.getField());
                int[][] setValues = new int[sets.getValueCount()][];
                for (int s = 0; s < setValues.length; s++) {
                    List<String> labels = IndexSchema.readValueSet(sets.lookupOrd(s));
                    int[] ords = new int[labels.size()];
                    for (int i = 0; i < ords.length; i++) {
                        long ord = facet.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, labels.get(i))));
                        if (ord < 0) throw new IllegalStateException("value set of \"" + dim + "\" names a value the segment lacks: " + labels.get(i));
                        ords[i] = (int) ord;
                    }
                    setValues[s] = ords;
                }
                out[leaf.ord] = setValues;
            }
            return out;
        }
    }
}
