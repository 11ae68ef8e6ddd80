package org.letterarchive.search;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.cursors.IntIntCursor;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
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

    /**
     * The widest span of days counted in an array (about 550 years, 0.8 MB); letters of a wider span are counted
     * per day in a hash map.
     */
    static final int MAX_DAYS_IN_ARRAY = 200_000;

    static Result of(FacetsCollector hits, long total) throws IOException {
        // hits per day first, then per month or year: in an array over the days the segments' dates span (their
        // points' least and greatest: Lucene keeps a field's points and doc values alike in every document, so each
        // date has its point), or in a hash map when they span centuries
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            PointValues points = md.totalHits == 0 ? null : md.context.reader().getPointValues(IndexSchema.DATE);
            if (points == null) continue;
            first = Math.min(first, LongPoint.decodeDimension(points.getMinPackedValue(), 0));
            last = Math.max(last, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
        }
        int[] perDayArray = first <= last && last - first < MAX_DAYS_IN_ARRAY ? new int[(int) (last - first + 1)] : null;
        IntIntHashMap perDay = perDayArray == null ? new IntIntHashMap() : null;
        long n = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            if (md.totalHits == 0 || md.bits == null) continue;
            NumericDocValues dates = md.context.reader().getNumericDocValues(IndexSchema.DATE);
            if (dates == null) continue;
            DocIdSetIterator it = md.bits.iterator();
            if (it == null) continue;
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (dates.advanceExact(doc)) {
                    int d = Math.toIntExact(dates.longValue());
                    if (perDayArray != null) perDayArray[(int) (d - first)]++;
                    else perDay.addTo(d, 1);
                    n++;
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        boolean monthly = n > 0
                && LocalDate.ofEpochDay(min).plusYears(2).isAfter(LocalDate.ofEpochDay(max).minusDays(1));
        TreeMap<Integer, long[]> counts = new TreeMap<>(); // year, or year * 12 + month - 1
        if (perDayArray != null && n > 0) {
            // the days in order, a month at a time: one date made per month, not per day
            int day = min;
            while (day <= max) {
                LocalDate date = LocalDate.ofEpochDay(day);
                int monthEnd = (int) date.withDayOfMonth(date.lengthOfMonth()).toEpochDay();
                long c = 0;
                for (int d = day; d <= Math.min(monthEnd, max); d++) c += perDayArray[(int) (d - first)];
                if (c > 0) {
                    int key = monthly ? date.getYear() * 12 + date.getMonthValue() - 1 : date.getYear();
                    counts.computeIfAbsent(key, k -> new long[1])[0] += c;
                }
                day = monthEnd + 1;
            }
        } else {
            for (IntIntCursor day : perDay) {
                LocalDate date = LocalDate.ofEpochDay(day.key);
                int key = monthly ? date.getYear() * 12 + date.getMonthValue() - 1 : date.getYear();
                counts.computeIfAbsent(key, k -> new long[1])[0] += day.value;
            }
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
