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

    private DateHistogram() {}

    static Result of(FacetsCollector hits, long total) throws IOException {
        List<Long> days = new ArrayList<>();
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
                    days.add(d);
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        boolean monthly = !days.isEmpty()
                && LocalDate.ofEpochDay(min).plusYears(2).isAfter(LocalDate.ofEpochDay(max).minusDays(1));
        TreeMap<String, Long> counts = new TreeMap<>();
        for (long d : days) {
            LocalDate date = LocalDate.ofEpochDay(d);
            String key = monthly ? IndexSchema.yearOf(date) + "-" + String.format("%02d", date.getMonthValue())
                    : IndexSchema.yearOf(date);
            counts.merge(key, 1L, Long::sum);
        }
        List<SearchResult.FacetValue> buckets = new ArrayList<>();
        counts.forEach((k, v) -> buckets.add(new SearchResult.FacetValue(k, k, v)));
        return new Result(buckets, monthly ? "month" : "year", total - days.size());
    }
}
