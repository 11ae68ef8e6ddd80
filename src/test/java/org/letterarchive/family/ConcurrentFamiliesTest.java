package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.TestLetters;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.store.LetterStore;

/**
 * Family detection while letters are ingested from several threads (detection holds its lock, indexing does
 * not): a campaign ingested across a refresh of detection's reader stays one family, and every letter is indexed
 * with the family it ends up in.
 */
class ConcurrentFamiliesTest {

    /** Copies ingested before the commit: the 250 after it are fewer than a quarter of the letters then pending. */
    static final int COMMIT_AFTER = Families.REFRESH_EVERY * 7 / 8;

    @TempDir
    Path dir;

    static byte[] copy(int i) {
        String[] text = TestLetters.FAMILY_CAMPAIGN.clone();
        if (i % 7 == 0) text[1] = text[1] + " My street was under water for a week.";
        StringBuilder b = new StringBuilder("Stop the wetland motorway\n\n")
                .append("June ").append(1 + i % 28).append(", 2022\n\nTo: Minister of Transport\n\nDear Minister,\n\n");
        for (String p : text) b.append(p).append("\n\n");
        b.append("Sincerely,\n\n").append("Residents Association of Block ").append(i).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCampaignIngestedFromFourThreadsIsOneFamilyIndexedAsSuch() throws Exception {
        int copies = Families.REFRESH_EVERY + 150;
        try (Archive a = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> ids = new ArrayList<>();
            try {
                // the campaign in two runs with a commit between (the writer's buffer emptied): detection's reader is
                // refreshed in the second run, once enough letters are pending, and the copies go on being found
                for (int i = 0; i < copies; i++) {
                    if (i == COMMIT_AFTER) {
                        for (Future<String> f : ids) f.get();
                        a.commit();
                    }
                    byte[] bytes = copy(i);
                    ids.add(pool.submit(() -> {
                        var r = a.ingestWithoutCommit(bytes, "copy.txt");
                        assertEquals(LetterStore.Outcome.created, r.outcome());
                        return r.stored().id();
                    }));
                }
                for (Future<String> f : ids) f.get();
            } finally {
                pool.shutdownNow();
            }
            Families families = a.store().families();
            assertTrue(families.refreshes() >= 1, "detection's reader refreshed while the campaign was ingested");
            a.commit();
            Map<String, String> indexed = indexedFamilies(a);
            assertEquals(copies, indexed.size());
            String family = families.familyOf(ids.get(0).get());
            for (Future<String> f : ids) {
                String id = f.get();
                assertEquals(family, families.familyOf(id), id + " joined the campaign");
                assertEquals(family, indexed.get(id), id + " indexed with its family");
            }
            assertEquals(copies, families.members(family).size());
        }
    }

    /** Every indexed letter's family id, as the index holds it. */
    private static Map<String, String> indexedFamilies(Archive a) throws Exception {
        Map<String, String> out = new HashMap<>();
        var index = a.store().index();
        index.refreshLatest();
        IndexSearcher s = index.acquireLatest();
        try {
            for (ScoreDoc d : s.search(new MatchAllDocsQuery(), Integer.MAX_VALUE).scoreDocs) {
                var doc = s.storedFields().document(d.doc, Set.of(IndexSchema.ID, IndexSchema.FAMILY_ID));
                out.put(doc.get(IndexSchema.ID), doc.get(IndexSchema.FAMILY_ID));
            }
        } finally {
            index.releaseLatest(s);
        }
        return out;
    }
}
