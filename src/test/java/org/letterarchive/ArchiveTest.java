package org.letterarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchResult;

class ArchiveTest {

    @TempDir
    Path dir;

    private Archive open() throws Exception {
        return Archive.open(dir.resolve("corpus"), dir.resolve("index"));
    }

    @Test
    void ingestedLetterIsSearchableAtOnce() throws Exception {
        try (Archive a = open()) {
            org.letterarchive.ingest.IngestPipeline.Result r = a.ingest(TestLetters.signOnLetter("Stop the detentions of children", "March 3, 2021",
                    "Kids in Need of Defense (KIND)", "Alianza Americas"), "one.txt");
            assertEquals(org.letterarchive.store.LetterStore.Outcome.created, r.outcome());
            SearchResult res = a.search().search(SearchRequest.of("detentions"));
            assertEquals(1, res.total());
            assertEquals(r.stored().id(), res.hits().get(0).id());
        }
    }

    @Test
    void sameBytesTwiceYieldOneLetter() throws Exception {
        byte[] bytes = TestLetters.signOnLetter("Once", "May 1, 2019", "Alianza Americas");
        try (Archive a = open()) {
            assertEquals(org.letterarchive.store.LetterStore.Outcome.created, a.ingest(bytes, "a.txt").outcome());
            assertEquals(org.letterarchive.store.LetterStore.Outcome.duplicate, a.ingest(bytes, "b.txt").outcome());
            assertEquals(1, a.store().index().count());
        }
    }

