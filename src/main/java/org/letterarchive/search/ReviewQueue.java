package org.letterarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.corpus.Json;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;
import org.letterarchive.letter.Assessment;

/**
 * The review queue: the letters whose analysis has doubts no curator has settled, read from the index
 * alone (a field marks them, their least confidence sorts them, their assessment is stored beside the
 * summary), newest first or least confident first.
 */
public final class ReviewQueue {

    /** Below this confidence the analysis counts a part as uncertain, and the web UI marks it. */
    public static final double UNSURE = org.letterarchive.extract.LetterAnalyzer.UNSURE;
    public static final int PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_DEPTH = 10_000;

    /** The orders of the queue. */
    public enum Order { newest, confidence }

    /** One letter of the queue. */
    public record Entry(String id, String title, String date, String language, int signerCount,
                        List<String> doubts, Map<String, Double> confidence) {}

    /** One page of the queue and how many letters it holds in all. */
    public record Page(long total, int page, int size, String sort, List<Entry> letters) {}

    private final LetterIndex index;

    public ReviewQueue(LetterIndex index) {
        this.index = index;
    }

    public Page list(Order order, int page, int size) throws IOException {
        if (page < 1) throw new SearchException("'page' starts at 1");
        if (size < 1 || size > MAX_PAGE_SIZE) throw new SearchException("'size' must be 1 to " + MAX_PAGE_SIZE);
        if ((long) page * size > MAX_DEPTH) throw new SearchException("page × size may not pass " + MAX_DEPTH);
        LetterSearcher s = index.acquire();
        try {
            TermQuery q = new TermQuery(new Term(IndexSchema.REVIEW, "yes"));
            TopFieldDocs top = s.search(q, page * size, sortOf(order), false);
            List<Entry> entries = new ArrayList<>();
            var stored = s.storedFields();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = (page - 1) * size; i < docs.length; i++) {
                Document d = stored.document(docs[i].doc, Set.of(IndexSchema.SUMMARY, IndexSchema.ASSESSMENT));
                entries.add(entry(d));
            }
            return new Page(top.totalHits.value, page, size, order.name(), entries);
        } finally {
            index.release(s);
        }
    }

    /** How many letters the queue holds. */
    public long count() throws IOException {
        LetterSearcher s = index.acquire();
        try {
            return s.count(new TermQuery(new Term(IndexSchema.REVIEW, "yes")));
        } finally {
            index.release(s);
        }
    }

    static Sort sortOf(Order order) {
        SortField date = new SortField(IndexSchema.DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE); // undated letters last
        SortField least = new SortField(IndexSchema.REVIEW_LEAST, SortField.Type.DOUBLE, false);
        least.setMissingValue(0.0);
        return order == Order.newest ? new Sort(date, least, SortField.FIELD_DOC) : new Sort(least, date, SortField.FIELD_DOC);
    }

    private static Entry entry(Document d) throws IOException {
        IndexSchema.Summary sum = IndexSchema.readSummary(d.getBinaryValue(IndexSchema.SUMMARY));
        BytesRef a = d.getBinaryValue(IndexSchema.ASSESSMENT);
        Assessment assessment = a == null ? null : Json.mapper().readValue(a.bytes, a.offset, a.length, Assessment.class);
        Map<String, Double> confidence = new LinkedHashMap<>();
        if (assessment != null) {
            confidence.put("least", IndexSchema.leastConfidence(assessment));
            confidence.put("title", assessment.title());
            confidence.put("date", assessment.date());
            confidence.put("recipients", assessment.recipients());
            confidence.put("signers", assessment.signers());
        }
        return new Entry(sum.id(), sum.title(), sum.date(), sum.language(), sum.signerCount(),
                assessment == null ? List.of() : assessment.doubts(), confidence);
    }
}
