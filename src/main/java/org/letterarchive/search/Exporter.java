package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;

/**
 * Every letter a search matches, not just a page, in the search's order, up to a cap: fed row by row to
 * a {@link Sink} while one searcher is held, so an export is one consistent point-in-time view.
 */
public final class Exporter {

    public static final int MAX_ROWS = 50_000;

    /** One exported letter. */
    public record Row(String id, String title, String date, String language, List<String> recipients,
                      int signerCount, List<String> signers) {}

    /** Receives an export: first its size, then each row. */
    public interface Sink {
        /**
         * @param total     letters that match
         * @param rows      rows that follow (total, or the cap)
         * @param truncated true when the cap cut the export short
         */
        void begin(long total, int rows, boolean truncated) throws IOException;

        void row(Row row) throws IOException;
    }

    private final LetterIndex index;

    Exporter(LetterIndex index) {
        this.index = index;
    }

    public void export(SearchRequest request, int cap, Sink sink) throws IOException {
        if (cap < 1 || cap > MAX_ROWS) throw new SearchException("an export holds 1 to " + MAX_ROWS + " letters");
        RequestQuery rq = new RequestQuery(request, index.schema().analyzer(), index.schema().facetsConfig());
        LetterSearcher searcher = index.acquire();
        try {
            rq.checkExpansion(searcher);
            Query q = rq.drillDown();
            int total = searcher.count(q);
            Sort sort = SearchService.sortOf(request.sort());
            TopDocs top = total == 0 ? null
                    : sort == null ? searcher.search(q, Math.min(cap, total)) : searcher.search(q, Math.min(cap, total), sort);
            ScoreDoc[] docs = top == null ? new ScoreDoc[0] : top.scoreDocs;
            sink.begin(total, docs.length, total > docs.length);
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(IndexSchema.SUMMARY, IndexSchema.SIGNER_NAMES);
            for (ScoreDoc sd : docs) {
                Document d = stored.document(sd.doc, fields);
                IndexSchema.Summary s = IndexSchema.readSummary(d.getBinaryValue(IndexSchema.SUMMARY));
                List<String> signers = new ArrayList<>();
                for (IndexableField f : d.getFields(IndexSchema.SIGNER_NAMES)) signers.add(f.stringValue());
                if (signers.isEmpty()) signers = s.topSigners(); // indexed before all names were stored
                List<String> recipients = new ArrayList<>();
                for (Map<String, Object> r : s.recipients()) {
                    Object label = r.get("name") != null ? r.get("name") : r.get("role");
                    if (label != null) recipients.add(Objects.toString(label));
                }
                sink.row(new Row(s.id(), s.title(), s.date(), s.language(), recipients, s.signerCount(), signers));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            index.release(searcher);
        }
    }
}