    @Test
    void aBatchFromTwoThreadsIsStoredOnceEachAndDurableAtCommit() throws Exception {
        List<byte[]> letters = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            letters.add(TestLetters.signOnLetter("Batch letter number " + i, "May 1, 2019", "Alianza Americas"));
        }
        try (Archive a = open()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<org.letterarchive.ingest.IngestPipeline.Result>> results = new java.util.ArrayList<>();
            try {
                // every letter twice: the second of each pair is a duplicate, whichever thread gets there first
                for (int i = 0; i < letters.size() * 2; i++) {
                    byte[] bytes = letters.get(i % letters.size());
                    results.add(pool.submit(() -> a.ingestWithoutCommit(bytes, "batch.txt")));
                }
                long created = 0;
                for (var f : results) if (f.get().outcome() == org.letterarchive.store.LetterStore.Outcome.created) created++;
                assertEquals(letters.size(), created);
            } finally {
                pool.shutdownNow();
            }
            // staged, not yet letters on disk: a later process would not see them before the commit
            assertEquals(0, a.store().corpus().ids().size());
            a.commit();
            assertEquals(letters.size(), a.store().corpus().ids().size());
            assertEquals(letters.size(), a.store().index().count());
        }
        try (Archive a = open()) {
            assertEquals(letters.size(), a.store().corpus().ids().size());
            assertEquals(0, a.store().corpus().removeTemporaryFiles());
        }
    }

    @Test
    void closingWithoutCommitStillMakesTheBatchDurable() throws Exception {
        String id;
        try (Archive a = open()) {
            id = a.ingestWithoutCommit(TestLetters.signOnLetter("Closed without commit", "May 1, 2019", "Alianza Americas"), "c.txt")
                    .stored().id();
        }
        try (Archive a = open()) {
            assertTrue(a.get(id).isPresent());
            assertEquals(1, a.store().index().count());
        }
    }

    @Test
    void deletedIndexIsRebuiltFromTheCorpusWithEveryFacet() throws Exception {
        SearchResult before;
        try (Archive a = open()) {
            a.ingest(TestLetters.signOnLetter("First letter", "May 1, 2019", "Alianza Americas", "Sin Fronteras"), "1.txt");
            a.ingest(TestLetters.signOnLetter("Second letter", "June 2, 2020", "Alianza Americas"), "2.txt");
            before = a.search().search(SearchRequest.of(""));
        }
        deleteTree(dir.resolve("index"));
        try (Archive a = open()) {
            assertEquals(0, a.store().index().count());
            assertEquals(2, a.maintenance().reindex());
            SearchResult after = a.search().search(SearchRequest.of(""));
            assertEquals(before.total(), after.total());
            assertEquals(before.facets(), after.facets());
            assertEquals(before.hits().stream().map(SearchResult.Hit::id).toList(),
                    after.hits().stream().map(SearchResult.Hit::id).toList());
        }
    }

    @Test
    void healIndexesStoredLettersTheIndexLacks() throws Exception {
        try (Archive a = open()) {
            a.ingest(TestLetters.signOnLetter("Heal me", "May 1, 2019", "Alianza Americas"), "h.txt");
        }
        deleteTree(dir.resolve("index"));
        try (Archive a = open()) {
            assertEquals(1, a.maintenance().heal());
            assertEquals(1, a.store().index().count());
            assertEquals(0, a.maintenance().heal());
        }
    }

    @Test
    void acronymAndFullNameCountAsOneSignerFacetValue() throws Exception {
        try (Archive a = open()) {
            a.ingest(TestLetters.signOnLetter("One", "May 1, 2019", "Washington Office on Latin America (WOLA)"), "1.txt");
            a.ingest(TestLetters.signOnLetter("Two", "May 2, 2019", "Washington Office on Latin America"), "2.txt");
            List<SearchResult.FacetValue> signers = a.search().search(SearchRequest.of("")).facets().get("signer");
            SearchResult.FacetValue wola = signers.stream().filter(v -> v.label().startsWith("Washington Office")).findFirst().orElseThrow();
            assertEquals(2, wola.count());
        }
    }

    @Test
    void lettersSignedByAcronymAloneMoveToTheFullNameOnceItIsLearned() throws Exception {
        try (Archive a = open()) {
            // letters as the analysis gives them: the store's alias table is what is tested here
            stage(a, "Signed by the acronym alone", new Signer("WOLA", Signer.Kind.organization, null, null, null, null, null));
            stage(a, "Signed with the full name",
                    new Signer("Washington Office on Latin America", Signer.Kind.organization, "WOLA", null, null, null, null));
            a.commit();
            List<SearchResult.FacetValue> signers = a.search().search(SearchRequest.of("")).facets().get("signer");
            assertEquals(1, signers.size(), signers.toString());
            assertEquals("Washington Office on Latin America", signers.get(0).label());
            assertEquals(2, signers.get(0).count());
        }
    }

    @Test
    void aBatchThatTeachesThousandsOfAliasesCommits() throws Exception {
        try (Archive a = open()) {
            int n = 1100; // more new aliases than a BooleanQuery may hold clauses (1024)
            for (int i = 0; i < n; i++) {
                String acronym = "ORG" + Integer.toString(i, 26).toUpperCase().replaceAll("[0-9]", "X") + i;
                stage(a, "Letter number " + i + " on detention", new Signer(acronym, Signer.Kind.organization, null, null, null, null, null));
                stage(a, "Letter number " + i + " with the full name",
                        new Signer("Organization Number " + i, Signer.Kind.organization, acronym, null, null, null, null));
            }
            a.commit();
            assertEquals(2 * n, a.store().index().count());
            SearchResult all = a.search().search(SearchRequest.of(""));
            assertTrue(all.facets().get("signer").stream().allMatch(v -> v.count() == 2), "every acronym counted with its full name");
        }
    }

    static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
        assertTrue(Files.notExists(p));
    }

    /** Stores a letter with the given signer as the analysis would give it, without committing. */
    private static void stage(Archive a, String title, Signer signer) throws java.io.IOException {
        byte[] bytes = (title + "\n" + signer.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.letterarchive.letter.Letter l = new org.letterarchive.letter.Letter(null, "letter.txt", "text/plain", "en", title,
                java.time.LocalDate.of(2019, 5, 1), "text", List.of(), List.of(signer), 1, title, List.of());
        a.store().stage(bytes, org.letterarchive.letter.LetterId.of(bytes), "letter.txt", l);
    }
}
