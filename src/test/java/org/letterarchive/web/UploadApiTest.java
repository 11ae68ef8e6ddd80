package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.extract.IngestLimits;

/** Upload through real HTTP, with parsing in real child processes. */
class UploadApiTest {

    static final long MAX = 2 * IngestLimits.MB;
    /** Short, yet long enough for a first PDF parse on a busy machine. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static UploadTestServer server;

    @BeforeAll
    static void start() throws IOException {
        IngestLimits limits = IngestLimits.defaults().withMaxFileBytes(MAX).withParseTimeout(LIMIT).withZip(50, 4 * IngestLimits.MB);
        server = new UploadTestServer(dir, limits, 2, 8);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void uploadedLetterIsSearchableAtOnceAndStoredWithItsSidecar() throws Exception {
        byte[] bytes = UploadTestServer.letter("Letter about quokkaconservation policy", "Friends of the Quokka", "Marsupial Rights Watch");
        var r = server.upload(bytes, "quokka.txt");
        assertEquals(201, r.status(), r.raw().body());
        assertFalse(r.json().get("duplicate").asBoolean());
        String id = r.json().get("id").asText();
        assertEquals(1, server.hits("quokkaconservation"));
        assertTrue(server.archive.store().corpus().contains(id));
        assertTrue(Files.exists(server.archive.store().corpus().originalPath(server.archive.get(id).orElseThrow())));
        assertEquals(200, server.get("/api/letters/" + id).status());
    }

    @Test
    void sameBytesTwiceAreOneLetter() throws Exception {
        byte[] bytes = UploadTestServer.letter("Letter on wombatcrossings in national parks", "Wombat Alliance");
        var first = server.upload(bytes, "wombat.txt");
        var second = server.upload(bytes, "another-name.md");
        assertEquals(201, first.status(), first.raw().body());
        assertEquals(200, second.status(), second.raw().body());
        assertTrue(second.json().get("duplicate").asBoolean());
        assertEquals(first.json().get("id"), second.json().get("id"));
        assertEquals(1, server.hits("wombatcrossings"));
    }

    @Test
    void writesWithoutTheRightTokenAre401AndChangeNothing() throws Exception {
        long before = server.archive.store().corpus().ids().size();
        byte[] bytes = UploadTestServer.letter("Letter on numbatfeeding that must not be stored", "Numbat Network");
        var none = server.upload(bytes, "numbat.txt", null, null);
        var wrong = server.upload(bytes, "numbat.txt", "not-the-token", null);
        var multipart = server.multipart(Map.of("numbat.txt", bytes), "Bearer-but-wrong");
        for (var r : List.of(none, wrong, multipart)) {
            assertEquals(401, r.status(), r.raw().body());
            assertEquals(401, r.json().get("status").asInt());
            assertTrue(r.json().get("error").asText().length() > 5);
        }
        String someId = "0".repeat(64);
        assertEquals(401, server.json("DELETE", "/api/letters/" + someId, null, null).status());
        assertEquals(401, server.json("PATCH", "/api/letters/" + someId, Map.of("title", "x"), "wrong").status());
        assertEquals(401, server.json("POST", "/api/organizations/merge", Map.of("keys", List.of("a"), "into", "b"), null).status());
        assertEquals(401, server.json("POST", "/api/organizations/split", Map.of("keys", List.of("a")), "wrong").status());
        assertEquals(before, server.archive.store().corpus().ids().size());
        assertEquals(0, server.hits("numbatfeeding"));
    }

    @Test
    void severalFilesGiveOneResultEach() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("one.txt", UploadTestServer.letter("First letter on bilbyhabitat", "Bilby Trust"));
        files.put("two.md", UploadTestServer.letter("Second letter on bilbyhabitat", "Bilby Friends"));
        files.put("program.pdf", elf());
        var r = server.multipart(files, UploadTestServer.TOKEN);
        assertEquals(201, r.status(), r.raw().body());
        assertTrue(r.json().isArray());
        assertEquals(List.of("201", "201", "415"), UploadTestServer.list(r.json(), "status"));
        assertEquals(2, server.hits("bilbyhabitat"));
    }

    @Test
    void zipIsIngestedEntryByEntryWithoutTrustingItsNames() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            put(z, "letters/good.txt", UploadTestServer.letter("Zipped letter about dugongseagrass", "Dugong Defence"));
            put(z, "__MACOSX/letters/._good.txt", new byte[] {0, 5, 22, 7});
            put(z, "deep/inner/other.md", UploadTestServer.letter("Nested folder letter about dugongseagrass", "Dugong Defence"));
            put(z, "binary.pdf", elf());
            put(z, "empty.txt", new byte[0]);
            put(z, "nested.zip", smallZip());
            put(z, "big.txt", new byte[(int) MAX + 10]);
        }
        var r = server.upload(zip.toByteArray(), "batch.zip");
        assertEquals(201, r.status(), r.raw().body());
        assertEquals(List.of("201", "201", "415", "422", "415", "413"), UploadTestServer.list(r.json(), "status"));
        assertEquals("batch.zip", r.json().get(0).get("archive").asText());
        assertEquals(2, server.hits("dugongseagrass"));
        String nestedId = r.json().get(1).get("id").asText();
        assertEquals("other.md", server.archive.get(nestedId).orElseThrow().originalName());
    }

    @Test
    void zipWithAnEntryOutsideItselfIsRefusedWhole() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            put(z, "fine.txt", UploadTestServer.letter("Harmless letter about manateesanctuary", "Manatee Club"));
            put(z, "../../escape/evil.txt", UploadTestServer.letter("Escaping letter about manateesanctuary", "Sea Cow Society"));
        }
        var r = server.upload(zip.toByteArray(), "tampered.zip");
        assertEquals(422, r.status(), r.raw().body());
        assertTrue(r.json().get("error").asText().contains("../../escape/evil.txt"), r.raw().body());
        assertEquals(0, server.hits("manateesanctuary"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("escape") || p.getFileName().toString().equals("evil.txt")));
        }
    }

    @Test
    void damagedZipIs422AndTooManyEntriesIs413() throws Exception {
        byte[] zip = smallZip();
        var broken = server.upload(Arrays.copyOf(zip, zip.length - 30), "broken.zip");
        assertTrue(broken.status() == 422 || broken.status() == 415, broken.raw().body());
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(many)) {
            for (int i = 0; i < 51; i++) put(z, "f" + i + ".txt", ("letter " + i).getBytes(StandardCharsets.UTF_8));
        }
        var tooMany = server.upload(many.toByteArray(), "many.zip");
        assertEquals(413, tooMany.status(), tooMany.raw().body());
    }

    @Test
    void fileOverTheSizeLimitIs413() throws Exception {
        byte[] big = new byte[(int) MAX + 1];
        Arrays.fill(big, (byte) 'a');
        var raw = server.upload(big, "big.txt");
        assertEquals(413, raw.status(), raw.raw().body());
        assertEquals(413, raw.json().get("status").asInt());
        var multi = server.multipart(Map.of("big.txt", big), UploadTestServer.TOKEN);
        assertEquals(413, multi.status(), multi.raw().body());
    }

    @Test
    void binaryNamedAsPdfIs415() throws Exception {
        var r = server.upload(elf(), "report.pdf");
        assertEquals(415, r.status(), r.raw().body());
        assertTrue(r.json().get("error").asText().contains("unsupported"), r.raw().body());
    }

    @Test
    void truncatedAndEncryptedPdfsAre422() throws Exception {
        byte[] pdf = pdf("A letter about platypusriver protection", null);
        var whole = server.upload(pdf, "platypus.pdf");
        assertEquals(201, whole.status(), whole.raw().body());
        var truncated = server.upload(Arrays.copyOf(pdf, 400), "truncated.pdf");
        assertEquals(422, truncated.status(), truncated.raw().body());
        var encrypted = server.upload(pdf("A secret letter about echidnaspines", "user-password"), "secret.pdf");
        assertEquals(422, encrypted.status(), encrypted.raw().body());
        assertTrue(encrypted.json().get("error").asText().contains("encrypted"), encrypted.raw().body());
    }

    @Test
    void traversalFileNameIsKeptAsMetadataOnly() throws Exception {
        var r = server.upload(UploadTestServer.letter("Letter named like a system file about cassowaryroads", "Cassowary Care"), "../../etc/passwd");
        assertEquals(201, r.status(), r.raw().body());
        String id = r.json().get("id").asText();
        var stored = server.archive.get(id).orElseThrow();
        assertEquals("passwd", stored.originalName());
        Path original = server.archive.store().corpus().originalPath(stored);
        assertTrue(original.normalize().startsWith(server.archive.store().corpus().root()));
        assertTrue(original.getFileName().toString().startsWith(id));
        assertEquals(1, server.hits("cassowaryroads"));
    }

    @Test
    void neverEndingParseIs503WithinTheLimitWhileOthersAreServed() throws Exception {
        byte[] hang = ("A letter that never finishes parsing " + UploadTestServer.HANG_MARKER).getBytes(StandardCharsets.UTF_8);
        server.awaitWarmPool(2);
        long t0 = System.nanoTime();
        CompletableFuture<UploadTestServer.Response> hanging = CompletableFuture.supplyAsync(() -> {
            try {
                return server.upload(hang, "hang.txt");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        // meanwhile the server reads and writes as usual
        assertEquals(200, server.get("/api/health").status());
        var other = server.upload(UploadTestServer.letter("Letter about koalacorridors during a stuck parse", "Koala Coalition"), "koala.txt");
        assertEquals(201, other.status(), other.raw().body());
        assertEquals(1, server.hits("koalacorridors"));
        var r = hanging.get();
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(503, r.status(), r.raw().body());
        assertTrue(r.json().get("error").asText().contains("did not finish"), r.raw().body());
        assertTrue(secs < LIMIT.toSeconds() + 5, "answered after " + secs + " s");
        // and the next upload still finds a parser
        var after = server.upload(UploadTestServer.letter("Letter about emuwatering after a killed parser", "Emu Union"), "emu.txt");
        assertEquals(201, after.status(), after.raw().body());
    }

    @Test
    void deletedLetterLeavesSearchAndCorpusAndComesBackOnlyOnRequest() throws Exception {
        byte[] bytes = UploadTestServer.letter("Letter about possumnesting to be deleted", "Possum Partners");
        String id = server.upload(bytes, "possum.txt").json().get("id").asText();
        assertEquals(1, server.hits("possumnesting"));
        var del = server.json("DELETE", "/api/letters/" + id + "?reason=duplicate%20scan", null, UploadTestServer.TOKEN);
        assertEquals(200, del.status(), del.raw().body());
        assertEquals(0, server.hits("possumnesting"));
        assertFalse(server.archive.store().corpus().contains(id));
        assertTrue(server.archive.store().corpus().tombstone(id).isPresent());
        assertEquals(404, server.get("/api/letters/" + id).status());
        assertEquals(404, server.json("DELETE", "/api/letters/" + id, null, UploadTestServer.TOKEN).status());

        var again = server.upload(bytes, "possum.txt");
        assertEquals(409, again.status(), again.raw().body());
        assertTrue(again.json().get("error").asText().contains("restore=true"));
        assertEquals(0, server.hits("possumnesting"));
        var restored = server.upload(bytes, "possum.txt", UploadTestServer.TOKEN, "restore=true");
        assertEquals(201, restored.status(), restored.raw().body());
        assertEquals(1, server.hits("possumnesting"));
    }

    @Test
    void fullQueueIsAnswered503WithRetryAfter(@TempDir Path other) throws Exception {
        IngestLimits limits = IngestLimits.defaults().withParseTimeout(Duration.ofSeconds(3));
        try (UploadTestServer busy = new UploadTestServer(other, limits, 1, 0)) {
            busy.awaitWarmPool(1);
            byte[] hang = ("stuck " + UploadTestServer.HANG_MARKER).getBytes(StandardCharsets.UTF_8);
            CompletableFuture<UploadTestServer.Response> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return busy.upload(hang, "hang.txt");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            UploadTestServer.Response second = null;
            for (int i = 0; i < 50 && (second == null || second.status() != 503); i++) {
                Thread.sleep(50);
                second = busy.upload(UploadTestServer.letter("Letter about a busy server " + i, "Queue Watch"), "busy" + i + ".txt");
            }
            assertNotNull(second);
            assertEquals(503, second.status(), second.raw().body());
            assertTrue(second.raw().headers().firstValue("Retry-After").isPresent());
            assertEquals(503, first.get().status());
        }
    }

    static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    static byte[] smallZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "inner.txt", UploadTestServer.letter("Inner letter that must not be expanded", "Nobody"));
        }
        return out.toByteArray();
    }

    /** The first bytes of a 64-bit Linux executable followed by machine-code-like noise. */
    static byte[] elf() {
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
    }

    static byte[] pdf(String text, String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.newLineAtOffset(0, -20);
                cs.showText("March 3, 2021");
                cs.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
