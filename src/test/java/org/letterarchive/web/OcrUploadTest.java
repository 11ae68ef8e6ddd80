package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.TestLetters;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.ImageBombs;
import org.letterarchive.extract.Scans;

/**
 * Scans uploaded over HTTP: a scanned PDF and a phone photo are answered 202 with a job, read with OCR in the
 * background, and become searchable letters with their signers; a job survives a restart and can be
 * cancelled; image bombs are refused at once; a letter with text keeps its synchronous answer.
 */
class OcrUploadTest {

    private static byte[] scannedPdf;
    private static byte[] photo;

    @BeforeAll
    static void makeScans() throws Exception {
        Scans.assumeOcr();
        String seed = Files.readString(TestLetters.seedLetter(), StandardCharsets.UTF_8);
        List<BufferedImage> pages = new ArrayList<>();
        long n = 1;
        for (BufferedImage p : Scans.typeset(seed, 200, 3)) pages.add(Scans.scanned(p, n++));
        scannedPdf = Scans.imagePdf(pages, 200);
        // a phone photo: the first page, a little askew, as a JPEG
        photo = Scans.encode(Scans.scanned(Scans.typeset(seed, 180, 1).get(0), 99), "jpeg");
    }

    @Test
    void aScannedPdfAndAPhotoBecomeSearchableLettersThroughJobs(@TempDir Path dir) throws Exception {
        try (UploadTestServer s = UploadTestServer.withOcr(dir, IngestLimits.defaults())) {
            UploadTestServer.Response r = s.upload(scannedPdf, "scan.pdf");
            assertEquals(202, r.status(), r.raw().body());
            String job = r.json().get("url").asText();
            assertTrue(r.raw().headers().firstValue("Location").isPresent());
            assertTrue(Files.exists(dir.resolve("corpus/jobs/" + r.json().get("id").asText() + ".bin")), "the original is stored before the 202");

            UploadTestServer.Response p = s.upload(photo, "IMG_2041.jpg");
            assertEquals(202, p.status(), p.raw().body());

            JsonNode done = await(s, job);
            assertEquals("done", done.get("state").asText(), done.toString());
            assertEquals(done.get("pagesTotal").asInt(), done.get("pagesDone").asInt());
            JsonNode letter = s.get("/api/letters/" + done.get("letterId").asText()).json();
            assertTrue(letter.get("ocr").get("confidence").asDouble() > 60, letter.get("ocr").toString());
            assertTrue(letter.get("signers").size() >= 20, "signers found in the scan: " + letter.get("signers").size());
            assertTrue(s.hits("\"safe third country\"") >= 1);

            JsonNode photoDone = await(s, p.json().get("url").asText());
            assertEquals("done", photoDone.get("state").asText(), photoDone.toString());
            JsonNode photoLetter = s.get("/api/letters/" + photoDone.get("letterId").asText()).json();
            assertNotNull(photoLetter.get("ocr"));
            assertTrue(photoLetter.get("text").asText().toLowerCase().contains("deportation"), photoLetter.get("text").asText());

            // the same scan again: already a letter
            assertEquals(200, s.upload(scannedPdf, "again.pdf").status());
            // a letter with text keeps the synchronous answer
            assertEquals(201, s.upload(UploadTestServer.letter("Plain letter", "Alpha Org", "Beta Org"), "plain.txt").status());
        }
    }

