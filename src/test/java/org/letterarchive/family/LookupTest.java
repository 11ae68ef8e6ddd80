package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;

/**
 * A family look-up walks each segment's terms itself; it must find what the query it stands for finds: the
 * documents holding at least its minimum of keys, most keys first, then in index order, deleted letters and
 * (when asked) letters in the same language passed over.
 */
class LookupTest {

    static final String FIELD = "keys";

    @Test
    void findsWhatTheBooleanQueryOfItsKeysFinds() throws Exception {
        Random random = new Random(7);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            // one thread's buffers and terms enums, kept across look-ups and across readers as detection keeps them
            Families.DocCounts counts = new Families.DocCounts();
            DirectoryReader reader = null;
            try {
                // three readers in turn: letters added, and letters deleted from segments an earlier reader holds
                for (int stage = 0; stage < 3; stage++) {
                    for (int i = stage * 1000; i < (stage + 1) * 1000; i++) {
                        Document d = new Document();
                        d.add(new StringField("id", "l" + i, Field.Store.YES));
                        int keys = random.nextInt(12);
                        for (int k = 0; k < keys; k++) d.add(new StringField(FIELD, IndexSchema.familyKeyTerm(random.nextInt(60)), Field.Store.NO));
                        d.add(new StringField(FIELD, IndexSchema.familyKeyTerm(Families.languageKey(random.nextBoolean() ? "en" : "es")), Field.Store.NO));
                        w.addDocument(d);
                        if (i % 400 == 399) w.commit(); // several segments
                        if (i % 97 == 0 && i > 0) w.deleteDocuments(new Term("id", "l" + random.nextInt(i)));
                    }
                    w.commit();
                    DirectoryReader next = reader == null ? DirectoryReader.open(w) : DirectoryReader.openIfChanged(reader, w);
                    if (reader != null) reader.close();
                    reader = next;
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setQueryCache(null);
                    assertFalse(reader.leaves().size() < 2 + stage, "the test needs several segments");
                    Fingerprint english = Fingerprint.of("x", "", List.of(), "en", null);
                    for (int round = 0; round < 100; round++) {
                        List<Long> keys = new ArrayList<>();
                        int n = 1 + random.nextInt(30);
                        for (int k = 0; k < n; k++) keys.add((long) random.nextInt(80)); // some absent, some repeated
                        int minHits = 1 + random.nextInt(3);
                        boolean otherLanguage = random.nextInt(3) == 0;
                        Families.Lookup lookup = new Families.Lookup(keys, FIELD, minHits, otherLanguage);
                        int limit = 1 + random.nextInt(40);
                        String what = "reader " + stage + ", keys " + keys + ", at least " + minHits + (otherLanguage ? ", other language" : "");
                        List<Integer> expected = byQuery(searcher, lookup, limit);
                        assertEquals(expected, lookup.find(reader, english, limit, Integer.MAX_VALUE, counts), what);
                        assertEquals(expected, lookup.find(reader, english, limit, Integer.MAX_VALUE, new Families.DocCounts()), what + ", new buffers");
                    }
                }
            } finally {
                if (reader != null) reader.close();
            }
        }
    }

    /**
     * A campaign's copies hold the same keys: counting no more than a look-up returns of each key's letters in a
     * segment (its earliest) finds the same letters, from a bounded number of postings.
     */
    @Test
    void aCampaignsKeysAreCountedForItsEarliestCopiesOnly() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
            for (int i = 0; i < 400; i++) {
                Document d = new Document();
                // a campaign of 300 copies holding keys 0-15; 100 letters of another family sharing two of them
                boolean copy = i % 4 != 3;
                for (int k = 0; k < 16; k++) if (copy || k < 2) d.add(new StringField(FIELD, IndexSchema.familyKeyTerm(k), Field.Store.NO));
                if (!copy) d.add(new StringField(FIELD, IndexSchema.familyKeyTerm(100 + i), Field.Store.NO));
                w.addDocument(d);
            }
            w.forceMerge(1);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                List<Long> keys = new ArrayList<>();
                for (long k = 0; k < 16; k++) keys.add(k);
                Families.Lookup lookup = new Families.Lookup(keys, FIELD, 2, false);
                Fingerprint english = Fingerprint.of("x", "", List.of(), "en", null);
                Families.DocCounts counts = new Families.DocCounts();
                List<Integer> all = lookup.find(reader, english, 32, Integer.MAX_VALUE, counts);
                assertEquals(16 * 300 + 2 * 100, counts.counted);
                List<Integer> capped = lookup.find(reader, english, 32, 32, counts);
                assertEquals(all, capped, "the earliest copies, as when every posting is counted");
                assertEquals(16 * 32, counts.counted, "32 postings of each key");
                assertEquals(byQuery(new IndexSearcher(reader), lookup, 32), capped);
            }
        }
    }

    /** The documents the look-up's keys find as a query: each key a constant-score clause. */
    static List<Integer> byQuery(IndexSearcher searcher, Families.Lookup q, int limit) throws Exception {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (long k : q.keys()) b.add(new ConstantScoreQuery(new TermQuery(new Term(FIELD, IndexSchema.familyKeyTerm(k)))), BooleanClause.Occur.SHOULD);
        if (q.minHits() > 1) b.setMinimumNumberShouldMatch(q.minHits());
        if (q.otherLanguage()) b.add(new TermQuery(new Term(FIELD, IndexSchema.familyKeyTerm(Families.languageKey("en")))), BooleanClause.Occur.MUST_NOT);
        List<Integer> out = new ArrayList<>();
        for (ScoreDoc d : searcher.search(b.build(), limit).scoreDocs) out.add(d.doc);
        return out;
    }
}
