package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.function.BinaryOperator;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;
import org.letterarchive.letter.Folding;

/**
 * Every value of one facet, filtered by a prefix of its value or label and sorted by count or name:
 * {@code GET /api/facets/{facet}}. The folded (lower-case, accent-free) form of each value and label is
 * computed once per searcher from the facet state's ordinals; a request counts the matching letters once and
 * filters that table, never reading documents.
 */
public final class FacetLister {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_PREFIX = 200;
    private static final Pattern SPACES = Pattern.compile("[^\\p{L}\\p{N}]+");

    public enum Order { count, name }

    /** The answer: how many values match the prefix, and the first {@code limit} of them. */
    public record Page(String facet, String prefix, Order sort, int matching, List<SearchResult.FacetValue> values) {}

    private final LetterIndex index;
    private final BinaryOperator<String> label;

    FacetLister(LetterIndex index, BinaryOperator<String> label) {
        this.index = index;
        this.label = label;
    }

    /**
     * @param filters the search whose letters are counted; a filter on {@code facet} itself is ignored
     *                (drill-sideways), so the list shows every value the rest of the search allows
     */
    public Page list(String facet, String prefix, Order sort, int limit, SearchRequest filters) {
        String p = checkedPrefix(facet, prefix, limit);
        Order order = sort == null ? Order.count : sort;
        SearchRequest req = filters == null ? SearchRequest.of("") : filters;
        RequestQuery rq = new RequestQuery(req, index.schema().analyzer(), index.schema().facetsConfig());
        try {
            LetterSearcher searcher = index.acquire();
            try {
                SortedSetDocValuesReaderState state = searcher.facetState(facet);
                if (state == null || state.getOrdRange(facet) == null) return new Page(facet, prefix, order, 0, List.of());
                rq.checkExpansion(searcher);
                Table table = table(searcher, state, facet);
                int[] counts = count(searcher, state, table, rq, facet);
                List<Integer> matching = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 && (p.isEmpty() || table.matches(i, p))) matching.add(i);
                }
                Comparator<Integer> byName = Comparator.comparingInt(i -> table.nameRank[i]);
                matching.sort(order == Order.name ? byName
                        : Comparator.comparingInt((Integer i) -> counts[i]).reversed().thenComparing(byName));
                List<SearchResult.FacetValue> page = matching.subList(0, Math.min(limit, matching.size())).stream()
                        .map(i -> new SearchResult.FacetValue(table.values[i], label.apply(facet, table.values[i]), counts[i]))
                        .toList();
                return new Page(facet, prefix, order, matching.size(), page);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folded prefix, once the facet, the prefix and the limit are checked. */
    private static String checkedPrefix(String facet, String prefix, int limit) {
        if (!RequestQuery.isFacet(facet)) {
            throw new SearchException("unknown facet '" + facet + "': one of " + String.join(", ", IndexSchema.FACETS));
        }
        if (limit < 1 || limit > MAX_LIMIT) throw new SearchException("limit must be between 1 and " + MAX_LIMIT);
        if (prefix != null && prefix.length() > MAX_PREFIX) {
            throw new SearchException("prefix too long: at most " + MAX_PREFIX + " characters");
        }
        return prefix == null ? "" : fold(prefix);
    }

    /**
     * The page of one facet's values, counted elsewhere (another index): the same checks, prefix matching and
     * order as {@link #list}.
     *
     * @param values the facet's values, each with its count (values with no letter left out or counted 0)
     */
    public static Page page(String facet, String prefix, Order sort, int limit, java.util.Map<String, Long> values,
                            BinaryOperator<String> label) {
        String p = checkedPrefix(facet, prefix, limit);
        Order order = sort == null ? Order.count : sort;
        int n = values.size();
        String[] vs = values.keySet().toArray(new String[0]);
        java.util.Arrays.sort(vs, Comparator.comparing((String v) -> new org.apache.lucene.util.BytesRef(v))); // ordinal order
        String[] foldedValues = new String[n];
        String[] foldedLabels = new String[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            foldedValues[i] = fold(vs[i]);
            foldedLabels[i] = fold(label.apply(facet, vs[i]));
            counts[i] = values.get(vs[i]);
        }
        Table table = new Table(0, vs, foldedValues, foldedLabels);
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0 && (p.isEmpty() || table.matches(i, p))) matching.add(i);
        }
        Comparator<Integer> byName = Comparator.comparingInt(i -> table.nameRank[i]);
        matching.sort(order == Order.name ? byName
                : Comparator.comparingLong((Integer i) -> counts[i]).reversed().thenComparing(byName));
        List<SearchResult.FacetValue> page = matching.subList(0, Math.min(limit, matching.size())).stream()
                .map(i -> new SearchResult.FacetValue(vs[i], label.apply(facet, vs[i]), counts[i]))
                .toList();
        return new Page(facet, prefix, order, matching.size(), page);
    }

    /** One facet's values in ordinal order, folded for prefix matching and ranked by name; one per searcher. */
    private static final class Table {
        final int start;
        final String[] values;
        final String[] foldedValues;
        final String[] foldedLabels;
        final int[] nameRank;

        Table(int start, String[] values, String[] foldedValues, String[] foldedLabels) {
            this.start = start;
            this.values = values;
            this.foldedValues = foldedValues;
            this.foldedLabels = foldedLabels;
            Integer[] byName = new Integer[values.length];
            for (int i = 0; i < byName.length; i++) byName[i] = i;
            java.util.Arrays.sort(byName, Comparator.comparing((Integer i) -> foldedLabels[i]).thenComparing(i -> values[i]));
            nameRank = new int[values.length];
            for (int r = 0; r < byName.length; r++) nameRank[byName[r]] = r;
        }

        /** A prefix of the value, of the label, or of any word in the label. */
        boolean matches(int i, String prefix) {
            if (foldedValues[i].startsWith(prefix) || foldedLabels[i].startsWith(prefix)) return true;
            String l = foldedLabels[i];
            for (int k = l.indexOf(' '); k >= 0; k = l.indexOf(' ', k + 1)) {
                if (l.startsWith(prefix, k + 1)) return true;
            }
            return false;
        }
    }

    private Table table(LetterSearcher searcher, SortedSetDocValuesReaderState state, String facet) {
        return searcher.derived("facet-table:" + facet, k -> {
            try {
                SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(facet);
                SortedSetDocValues dv = state.getDocValues();
                int n = range.end - range.start + 1;
                String[] values = new String[n];
                String[] foldedValues = new String[n];
                String[] foldedLabels = new String[n];
                for (int i = 0; i < n; i++) {
                    String path = dv.lookupOrd(range.start + i).utf8ToString();
                    int sep = path.indexOf(FacetsConfig.DELIM_CHAR);
                    values[i] = sep < 0 ? path : path.substring(sep + 1);
                    foldedValues[i] = fold(values[i]);
                    foldedLabels[i] = fold(label.apply(facet, values[i]));
                }
                return new Table(range.start, values, foldedValues, foldedLabels);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Letters per value of the facet among those the search (minus the facet's own filter) matches, read from
     * the facet doc values' ordinals: one pass over the matching letters, no document is loaded.
     */
    private static int[] count(LetterSearcher searcher, SortedSetDocValuesReaderState state, Table table,
                               RequestQuery rq, String facet) throws IOException {
        int[] counts = new int[table.values.length];
        boolean everything = rq.request.query().isEmpty() && rq.request.from() == null && rq.request.to() == null
                && rq.request.filters().keySet().stream().allMatch(facet::equals);
        SortedSetDocValues global = state.getDocValues();
        OrdinalMap ordinalMap = global instanceof MultiDocValues.MultiSortedSetDocValues m ? m.mapping : null;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<FacetsCollector.MatchingDocs> hits = everything ? null
                : searcher.search(rq.drillDown(facet), new FacetsCollectorManager()).getMatchingDocs();
        for (int li = 0; li < leaves.size(); li++) {
            LeafReaderContext leaf = leaves.get(li);
            SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), state.getField());
            LongValues toGlobal = ordinalMap == null ? null : ordinalMap.getGlobalOrds(li);
            DocIdSetIterator docs;
            Bits live = null;
            if (everything) {
                docs = dv;
                live = leaf.reader().getLiveDocs();
            } else {
                FacetsCollector.MatchingDocs md = null;
                for (FacetsCollector.MatchingDocs h : hits) if (h.context.ord == leaf.ord) md = h;
                if (md == null || md.totalHits == 0 || md.bits == null) continue;
                docs = md.bits.iterator();
                if (docs == null) continue;
            }
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                if (!everything && !dv.advanceExact(doc)) continue;
                for (int k = 0, c = dv.docValueCount(); k < c; k++) {
                    long ord = dv.nextOrd();
                    long g = toGlobal == null ? ord : toGlobal.get(ord);
                    int i = (int) (g - table.start);
                    if (i >= 0 && i < counts.length) counts[i]++;
                }
            }
        }
        return counts;
    }

    /** Folded as the index and the organization keys are, punctuation as single spaces: "Centro Prodh, A.C." → "centro prodh a c". */
    static String fold(String s) {
        if (s == null) return "";
        return SPACES.matcher(Folding.fold(s)).replaceAll(" ").strip();
    }
}
