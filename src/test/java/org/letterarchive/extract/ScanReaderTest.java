package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading scans: which pages are scans, OCR of a scanned PDF and of images, and the limits on images. */
class ScanReaderTest {

    private final DocumentParser parser = new DocumentParser(DocumentParser.DEFAULT_WRITE_LIMIT, OcrLimits.defaults().withMaxPages(20));

    @Test
    void aScannedPdfIsMarkedThenReadPageByPage() throws Exception {
        Scans.assumePdftoppm();
        Path pdf = SharedLetters.dir().resolve("letters/006-drw-digital-affairs-committee-2023.pdf");
        List<BufferedImage> pages = new ArrayList<>();
        long seed = 6;
        for (BufferedImage p : Scans.render(pdf, 200, 2)) pages.add(Scans.scanned(p, seed++));
        byte[] scan = Scans.imagePdf(pages, 200);

        ParsedDocument first = parser.parse(scan, "scan.pdf");
        assertEquals(List.of(1, 2), ScanReader.scannedPages(first), "both pages are images without text");
        assertTrue(first.text().isBlank());

        Scans.assumeOcr();
        List<int[]> progress = new ArrayList<>();
        long t0 = System.nanoTime();
        ParsedDocument read = parser.parseScanned(scan, "scan.pdf", (d, t) -> progress.add(new int[] {d, t}));
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("OCR: 2 pages in %.1f s (%.2f pages/s), confidence %s, languages %s%n", secs, 2 / secs,
                read.first(ScanReader.OCR_CONFIDENCE), read.metadata().get(ScanReader.OCR_LANGUAGES));
        String original = parser.parse(Files.readAllBytes(pdf), "x.pdf").text();
        assertTrue(read.text().contains("Digital"), read.text());
        assertEquals(3, progress.size());
        assertEquals(2, progress.get(2)[0]);
        assertTrue(Double.parseDouble(read.first(ScanReader.OCR_CONFIDENCE)) > 70);
        assertTrue(original.length() > 0);
    }

    @Test
    void aPdfWithATextLayerIsNotAScan() throws Exception {
        Path pdf = SharedLetters.dir().resolve("letters/006-drw-digital-affairs-committee-2023.pdf");
        ParsedDocument doc = parser.parse(Files.readAllBytes(pdf), "letter.pdf");
        assertTrue(ScanReader.scannedPages(doc).isEmpty());
        assertEquals("2", doc.first(ScanReader.PAGES));
    }

    @Test
    void imageBombsAreRefusedFromTheirHeaders() throws Exception {
        // a PNG header declaring 100,000 × 100,000 pixels: refused before anything is decoded
        for (byte[] bomb : List.of(ImageBombs.hugePng(), ImageBombs.hugeTiff(), ImageBombs.loopingTiff(), ImageBombs.deepTiff(5000))) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> parser.parse(bomb, "bomb.tif"));
            assertTrue(e.reason() == ExtractionException.Reason.TOO_LARGE || e.reason() == ExtractionException.Reason.CORRUPT, e.getMessage());
            System.out.println("image bomb refused: " + e.reason() + ": " + e.getMessage());
        }
    }

    @Test
    void pagesReadBeforeAreNotReadAgain() throws Exception {
        Scans.assumeOcr();
        List<BufferedImage> pages = new ArrayList<>();
        pages.add(Scans.scanned(Scans.typeset("Open letter on the harbour ferry timetable\n\nDear Councillor Abernathy,\n\n"
                + "We write about the winter ferry timetable of the harbour.", 150, 1).get(0), 21));
        pages.add(Scans.scanned(Scans.typeset("The evening crossings should be kept.\n\nSincerely,\n\nHarbour Ferry Riders Association", 150, 1).get(0), 22));
        byte[] scan = Scans.imagePdf(pages, 150);
        // page one as read before a stop: its text stands for the page, which is not read again
        ScanReader.PageText one = new ScanReader.PageText(1, "Remembered first page about the ferry timetable\n", "eng", 900, 10);
        List<int[]> progress = new ArrayList<>();
        List<ScanReader.PageText> read = new ArrayList<>();
        ParsedDocument doc = parser.parseScanned(scan, "scan.pdf", new ScanReader.Progress() {
            @Override
            public void page(int done, int total) {
                progress.add(new int[] {done, total});
            }

            @Override
            public void read(ScanReader.PageText page) {
                read.add(page);
            }

            @Override
            public java.util.Map<Integer, ScanReader.PageText> known() {
                return java.util.Map.of(1, one);
            }
        });
        assertEquals(List.of(2), read.stream().map(ScanReader.PageText::page).toList(), "only page two is read");
        assertTrue(read.get(0).text().contains("Riders"), read.get(0).text());
        assertTrue(read.get(0).words() > 5 && read.get(0).confidenceSum() > 0);
        assertEquals(List.of("1/2", "2/2"), progress.stream().map(p -> p[0] + "/" + p[1]).toList(), "page one counts as done from the start");
        assertTrue(doc.text().startsWith("Remembered first page"), doc.text());
        assertTrue(doc.text().indexOf("Riders") > doc.text().indexOf("Remembered"), "the pages in their order");
        assertTrue(!doc.text().contains("Abernathy"), "page one was not read again: " + doc.text());
        assertEquals("2", doc.first(ScanReader.OCR_PAGES));
        double confidence = Double.parseDouble(doc.first(ScanReader.OCR_CONFIDENCE));
        assertEquals((900 + read.get(0).confidenceSum()) / (10 + read.get(0).words()), confidence, 0.06, "the mean over both pages' words");
    }
}