    @Test
    void aJobSurvivesARestartAndCanBeCancelled(@TempDir Path dir) throws Exception {
        String id;
        int before;
        try (UploadTestServer s = UploadTestServer.withOcr(dir, IngestLimits.defaults())) {
            UploadTestServer.Response r = s.upload(scannedPdf, "scan.pdf");
            assertEquals(202, r.status(), r.raw().body());
            id = r.json().get("id").asText();
            // stopped once the first page is read, before the job is done
            JsonNode j = r.json();
            for (int i = 0; i < 3000 && j.get("pagesDone").asInt() < 1; i++) {
                Thread.sleep(100);
                j = s.get("/api/jobs/" + id).json();
            }
            assertEquals("running", j.get("state").asText(), "stopped mid-job: " + j);
            before = j.get("pagesDone").asInt();
        }
        Path pages = dir.resolve("corpus/jobs/" + id + ".pages");
        long kept = 0;
        if (Files.isDirectory(pages)) {
            try (var files = Files.list(pages)) {
                kept = files.filter(f -> f.getFileName().toString().matches("[0-9]+\\.json")).count();
            }
        }
        try (UploadTestServer s = UploadTestServer.withOcr(dir, IngestLimits.defaults())) {
            // the job goes on from the pages it had read: its count never falls back
            JsonNode j = s.get("/api/jobs/" + id).json();
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < 3000 && List.of("queued", "running").contains(j.get("state").asText()); i++) {
                least = Math.min(least, j.get("pagesDone").asInt());
                Thread.sleep(50);
                j = s.get("/api/jobs/" + id).json();
            }
            assertTrue(least >= before, "pages done after the restart fell to " + least + " from " + before);
            assertTrue(kept >= before, "the pages read before the stop were kept: " + kept + " of " + before);
            JsonNode done = j;
            assertEquals("done", done.get("state").asText(), done.toString());
            int total = done.get("pagesTotal").asInt();
            assertTrue(before < total, before + " of " + total + " pages read before the stop");
            assertEquals(total, done.get("pagesDone").asInt());
            assertEquals(id, done.get("letterId").asText());
            // removed once the job is recorded done (its letter stored and committed first)
            for (int i = 0; i < 100 && Files.exists(pages); i++) Thread.sleep(50);
            assertFalse(Files.exists(pages), "a finished job's pages are removed");
            JsonNode letter = s.get("/api/letters/" + id).json();
            assertEquals(total, letter.get("ocr").get("pages").asInt(), letter.get("ocr").toString());
            assertTrue(s.hits("\"safe third country\"") >= 1);

            // cancel a job: it never becomes a letter and its original is removed
            UploadTestServer.Response p = s.upload(photo, "photo.jpg");
            assertEquals(202, p.status());
            String pid = p.json().get("id").asText();
            assertEquals(401, s.json("DELETE", "/api/jobs/" + pid, null, null).status());
            UploadTestServer.Response c = s.json("DELETE", "/api/jobs/" + pid, null, UploadTestServer.TOKEN);
            assertEquals(200, c.status(), c.raw().body());
            JsonNode after = s.get("/api/jobs/" + pid).json();
            assertTrue(List.of("cancelled", "done").contains(after.get("state").asText()), after.toString());
            if (after.get("state").asText().equals("cancelled")) {
                assertFalse(Files.exists(dir.resolve("corpus/jobs/" + pid + ".bin")));
                Thread.sleep(1000);
                assertEquals(404, s.get("/api/letters/" + pid).status());
            }
        }
    }

    @Test
    void imageBombsAreRefusedAndTheServerKeepsServing(@TempDir Path dir) throws Exception {
        try (UploadTestServer s = UploadTestServer.withOcr(dir, IngestLimits.defaults())) {
            // 100,000 × 100,000 pixels declared in a few hundred bytes
            UploadTestServer.Response r = s.upload(ImageBombs.hugePng(), "huge.png");
            assertEquals(413, r.status(), r.raw().body());
            // a TIFF whose page directories nest without end (each points to the next, the last back to the first)
            UploadTestServer.Response t = s.upload(ImageBombs.loopingTiff(), "loop.tiff");
            assertTrue(t.status() == 413 || t.status() == 422, t.raw().body());
            // a TIFF declaring a huge page
            UploadTestServer.Response h = s.upload(ImageBombs.hugeTiff(), "huge.tif");
            assertEquals(413, h.status(), h.raw().body());
            // a TIFF of 5,000 chained page directories: refused from its headers, beyond the pages limit
            UploadTestServer.Response d = s.upload(ImageBombs.deepTiff(5000), "deep.tif");
            assertEquals(413, d.status(), d.raw().body());
            assertTrue(d.json().get("error").asText().contains("pages"), d.raw().body());
            assertEquals(200, s.get("/api/health").status());
            assertEquals(201, s.upload(UploadTestServer.letter("After bombs", "Gamma Org"), "after.txt").status());
        }
    }

    private static JsonNode await(UploadTestServer s, String job) throws Exception {
        JsonNode j = null;
        for (int i = 0; i < 600; i++) {
            j = s.get(job).json();
            String state = j.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) return j;
            Thread.sleep(500);
        }
        throw new AssertionError("the job did not finish in 5 minutes: " + j);
    }
}
