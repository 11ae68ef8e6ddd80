package org.letterarchive.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.letterarchive.index.IndexSchema;

/**
 * Letters per year of the current result, or per month when the dated hits span two years or less. Read
 * from the date doc values of exactly the matching letters, so the counts sum to the dated hits.
 */
final class DateHistogram {

    record Result(List<SearchResult.FacetValue> buckets, String unit, long undated) {}

    /** No histogram: it was not asked for. */
    static final Result NONE = new Result(List.of(), null, 0);

    private DateHistogram() {}

    static Result of(FacetsCollector hits, long total) throws IOException {
        long[] days = new long[64];
        int n = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            if (md.totalHits == 0 || md.bits == null) continue;
            NumericDocValues dates = md.context.reader().getNumericDocValues(IndexSchema.DATE);
            if (dates == null) continue;
            DocIdSetIterator it = md.bits.iterator();
            if (it == null) continue;
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (dates.advanceExact(doc)) {
                    long d = dates.longValue();
                    if (n == days.length) days = java.util.Arrays.copyOf(days, n * 2);
                    days[n++] = d;
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        boolean monthly = n > 0
                && LocalDate.ofEpochDay(min).plusYears(2).isAfter(LocalDate.ofEpochDay(max).minusDays(1));
        TreeMap<Integer, long[]> counts = new TreeMap<>(); // year, or year * 12 + month - 1
        for (int i = 0; i < n; i++) {
            LocalDate date = LocalDate.ofEpochDay(days[i]);
            int key = monthly ? date.getYear() * 12 + date.getMonthValue() - 1 : date.getYear();
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
        }
        List<SearchResult.FacetValue> buckets = new ArrayList<>();
        counts.forEach((k, v) -> {
            String label = monthly ? String.format("%04d-%02d", Math.floorDiv(k, 12), Math.floorMod(k, 12) + 1)
                    : String.format("%04d", k);
            buckets.add(new SearchResult.FacetValue(label, label, v[0]));
        });
        return new Result(buckets, monthly ? "month" : "year", total - n);
    }
}
