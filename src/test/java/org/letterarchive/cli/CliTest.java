package org.letterarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.TestLetters;

class CliTest {

    @TempDir
    Path dir;

    /** Runs the command line, capturing standard output. */
    private record Run(int exit, String out) {}

    private Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.commandLine().execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void ingestTwiceReportsAlreadyPresentThenSearchFinds() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        Files.write(in.resolve("a.txt"), TestLetters.signOnLetter("Stop deportations of migrants now", "Sept. 14, 2018", "Alianza Americas"));
        Files.write(in.getParent().resolve("b.txt"), TestLetters.signOnLetter("Protect refugees in the region", "Oct. 1, 2019", "Sin Fronteras"));
        String corpus = dir.resolve("corpus").toString();
        String index = dir.resolve("index").toString();

        Run first = run("ingest", "--corpus", corpus, "--index", index, dir.resolve("in").toString());
        assertEquals(0, first.exit(), first.out());
        assertTrue(first.out().contains("Ingested 2 new letter(s), 0 already present, 0 failed"), first.out());

        Run second = run("ingest", "--corpus", corpus, "--index", index, dir.resolve("in").toString());
        assertTrue(second.out().contains("Ingested 0 new letter(s), 2 already present"), second.out());

        Run search = run("search", "--corpus", corpus, "--index", index, "refugees");
        assertEquals(0, search.exit());
        assertTrue(search.out().startsWith("1 letter(s)"), search.out());
        assertTrue(search.out().contains("Protect refugees in the region"), search.out());
    }

    @Test
    void ingestOfAnEmptyFileFailsWithAReasonAndNonZeroExit() throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Run r = run("ingest", "--corpus", dir.resolve("c").toString(), "--index", dir.resolve("i").toString(), empty.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("failed: " + empty), r.out());
    }

    @Test
    void missingPathIsAnErrorNotAnEmptyIngest() {
        Run r = run("ingest", "--corpus", dir.resolve("c").toString(), "--index", dir.resolve("i").toString(), dir.resolve("nope").toString());
        assertEquals(2, r.exit());
    }

    @Test
    void reindexRebuildsFromTheCorpus() throws Exception {
        Files.write(dir.resolve("a.txt"), TestLetters.signOnLetter("Stop deportations of migrants now", "Sept. 14, 2018", "Alianza Americas"));
        String corpus = dir.resolve("corpus").toString();
        String index = dir.resolve("index").toString();
        assertEquals(0, run("ingest", "--corpus", corpus, "--index", index, dir.resolve("a.txt").toString()).exit());
        Run r = run("reindex", "--corpus", corpus, "--index", index);
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Reindexed 1 letter(s)"), r.out());
    }

    @Test
    void extractPrintsTheContractFieldsAsJsonLines() throws Exception {
        Path f = Files.write(dir.resolve("a.txt"), TestLetters.signOnLetter("Stop deportations of migrants now", "Sept. 14, 2018", "Alianza Americas"));
        Run r = run("extract", "--json", f.toString());
        assertEquals(0, r.exit());
        var node = org.letterarchive.corpus.Json.mapper().readTree(r.out().strip());
        for (String field : new String[] {"file", "id", "format", "language", "title", "date", "dateSource", "recipients", "signers", "signerCount"}) {
            assertTrue(node.has(field), field);
        }
        assertEquals("a.txt", node.get("file").asText());
        assertEquals("2018-09-14", node.get("date").asText());
    }
}
