package org.letterarchive.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.corpus.Json;
import picocli.CommandLine;

/** The bench commands end to end with small N: counts only, never timings. */
class BenchCommandSmokeTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out) {}

    private static Run bench(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new BenchCommand()).execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    private static JsonNode lastJsonLine(String out) throws Exception {
        List<String> lines = out.strip().lines().toList();
        return Json.mapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void generateWritesTheLettersAndWhatEachShouldYield() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, bench("generate", "--letters", "50", "--seed", "3", "--formats", "--out", a.toString()).exit());
        assertEquals(0, bench("generate", "--letters", "50", "--seed", "3", "--formats", "--out", b.toString()).exit());
        List<Path> files;
        try (Stream<Path> s = Files.list(a)) {
            files = s.filter(p -> !p.getFileName().toString().equals(CorpusWriter.TRUTH_FILE)).sorted().toList();
        }
        assertEquals(50, files.size());
        for (String ext : new String[] {".txt", ".pdf", ".docx", ".html"}) {
            assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(ext)), "a " + ext + " letter");
        }
        List<String> truth = Files.readAllLines(a.resolve(CorpusWriter.TRUTH_FILE));
        assertEquals(50, truth.size());
        JsonNode first = Json.mapper().readTree(truth.get(0));
        assertEquals(files.get(0).getFileName().toString(), first.get("file").asText());
        assertTrue(first.get("signers").size() >= 1);
        assertTrue(first.has("signer_shape") && first.has("addressee_shape"), "each letter names its shapes");
        // deterministic for a seed: the plain-text letters are byte for byte the same
        for (Path f : files) {
            if (f.toString().endsWith(".txt")) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName())));
        }
    }

    @Test
    void ingestBenchIndexesEveryLetterThroughThePipelineAndLucene() throws Exception {
        Run r = bench("ingest", "--letters", "50", "--rounds", "1", "--formats", "--work", tmp.resolve("ingest").toString(), "--json");
        assertEquals(0, r.exit(), r.out());
        JsonNode j = lastJsonLine(r.out());
        assertEquals(50, j.get("letters").asInt());
        assertEquals(50, j.get("indexed").asInt());
        assertEquals(0, j.get("failed").asInt());
        for (String k : new String[] {"pipeline", "lucene", "extract_only"}) {
            assertTrue(j.get(k).get("letters_per_s").asDouble() > 0, k);
            assertTrue(j.get(k).has("mb_per_s"), k);
        }
        assertTrue(j.get("ratio").asDouble() > 0);
    }

    @Test
    void ingestBenchOfPdfsComparesThePipelineInAndOutOfProcessWithBareTika() throws Exception {
        Run r = bench("ingest", "--letters", "20", "--rounds", "1", "--pdf", "--isolated", "--work", tmp.resolve("pdf").toString(), "--json");
        assertEquals(0, r.exit(), r.out());
        JsonNode j = lastJsonLine(r.out());
        assertEquals(20, j.get("indexed").asInt());
        for (String k : new String[] {"pipeline", "tika_only", "pipeline_isolated"}) {
            assertTrue(j.get(k).get("letters_per_s").asDouble() > 0, k);
        }
        assertTrue(j.get("ratio_tika").asDouble() > 0);
        assertTrue(j.get("ratio_isolated_tika").asDouble() > 0);
        assertEquals(2, bench("ingest", "--pdf", "--formats").exit(), "one of --pdf and --formats");
    }

    @Test
    void searchBenchRunsTheMixInProcessAgainstLuceneAndOverHttp() throws Exception {
        Path work = tmp.resolve("search");
        Run r = bench("search", "--letters", "200", "--queries", "10", "--rounds", "1", "--warmup", "0",
                "--connections", "2", "--http-requests", "20", "--work", work.toString(), "--json");
        assertEquals(0, r.exit(), r.out());
        JsonNode j = lastJsonLine(r.out());
        assertEquals(200, j.get("letters").asInt());
        assertEquals(10, j.get("queries").asInt());
        for (String k : new String[] {"service", "lucene", "http"}) {
            for (String f : new String[] {"p50_ms", "p95_ms", "p99_ms", "qps"}) assertTrue(j.get(k).has(f), k + "." + f);
        }
        assertTrue(j.get("ratio_p50").asDouble() > 0);
        assertTrue(j.get("total_hits").asLong() > 0, "the mix finds letters");
        assertTrue(j.get("index_bytes").asLong() > 0 && j.get("raw_text_bytes").asLong() > 0);
        // a second run over the same folder reuses the index it built
        Run again = bench("search", "--letters", "200", "--queries", "5", "--rounds", "1", "--warmup", "0",
                "--connections", "0", "--work", work.toString(), "--json");
        assertEquals(0, again.exit(), again.out());
        JsonNode k = lastJsonLine(again.out());
        assertTrue(k.get("index_reused").asBoolean());
        assertTrue(!k.has("http"));
    }

    @Test
    void analysisBenchScoresEveryShapeAndTimesTheAnalysis() throws Exception {
        Path dir = tmp.resolve("analysis");
        Run r = bench("analysis", "--letters", "15", "--rounds", "1", "--dir", dir.toString(), "--json");
        assertEquals(0, r.exit(), r.out());
        JsonNode j = lastJsonLine(r.out());
        assertEquals(15, j.get("letters").asInt());
        assertEquals(15, j.get("by").get("signer_shape").size(), "one row per signer shape");
        assertTrue(j.get("overall").get("signers").get(1).asInt() >= 15, "gold signers counted");
        assertTrue(j.get("cpu_analysis_us").get("median").asDouble() > 0);
        assertTrue(j.get("ratio_per_6kb_median").asDouble() > 0);
        assertEquals(15, Files.readAllLines(dir.resolve("analysis.jsonl")).size(), "the findings, for score-extraction");
        // a second run reads the letters already there
        assertEquals(0, bench("analysis", "--letters", "5", "--rounds", "1", "--dir", dir.toString()).exit());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertEquals(2, bench("generate", "--letters", "0", "--out", tmp.resolve("x").toString()).exit());
        assertEquals(2, bench("ingest", "--letters", "0").exit());
        assertEquals(2, bench("search", "--letters", "10", "--queries", "0").exit());
        assertEquals(2, bench("analysis", "--letters", "0").exit());
    }
}
