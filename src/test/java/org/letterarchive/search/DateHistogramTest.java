package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;

/**
 * The date histogram counts each dated hit once, in its year or (over two years or less) its month, whether the
 * days are counted in an array (dates of a few centuries) or in a hash map (a wider span).
 */
class DateHistogramTest {

    @Test
    void yearsOfDecadesOfLetters() throws Exception {
        check(LocalDate.of(1995, 3, 1), 30 * 365, "year");
    }

    @Test
    void monthsOfAYearAndAHalf() throws Exception {
        check(LocalDate.of(2019, 11, 17), 540, "month");
    }

    @Test
    void yearsOfCenturiesCountedPerDayInAMap() throws Exception {
        check(LocalDate.of(1300, 1, 1), DateHistogram.MAX_DAYS_IN_ARRAY + 4000, "year");
    }

    private static void check(LocalDate from, int spanDays, String unit) throws Exception {
        Random random = new Random(spanDays);
        List<Long> hitDates = new ArrayList<>();
        long undatedHits = 0;
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 400; i++) {
                    Document d = new Document();
                    boolean hit = random.nextInt(3) > 0;
                    d.add(new StringField("hit", hit ? "yes" : "no", Field.Store.NO));
                    if (random.nextInt(8) == 0) {
                        if (hit) undatedHits++;
                    } else {
                        // the span's ends are always written, so that it is the span
                        long day = from.toEpochDay() + (i == 0 ? 0 : i == 1 ? spanDays : random.nextInt(spanDays + 1));
                        d.add(new LongPoint(IndexSchema.DATE, day));
                        d.add(new NumericDocValuesField(IndexSchema.DATE, day));
                        if (hit) hitDates.add(day);
                    }
                    w.addDocument(d);
                }
                w.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                FacetsCollector hits = new IndexSearcher(reader).search(new TermQuery(new Term("hit", "yes")), new FacetsCollectorManager());
                long total = hitDates.size() + undatedHits;
                DateHistogram.Result r = DateHistogram.of(hits, total);

                boolean monthly = unit.equals("month");
                TreeMap<String, Long> expected = new TreeMap<>();
                for (long day : hitDates) {
                    LocalDate date = LocalDate.ofEpochDay(day);
                    String key = monthly ? String.format("%04d-%02d", date.getYear(), date.getMonthValue()) : String.format("%04d", date.getYear());
                    expected.merge(key, 1L, Long::sum);
                }
                TreeMap<String, Long> got = new TreeMap<>();
                for (SearchResult.FacetValue v : r.buckets()) got.put(v.value(), v.count());
                assertEquals(unit, r.unit());
                assertEquals(expected, got);
                assertEquals(undatedHits, r.undated());
                assertEquals(new ArrayList<>(expected.keySet()), r.buckets().stream().map(SearchResult.FacetValue::value).toList(),
                        "buckets in date order");
            }
        }
    }
}
