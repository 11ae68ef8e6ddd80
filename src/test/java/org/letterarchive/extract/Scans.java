package org.letterarchive.extract;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Assumptions;

/**
 * Scanned letters made at test time from the shared letters, so no binary scan is committed: a PDF's pages
 * rendered to images with {@code pdftoppm} and a text letter drawn on pages, each with mild noise and a slight
 * rotation, then put in an image-only PDF (a scan), a JPEG (a phone photo) or a multi-page TIFF.
 */
public final class Scans {

    private Scans() {}

    /** Skips the calling test, with a notice, when Tesseract (or a tool this needs) is missing. */
    public static void assumeOcr() {
        boolean ok = ScanReader.available();
        if (!ok) System.out.println("NOTICE: Tesseract is not installed; skipping a test of reading scans");
        Assumptions.assumeTrue(ok, "Tesseract is not installed");
    }

    public static void assumePdftoppm() {
        boolean ok = Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
        if (!ok) System.out.println("NOTICE: pdftoppm (poppler-utils) is not installed; skipping a test that renders PDFs");
        Assumptions.assumeTrue(ok, "pdftoppm is not installed");
    }

    /** The pages of a PDF as grey images, rendered by pdftoppm at {@code dpi}, at most {@code maxPages}. */
    public static List<BufferedImage> render(Path pdf, int dpi, int maxPages) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("scan");
        try {
            Process p = new ProcessBuilder("pdftoppm", "-r", String.valueOf(dpi), "-gray", "-png", "-l", String.valueOf(maxPages),
                    pdf.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("pdftoppm failed on " + pdf);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.sorted().toList();
            }
            List<BufferedImage> pages = new ArrayList<>();
            for (Path f : files) pages.add(ImageIO.read(f.toFile()));
            return pages;
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : (Iterable<Path>) s::iterator) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A text drawn on A4 pages at {@code dpi}, in a plain serif face, wrapped to the page. */
    public static List<BufferedImage> typeset(String text, int dpi, int maxPages) {
        int w = (int) (8.27 * dpi);
        int h = (int) (11.69 * dpi);
        int margin = dpi * 3 / 4;
        Font font = new Font(Font.SERIF, Font.PLAIN, Math.round(11f * dpi / 72f));
        List<BufferedImage> pages = new ArrayList<>();
        BufferedImage page = null;
        Graphics2D g = null;
        int y = 0;
        FontMetrics fm = null;
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            if (para.isBlank()) {
                lines.add("");
                continue;
            }
            lines.add(para); // wrapped below, once a font metric is known
        }
        for (String para : lines) {
            if (page == null) {
                if (pages.size() >= maxPages) break;
                page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                g = page.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.setColor(Color.BLACK);
                g.setFont(font);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                fm = g.getFontMetrics();
                y = margin + fm.getAscent();
                pages.add(page);
            }
            List<String> wrapped = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (String word : para.split(" ")) {
                if (cur.length() > 0 && fm.stringWidth(cur + " " + word) > w - 2 * margin) {
                    wrapped.add(cur.toString());
                    cur.setLength(0);
                }
                if (cur.length() > 0) cur.append(' ');
                cur.append(word);
            }
            wrapped.add(cur.toString());
            for (String line : wrapped) {
                g.drawString(line, margin, y);
                y += fm.getHeight();
                if (y > h - margin) {
                    g.dispose();
                    page = null;
                    break;
                }
            }
        }
        if (g != null) g.dispose();
        return pages;
    }

    /** Mild scanner damage: a slight rotation and speckle noise. Deterministic for a seed. */
    public static BufferedImage scanned(BufferedImage page, long seed) {
        Random r = new Random(seed);
        double degrees = (r.nextDouble() - 0.5) * 1.6; // within ±0.8°
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), out.getWidth() / 2.0, out.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        var raster = out.getRaster();
        int specks = out.getWidth() * out.getHeight() / 400;
        for (int i = 0; i < specks; i++) {
            int x = r.nextInt(out.getWidth());
            int y = r.nextInt(out.getHeight());
            raster.setSample(x, y, 0, r.nextBoolean() ? 40 + r.nextInt(60) : 200 + r.nextInt(55));
        }
        return out;
    }

    /** An image-only PDF of the pages (JPEG-compressed, as scanners write them), page size from {@code dpi}. */
    public static byte[] imagePdf(List<BufferedImage> pages, int dpi) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage img : pages) {
                float pw = img.getWidth() * 72f / dpi;
                float ph = img.getHeight() * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(pw, ph));
                doc.addPage(page);
                PDImageXObject x = JPEGFactory.createFromImage(doc, img, 0.8f);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, pw, ph);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** One image encoded as {@code format} ("jpeg", "png", "tiff"). */
    public static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) throw new IOException("no writer for " + format);
        return out.toByteArray();
    }

    /** A multi-page TIFF of the pages. */
    public static byte[] multiPageTiff(List<BufferedImage> pages) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage p : pages) writer.writeToSequence(new javax.imageio.IIOImage(p, null, null), param);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
