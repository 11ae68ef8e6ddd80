package org.letterarchive.extract;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads scans: the pages of a PDF that have no usable text layer, and images (PNG, JPEG, TIFF, multi-page
 * TIFF), with Tika's Tesseract parser, one page at a time.
 *
 * <p>A first pass ({@link #markPdf}, {@link #probeImage}) only finds which pages are scans and checks the
 * limits (pages per document, pixels per image page, from the image headers before anything is decoded);
 * it is quick, so the server can tell at once whether a document needs OCR. The second pass
 * ({@link #readPdf}, {@link #readImage}) renders each scanned page (300 dpi, grey), reads it with Tesseract
 * in the language detected so far (all four installed languages while unsure), and reports each page
 * done. A PDF's good text layer is kept for its other pages. The mean word confidence Tesseract gives is
 * kept in the metadata.
 */
public final class ScanReader {

    /** Metadata: the document's page count (images: frames). */
    public static final String PAGES = "letters:pages";
    /** Metadata: the 1-based numbers of the pages that are scans (no usable text layer, an image). */
    public static final String SCANNED_PAGES = "letters:scanned-pages";
    /** Metadata: pages read with OCR. */
    public static final String OCR_PAGES = "letters:ocr-pages";
    /** Metadata: the mean word confidence of the OCR, 0–100. */
    public static final String OCR_CONFIDENCE = "letters:ocr-confidence";
    /** Metadata: the Tesseract languages used, e.g. "eng", "eng+spa+fra+por". */
    public static final String OCR_LANGUAGES = "letters:ocr-languages";

    /** A PDF page with fewer characters in its text layer than this (and an image on it) is a scan. */
    static final int MIN_PAGE_CHARS = 40;
    /** Rendering resolution of a scanned PDF page. */
    static final int DPI = 300;
    /** An image page beyond this is read subsampled (a phone photo needs no more for OCR). */
    static final long OCR_TARGET_PIXELS = 16_000_000L;
    private static final Map<String, String> TESSERACT_LANGUAGE = Map.of("en", "eng", "es", "spa", "fr", "fra", "pt", "por");
    private static final List<String> LETTER_LANGUAGES = List.of("eng", "spa", "fra", "por");

    /**
     * Told after each page read; it may also hold pages read before (a job stopped by a restart), which are
     * used instead of reading them again, and be told each page's reading so it can keep them.
     */
    @FunctionalInterface
    public interface Progress {
        /** Pages done (read now, or known from before) of the pages to read; first told once before any page. */
        void page(int done, int total);

        /** A page just read with OCR, told before the page is counted done. */
        default void read(PageText page) {}

        /** Pages read before, by their 1-based page number: these are not read again. */
        default Map<Integer, PageText> known() {
            return Map.of();
        }

        Progress NONE = (d, t) -> {};
    }

    /**
     * One page as Tesseract read it.
     *
     * @param page           its 1-based number in the document
     * @param text           its text
     * @param language       the Tesseract languages it was read with
     * @param confidenceSum  the sum of its words' confidences
     * @param words          its words with a confidence
     */
    public record PageText(int page, String text, String language, double confidenceSum, long words) {}

    private final OcrLimits limits;
    private final TesseractOCRParser tesseract = new TesseractOCRParser();

    public ScanReader(OcrLimits limits) {
        this.limits = limits;
    }

    // ---------- is Tesseract here? ----------

    private static volatile List<String> installed;

    /** The letter languages Tesseract has data for here (empty when Tesseract is not installed). */
    public static List<String> installedLanguages() {
        List<String> l = installed;
        if (l == null) installed = l = listLanguages();
        return l;
    }

    /** True when Tesseract and at least one letter language are installed. */
    public static boolean available() {
        return !installedLanguages().isEmpty();
    }

    private static List<String> listLanguages() {
        try {
            Process p = new ProcessBuilder(TesseractOCRParser.getTesseractProg(), "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) return List.of();
            Set<String> found = new LinkedHashSet<>();
            for (String line : out.split("\\R")) found.add(line.trim());
            return LETTER_LANGUAGES.stream().filter(found::contains).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    // ---------- first pass: which pages are scans ----------

    /** The 1-based numbers of a first pass's scanned pages. */
    public static List<Integer> scannedPages(ParsedDocument doc) {
        List<String> v = doc.metadata().get(SCANNED_PAGES);
        if (v == null) return List.of();
        List<Integer> pages = new ArrayList<>();
        for (String s : v) {
            try {
                pages.add(Integer.parseInt(s));
            } catch (NumberFormatException ignored) {
                // not ours
            }
        }
        return pages;
    }

    /**
     * Marks the pages of a parsed PDF whose text layer is missing or unusable (few characters, or most of
     * them unmapped glyphs) and which show an image: those are scans.
     */
    ParsedDocument markPdf(byte[] bytes, ParsedDocument doc) throws ExtractionException {
        List<String> chars = doc.metadata().getOrDefault("pdf:charsPerPage", List.of());
        List<String> unmapped = doc.metadata().getOrDefault("pdf:unmappedUnicodeCharsPerPage", List.of());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < chars.size(); i++) {
            int c = parseInt(chars.get(i));
            int u = i < unmapped.size() ? parseInt(unmapped.get(i)) : 0;
            if (c < MIN_PAGE_CHARS || u * 2 > c) candidates.add(i);
        }
        if (candidates.isEmpty()) return with(doc, Map.of(PAGES, List.of(String.valueOf(chars.size()))));
        List<String> scanned = new ArrayList<>();
        int pages;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            pages = pdf.getNumberOfPages();
            for (int i : candidates) {
                if (i < pages && hasImage(pdf.getPage(i).getResources(), 0)) scanned.add(String.valueOf(i + 1));
            }
        } catch (IOException | RuntimeException e) {
            return doc; // the text layer is what there is
        }
        if (!scanned.isEmpty() && pages > limits.maxPages()) throw tooManyPages(pages);
        Map<String, List<String>> add = new LinkedHashMap<>();
        add.put(PAGES, List.of(String.valueOf(pages)));
        if (!scanned.isEmpty()) add.put(SCANNED_PAGES, scanned);
        return with(doc, add);
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 4) return false;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) return true;
            if (x instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) return true;
        }
        return false;
    }

    /**
     * Checks an image's pages against the limits from their headers alone (nothing is decoded) and marks
     * every page as scanned.
     */
    ParsedDocument probeImage(byte[] bytes, ParsedDocument doc) throws ExtractionException {
        int pages = withReader(bytes, reader -> {
            int n = 0;
            while (true) {
                int w;
                int h;
                try {
                    w = reader.getWidth(n);
                    h = reader.getHeight(n);
                } catch (IndexOutOfBoundsException e) {
                    return n;
                }
                checkPixels(w, h);
                n++;
                if (n > limits.maxPages()) throw tooManyPages(n);
            }
        });
        if (pages == 0) throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the image has no pages");
        List<String> scanned = new ArrayList<>();
        for (int i = 1; i <= pages; i++) scanned.add(String.valueOf(i));
        return with(doc, Map.of(PAGES, List.of(String.valueOf(pages)), SCANNED_PAGES, scanned));
    }

    private void checkPixels(long w, long h) throws ExtractionException {
        if (w <= 0 || h <= 0) throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the image has no pixels");
        if (w * h > limits.maxPixelsPerPage()) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE, "the image is " + w + " × " + h + " pixels, beyond the limit of "
                    + limits.maxPixelsPerPage() / 1_000_000 + " megapixels per page");
        }
    }

    private ExtractionException tooManyPages(int pages) {
        return new ExtractionException(ExtractionException.Reason.TOO_LARGE, "the scan has " + (pages > limits.maxPages() ? "more than " + limits.maxPages() : pages)
                + " pages, beyond the limit of " + limits.maxPages() + " pages to read with OCR");
    }

    // ---------- second pass: OCR ----------

    /**
     * Reads the scanned pages of a PDF with OCR; {@code pageTexts} are the text layer's pages from the
     * first pass (kept for the pages that are not scans).
     */
    ParsedDocument readPdf(byte[] bytes, ParsedDocument first, List<String> pageTexts, Progress progress) throws ExtractionException {
        List<Integer> scanned = scannedPages(first);
        if (scanned.isEmpty()) return first;
        Reading reading = new Reading(scanned, progress);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            if (pages > limits.maxPages()) throw tooManyPages(pages);
            boolean byPage = pageTexts.size() == pages;
            StringBuilder known = new StringBuilder();
            if (byPage) {
                for (int i = 0; i < pages; i++) if (!scanned.contains(i + 1)) known.append(pageTexts.get(i)).append('\n');
            } else {
                known.append(first.text());
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            StringBuilder text = new StringBuilder();
            if (!byPage) text.append(first.text()).append('\n');
            for (int i = 0; i < pages; i++) {
                if (!scanned.contains(i + 1)) {
                    if (byPage) text.append(pageTexts.get(i)).append('\n');
                    continue;
                }
                PageText before = reading.known(i + 1);
                if (before != null) {
                    known.append(before.text());
                    text.append(before.text()).append('\n');
                    continue;
                }
                PDRectangle box = pdf.getPage(i).getCropBox();
                float dpi = DPI;
                double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
                long budget = Math.min(limits.maxPixelsPerPage(), OCR_TARGET_PIXELS * 2);
                if (pixels > budget) dpi = (float) Math.max(36, dpi * Math.sqrt(budget / pixels));
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                String pageText = reading.page(i + 1, image, language(known));
                known.append(pageText);
                text.append(pageText).append('\n');
            }
            return reading.result(first, text.toString());
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot render the scanned pages: " + e.getMessage(), e);
        }
    }

    /** Reads every page of an image with OCR. */
    ParsedDocument readImage(byte[] bytes, ParsedDocument first, Progress progress) throws ExtractionException {
        int orientation = exifOrientation(bytes);
        return withReader(bytes, reader -> {
            int pages = 0;
            while (true) {
                try {
                    checkPixels(reader.getWidth(pages), reader.getHeight(pages));
                } catch (IndexOutOfBoundsException e) {
                    break;
                }
                pages++;
                if (pages > limits.maxPages()) throw tooManyPages(pages);
            }
            List<Integer> all = new ArrayList<>();
            for (int i = 1; i <= pages; i++) all.add(i);
            Reading reading = new Reading(all, progress);
            StringBuilder text = new StringBuilder();
            StringBuilder known = new StringBuilder();
            for (int i = 0; i < pages; i++) {
                PageText before = reading.known(i + 1);
                if (before != null) {
                    known.append(before.text());
                    text.append(before.text()).append('\n');
                    continue;
                }
                long px = (long) reader.getWidth(i) * reader.getHeight(i);
                ImageReadParam param = reader.getDefaultReadParam();
                int sub = px > OCR_TARGET_PIXELS ? (int) Math.ceil(Math.sqrt(px / (double) OCR_TARGET_PIXELS)) : 1;
                if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                BufferedImage image = grey(reader.read(i, param));
                if (i == 0 && orientation > 1) image = orient(image, orientation);
                String pageText = reading.page(i + 1, image, language(known));
                known.append(pageText);
                text.append(pageText).append('\n');
            }
            return reading.result(first, text.toString());
        });
    }

    /** The OCR language for the next page: the language of what was read so far, or all when unsure. */
    private static String language(CharSequence known) {
        List<String> installedNow = installedLanguages();
        String iso = known.length() < 200 ? null : LanguageDetector.byFunctionWords(known.toString());
        String code = iso == null ? null : TESSERACT_LANGUAGE.get(iso);
        if (code != null && installedNow.contains(code)) return code;
        return String.join("+", installedNow.isEmpty() ? List.of("eng") : installedNow);
    }

    /**
     * The pages of one document as they are read: their confidence, languages and progress. Pages read before
     * (the progress's known pages among those to read) count as done from the start.
     */
    private final class Reading {
        final int total;
        final Progress progress;
        final Map<Integer, PageText> before = new LinkedHashMap<>();
        int done;
        double confidenceSum;
        long words;
        final Set<String> languages = new LinkedHashSet<>();

        Reading(List<Integer> toRead, Progress progress) {
            this.total = toRead.size();
            this.progress = progress;
            Map<Integer, PageText> known = progress.known();
            for (int n : toRead) {
                PageText p = known.get(n);
                if (p != null && p.page() == n && p.text() != null && p.language() != null) before.put(n, p);
            }
            done = before.size();
            progress.page(done, total);
        }

        /** The page as read before, counted in the document's confidence and languages; null when it is to be read. */
        PageText known(int page) {
            PageText p = before.get(page);
            if (p != null) {
                confidenceSum += p.confidenceSum();
                words += p.words();
                languages.add(p.language());
            }
            return p;
        }

        String page(int number, BufferedImage image, String language) throws ExtractionException {
            Hocr hocr = ocr(image, language);
            confidenceSum += hocr.confidenceSum;
            words += hocr.words;
            languages.add(language);
            String text = hocr.text.toString();
            progress.read(new PageText(number, text, language, hocr.confidenceSum, hocr.words));
            progress.page(++done, total);
            return text;
        }

        ParsedDocument result(ParsedDocument first, String text) {
            Map<String, List<String>> add = new LinkedHashMap<>();
            add.put(OCR_PAGES, List.of(String.valueOf(done)));
            add.put(OCR_CONFIDENCE, List.of(String.format(Locale.ROOT, "%.1f", words == 0 ? 0.0 : confidenceSum / words)));
            add.put(OCR_LANGUAGES, List.copyOf(languages));
            ParsedDocument withText = new ParsedDocument(text, first.mediaType(), first.metadata(), first.truncated(), first.warnings());
            return with(withText, add);
        }
    }

    private Hocr ocr(BufferedImage image, String language) throws ExtractionException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot prepare a page for OCR: " + e.getMessage(), e);
        }
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage(language);
        config.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
        config.setTimeoutSeconds((int) Math.max(1, limits.pageTimeout().toSeconds()));
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "image/png");
        Hocr hocr = new Hocr();
        try (InputStream in = TikaInputStream.get(png.toByteArray())) {
            tesseract.parse(in, hocr, metadata, context);
        } catch (IOException | SAXException | TikaException e) {
            String message = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("timeout")
                    ? "reading a page took longer than " + limits.pageTimeout().toSeconds() + " s" : "OCR failed: " + e.getMessage();
            throw new ExtractionException(e.getMessage() != null && message.startsWith("reading")
                    ? ExtractionException.Reason.TIMEOUT : ExtractionException.Reason.CORRUPT, message, e);
        }
        return hocr;
    }

    /** Text and word confidences from Tesseract's hOCR: words joined by spaces, a line a line, a blank line after a paragraph. */
    static final class Hocr extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        final StringBuilder line = new StringBuilder();
        final StringBuilder word = new StringBuilder();
        final Deque<String> classes = new ArrayDeque<>();
        boolean inWord;
        double confidenceSum;
        long words;
        int wordConfidence;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            String cls = atts.getValue("class");
            classes.push(cls == null ? "" : cls);
            if ("ocrx_word".equals(cls)) {
                inWord = true;
                word.setLength(0);
                wordConfidence = confidence(atts.getValue("title"));
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inWord) word.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String cls = classes.isEmpty() ? "" : classes.pop();
            switch (cls) {
                case "ocrx_word" -> {
                    inWord = false;
                    String w = word.toString().strip();
                    if (!w.isEmpty()) {
                        if (line.length() > 0) line.append(' ');
                        line.append(w);
                        if (wordConfidence >= 0) {
                            confidenceSum += wordConfidence;
                            words++;
                        }
                    }
                }
                case "ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat" -> {
                    if (line.length() > 0) text.append(line).append('\n');
                    line.setLength(0);
                }
                case "ocr_par" -> {
                    if (line.length() > 0) text.append(line).append('\n');
                    line.setLength(0);
                    if (text.length() > 0 && !text.toString().endsWith("\n\n")) text.append('\n');
                }
                default -> { }
            }
        }

        static int confidence(String title) {
            if (title == null) return -1;
            int at = title.indexOf("x_wconf");
            if (at < 0) return -1;
            int i = at + 7;
            while (i < title.length() && title.charAt(i) == ' ') i++;
            int j = i;
            while (j < title.length() && Character.isDigit(title.charAt(j))) j++;
            return j > i ? Integer.parseInt(title.substring(i, j)) : -1;
        }
    }

    // ---------- images ----------

    @FunctionalInterface
    private interface WithReader<T> {
        T apply(ImageReader reader) throws ExtractionException, IOException;
    }

    private static <T> T withReader(byte[] bytes, WithReader<T> body) throws ExtractionException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the image cannot be read");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                return body.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the image is damaged: " + e.getMessage(), e);
        }
    }

    private static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) return image;
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.setColor(java.awt.Color.WHITE);
        gr.fillRect(0, 0, g.getWidth(), g.getHeight());
        gr.drawImage(image, 0, 0, null);
        gr.dispose();
        return g;
    }

    /** The EXIF orientation of a photo (1 = upright), or 1 when it has none. */
    static int exifOrientation(byte[] bytes) {
        try {
            com.drew.metadata.Metadata m = com.drew.imaging.ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            com.drew.metadata.exif.ExifIFD0Directory d = m.getFirstDirectoryOfType(com.drew.metadata.exif.ExifIFD0Directory.class);
            if (d != null && d.containsTag(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION)) {
                return d.getInt(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception | StackOverflowError e) {
            // no readable EXIF: upright
        }
        return 1;
    }

    /** Turns a photo upright by its EXIF orientation (rotations only; mirrored orientations are left as they are). */
    private static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap;
        switch (orientation) {
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
                swap = false;
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
                swap = true;
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
                swap = true;
            }
            default -> {
                return image;
            }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    // ---------- helpers ----------

    private static ParsedDocument with(ParsedDocument doc, Map<String, List<String>> add) {
        Map<String, List<String>> meta = new LinkedHashMap<>(doc.metadata());
        meta.putAll(add);
        return new ParsedDocument(doc.text(), doc.mediaType(), meta, doc.truncated(), doc.warnings());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
