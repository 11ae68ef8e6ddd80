package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;

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
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[^\\p{L}\\p{N}]+");

    public enum Order { count, name }

    /** The answer: how many values match the prefix, and the first {@code limit} of them. */
    public record Page(String facet, String prefix, Order sort, int matching, List<SearchResult.FacetValue> values) {}

    private record Candidate(String value, String foldedLabel, long count) {}

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
        if (!RequestQuery.isFacet(facet)) {
            throw new SearchException("unknown facet '" + facet + "': one of " + String.join(", ", IndexSchema.FACETS));
        }
        if (limit < 1 || limit > MAX_LIMIT) throw new SearchException("limit must be between 1 and " + MAX_LIMIT);
        String p = prefix == null ? "" : fold(prefix);
        if (prefix != null && prefix.length() > MAX_PREFIX) {
            throw new SearchException("prefix too long: at most " + MAX_PREFIX + " characters");
        }
        Order order = sort == null ? Order.count : sort;
        SearchRequest req = filters == null ? SearchRequest.of("") : filters;
        RequestQuery rq = new RequestQuery(req, index.schema().analyzer(), index.schema().facetsConfig());
        try {
            LetterSearcher searcher = index.acquire();
            try {
                SortedSetDocValuesReaderState state = searcher.facetState();
                if (state == null || state.getOrdRange(facet) == null) return new Page(facet, prefix, order, 0, List.of());
                rq.checkExpansion(searcher);
                Facets counts = counts(searcher, state, rq, facet);
                FacetResult all = counts.getAllChildren(facet);
                Map<String, String[]> folded = foldedTable(searcher, state, facet);
                List<Candidate> matching = new ArrayList<>();
                if (all != null) {
                    for (LabelAndValue lv : all.labelValues) {
                        String[] f = folded.get(lv.label);
                        if (f == null) f = new String[] {fold(lv.label), fold(label.apply(facet, lv.label))};
                        if (p.isEmpty() || matchesPrefix(f, p)) matching.add(new Candidate(lv.label, f[1], lv.value.longValue()));
                    }
                }
                Comparator<Candidate> byName = Comparator.comparing(Candidate::foldedLabel).thenComparing(Candidate::value);
                matching.sort(order == Order.name ? byName
                        : Comparator.comparingLong(Candidate::count).reversed().thenComparing(byName));
                List<SearchResult.FacetValue> page = matching.subList(0, Math.min(limit, matching.size())).stream()
                        .map(c -> new SearchResult.FacetValue(c.value(), label.apply(facet, c.value()), c.count())).toList();
                return new Page(facet, prefix, order, matching.size(), page);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Facets counts(LetterSearcher searcher, SortedSetDocValuesReaderState state, RequestQuery rq,
                                 String facet) throws IOException {
        var ddq = rq.drillDown(facet);
        boolean everything = rq.request.query().isEmpty() && rq.request.from() == null && rq.request.to() == null
                && rq.request.filters().keySet().stream().allMatch(facet::equals);
        if (everything) return new SortedSetDocValuesFacetCounts(state); // counts every letter, no query
        FacetsCollector fc = searcher.search(ddq, new FacetsCollectorManager());
        return new SortedSetDocValuesFacetCounts(state, fc);
    }

    /** Per value, {folded value, folded label} — built once per searcher and facet. */
    private Map<String, String[]> foldedTable(LetterSearcher searcher, SortedSetDocValuesReaderState state, String facet) {
        return searcher.derived("facet-fold:" + facet, k -> {
            try {
                SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(facet);
                SortedSetDocValues dv = state.getDocValues();
                Map<String, String[]> out = new HashMap<>();
                for (int ord = range.start; ord <= range.end; ord++) {
                    String path = dv.lookupOrd(ord).utf8ToString();
                    int sep = path.indexOf('\u001f');
                    String value = sep < 0 ? path : path.substring(sep + 1);
                    out.put(value, new String[] {fold(value), fold(label.apply(facet, value))});
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A prefix of the value, of the label, or of any word in the label. */
    private static boolean matchesPrefix(String[] folded, String prefix) {
        if (folded[0].startsWith(prefix) || folded[1].startsWith(prefix)) return true;
        String l = folded[1];
        for (int i = l.indexOf(' '); i >= 0; i = l.indexOf(' ', i + 1)) {
            if (l.startsWith(prefix, i + 1)) return true;
        }
        return false;
    }

    /** Lower case, accents removed, punctuation as single spaces: "Centro Prodh, A.C." → "centro prodh a c". */
    static String fold(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD);
        n = MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
        return SPACES.matcher(n).replaceAll(" ").strip();
    }
}
