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
        byte[] bomb = pngHeader(100_000, 100_000);
        ExtractionException e = assertThrows(ExtractionException.class, () -> parser.parse(bomb, "bomb.png"));
        assertEquals(ExtractionException.Reason.TOO_LARGE, e.reason(), e.getMessage());
    }

    /** A PNG with a valid header of the given size and one tiny compressed row of data. */
    static byte[] pngHeader(int w, int h) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        try (var d = new java.util.zip.DeflaterOutputStream(z)) {
            d.write(new byte[1024]);
        }
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
