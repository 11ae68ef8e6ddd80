package org.letterarchive.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.TeeContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads a document's text and metadata with Tika. One AutoDetectParser is shared by all calls (it is
 * thread-safe); each call gets its own handler and context.
 */
public final class DocumentParser {

    /** Default cap on extracted characters: far beyond any letter, well below a text bomb. */
    public static final int DEFAULT_WRITE_LIMIT = 5_000_000;

    /** metadata name under which the headings (h1, h2) of an HTML page are kept, in page order */
    public static final String HEADINGS = "html:headings";

    private final AutoDetectParser parser = new KnownTypeParser();
    /** Plain text already known to be text by content (see {@link #parsePlainText}): no detection, no CSV sniffing. */
    private final org.apache.tika.parser.txt.TXTParser textParser = new org.apache.tika.parser.txt.TXTParser();
    private final org.apache.tika.mime.MimeTypes types = org.apache.tika.mime.MimeTypes.getDefaultMimeTypes();
    private final Utf8FirstEncodingDetector encodingDetector = new Utf8FirstEncodingDetector();
    private final int writeLimit;
    private final ScanReader scans;

    public DocumentParser() {
        this(DEFAULT_WRITE_LIMIT);
    }

    public DocumentParser(int writeLimit) {
        this(writeLimit, OcrLimits.defaults());
    }

    public DocumentParser(int writeLimit, OcrLimits ocr) {
        this.writeLimit = writeLimit;
        this.scans = new ScanReader(ocr);
    }

    /**
     * Reads a document without OCR (Tika's own OCR is switched off, so a scan costs no more than any other
     * file here): a PDF's pages without a usable text layer and every page of an image are marked as
     * scans ({@link ScanReader#SCANNED_PAGES}) after their limits are checked, for {@link #parseScanned}.
     */
    public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
        return parse(bytes, fileName, null);
    }

    /**
     * As {@link #parse(byte[], String)}, for a document whose type {@link FormatPolicy} has already found from its
     * content ({@code detectedType}; null: not known): Tika does not detect it a second time.
     */
    public ParsedDocument parse(byte[] bytes, String fileName, String detectedType) throws ExtractionException {
        return withFrontMatter(bytes, markScans(bytes, parseBytes(bytes, fileName, null, detectedType)));
    }

    /**
     * The type {@link FormatPolicy}'s verdict settles, which Tika need not detect again: plain text, and a binary
     * format known by its signature; null for a textual type its name may refine (.md, .xhtml).
     */
    public static String settledType(FormatPolicy.Verdict verdict) {
        return "text/plain".equals(verdict.detectedType()) || verdict.family().bySignature() ? verdict.detectedType() : null;
    }

    /**
     * Parses a document of a type settled beforehand ({@link #settledType}; null: none): plain text straight with
     * Tika's text parser ({@link #parsePlainText}), any other type without detecting it again.
     */
    public ParsedDocument parseSettled(byte[] bytes, String fileName, String settledType) throws ExtractionException {
        return "text/plain".equals(settledType) ? parsePlainText(bytes, fileName) : parse(bytes, fileName, settledType);
    }

    /**
     * Reads a document and its scanned pages with OCR, telling {@code progress} after each page; a document
     * without scanned pages is read as {@link #parse} reads it.
     */
    public ParsedDocument parseScanned(byte[] bytes, String fileName, ScanReader.Progress progress) throws ExtractionException {
        List<String> pages = new ArrayList<>();
        ParsedDocument first = markScans(bytes, parseBytes(bytes, fileName, pages, null));
        if (ScanReader.scannedPages(first).isEmpty()) return withFrontMatter(bytes, first);
        ParsedDocument read = isImage(first.mediaType()) ? scans.readImage(bytes, first, progress)
                : scans.readPdf(bytes, first, pages, progress);
        // the first pass's warnings about its text are judged again on the text read from the scans
        List<String> warnings = new ArrayList<>(read.warnings());
        warnings.removeAll(ReadingWarnings.of(first.text(), first.metadata()));
        warnings.addAll(ReadingWarnings.of(read.text(), read.metadata()));
        return withFrontMatter(bytes, new ParsedDocument(read.text(), read.mediaType(), read.metadata(), read.truncated(), warnings));
    }

    private ParsedDocument markScans(byte[] bytes, ParsedDocument doc) throws ExtractionException {
        if (doc.mediaType().equals("application/pdf")) return scans.markPdf(bytes, doc);
        if (isImage(doc.mediaType())) return scans.probeImage(bytes, doc);
        return doc;
    }

    /** PNG, JPEG or TIFF by their magic bytes; null for anything else. */
    static String imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "image/jpeg";
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return "image/tiff";
        }
        return null;
    }

    /** The image types read as scanned letters. */
    public static boolean isImage(String mediaType) {
        return mediaType.equals("image/png") || mediaType.equals("image/jpeg") || mediaType.equals("image/tiff");
    }


    /**
     * Parses a file whose content Tika's detector has already found to be {@code text/plain} and whose
     * name says plain text or Markdown ({@link FormatPolicy} checked both): the text parser is called
     * directly with the type the name gives, skipping a second magic detection and the CSV sniffing of
     * the auto-detecting path (a third of a plain-text letter's parsing time). Anything else takes the
     * full path.
     */
    public ParsedDocument parsePlainText(byte[] bytes, String fileName) throws ExtractionException {
        if (FormatPolicy.familyOfName(fileName) != FormatPolicy.Family.TEXT) return parse(bytes, fileName);
        String type = types.getMimeType(fileName).getName();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return withFrontMatter(bytes, parse(in, fileName, type, textParser));
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private ParsedDocument withFrontMatter(byte[] bytes, ParsedDocument doc) {
        FrontMatter front = FrontMatter.read(new String(bytes, 0, Math.min(bytes.length, 16_384), java.nio.charset.StandardCharsets.UTF_8));
        if (front.fields().isEmpty()) return doc;
        Map<String, List<String>> meta = new LinkedHashMap<>(doc.metadata());
        front.fields().forEach((k, v) -> meta.put(FrontMatter.METADATA_PREFIX + k, List.of(v)));
        return new ParsedDocument(doc.text(), doc.mediaType(), meta, doc.truncated(), doc.warnings());
    }

    private ParsedDocument parseBytes(byte[] bytes, String fileName, List<String> pages, String detectedType) throws ExtractionException {
        String image = imageType(bytes);
        if (image != null) {
            // an image's text comes from OCR alone: Tika's image parsers (metadata only) are not run on it, so a
            // hostile image (a TIFF of thousands of nested directories) meets only the checks of ScanReader
            return new ParsedDocument("", image, Map.of(), false, List.of());
        }
        byte[] html = PhpTemplate.htmlOf(bytes, fileName);
        if (html != null) {
            try (InputStream in = new ByteArrayInputStream(html)) {
                return parse(in, PhpTemplate.htmlName(fileName), "text/html", parser, null);
            } catch (IOException e) {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
            }
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return parse(in, fileName, null, parser, pages, detectedType);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
        }
    }

    public ParsedDocument parse(InputStream in, String fileName) throws ExtractionException {
        return parse(in, fileName, null);
    }

    private ParsedDocument parse(InputStream in, String fileName, String typeHint) throws ExtractionException {
        return parse(in, fileName, typeHint, parser, null);
    }

    private ParsedDocument parse(InputStream in, String fileName, String typeHint, Parser with) throws ExtractionException {
        return parse(in, fileName, typeHint, with, null);
    }

    private ParsedDocument parse(InputStream in, String fileName, String typeHint, Parser with, List<String> pages) throws ExtractionException {
        return parse(in, fileName, typeHint, with, pages, null);
    }

    /**
     * @param pages        when not null, receives the text of each page of a PDF
     * @param detectedType the document's type as detected from its content already, or null
     */
    private ParsedDocument parse(InputStream in, String fileName, String typeHint, Parser with, List<String> pages,
                                 String detectedType) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (fileName != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        if (typeHint != null) metadata.set(Metadata.CONTENT_TYPE, typeHint);
        if (detectedType != null) metadata.set(KnownTypeParser.DETECTED, detectedType);
        BodyContentHandler handler = new BodyContentHandler(writeLimit);
        BlockTextHandler blocks = new BlockTextHandler(writeLimit);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(org.apache.tika.detect.EncodingDetector.class, encodingDetector);
        context.set(org.apache.tika.parser.html.HtmlMapper.class, PageChrome.MAPPER);
        context.set(TesseractOCRConfig.class, NO_OCR);
        context.set(PDFParserConfig.class, pdfConfig());
        List<String> warnings = new ArrayList<>();
        boolean truncated = false;
        try {
            org.xml.sax.ContentHandler all = pages == null ? new TeeContentHandler(handler, blocks)
                    : new TeeContentHandler(handler, blocks, new PageTexts(pages));
            with.parse(in, all, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException(ExtractionException.Reason.ENCRYPTED,
                    "the document is encrypted or password-protected", e);
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
                warnings.add("text cut at " + writeLimit + " characters");
            } else {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot parse the document: " + e.getMessage(), e);
            }
        } catch (TikaException | IOException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            if (root instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                throw new ExtractionException(ExtractionException.Reason.ENCRYPTED,
                        "the document is encrypted or password-protected", e);
            }
            throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                    "cannot parse the document: " + root.getMessage(), e);
        }
        metadata.remove(KnownTypeParser.DETECTED);
        Map<String, List<String>> meta = new LinkedHashMap<>();
        for (String name : metadata.names()) meta.put(name, List.of(metadata.getValues(name)));
        if (!blocks.headings().isEmpty()) meta.put(HEADINGS, List.copyOf(blocks.headings()));
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String mediaType = baseType(type);
        // HTML source lines say nothing about the page: read it by its blocks instead
        String text = isHtml(mediaType) ? blocks.toString() : handler.toString();
        warnings.addAll(ReadingWarnings.of(text, meta));
        return new ParsedDocument(text, mediaType, meta, truncated, warnings);
    }

    /**
     * Tika's auto-detecting parser, with two savings: a document whose type was detected before parsing (by
     * {@link FormatPolicy}, with Tika's own detector) is not detected again; and the parsers by type are looked up
     * once, where Tika builds that map again for every document (the context they are asked with is the same for
     * every document here: the same OCR and PDF settings). Embedded documents are detected as Tika detects them.
     */
    private static final class KnownTypeParser extends AutoDetectParser {
        /** Metadata name of the type already detected; taken out again before the metadata is kept. */
        static final String DETECTED = "X-Letters-Detected-Type";
        private volatile Map<MediaType, Parser> parsers;

        KnownTypeParser() {
            Detector tika = getDetector();
            setDetector((input, metadata) -> {
                String known = metadata.get(DETECTED);
                return known != null ? MediaType.parse(known) : tika.detect(input, metadata);
            });
        }

        @Override
        public Map<MediaType, Parser> getParsers(ParseContext context) {
            Map<MediaType, Parser> p = parsers;
            if (p == null) parsers = p = Map.copyOf(super.getParsers(context));
            return p;
        }
    }

    /** Tika's own OCR stays off: scans are read page by page by {@link ScanReader}, when asked. */
    private static final TesseractOCRConfig NO_OCR = new TesseractOCRConfig();

    static {
        NO_OCR.setSkipOcr(true);
    }

    private static PDFParserConfig pdfConfig() {
        PDFParserConfig c = new PDFParserConfig();
        c.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        return c;
    }

    /** Collects the text of each page of a PDF (Tika writes each page as a {@code div class="page"}). */
    private static final class PageTexts extends org.xml.sax.helpers.DefaultHandler {
        private final List<String> pages;
        private StringBuilder page;
        private int depth;

        PageTexts(List<String> pages) {
            this.pages = pages;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts) {
            if (page != null) {
                depth++;
            } else if ("div".equals(localName.isEmpty() ? qName : localName) && "page".equals(atts.getValue("class"))) {
                page = new StringBuilder();
                depth = 0;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (page == null) return;
            if (depth-- > 0) return;
            pages.add(page.toString());
            page = null;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (page != null) page.append(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length);
        }
    }

    private static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static String baseType(String type) {
        if (type == null) return "application/octet-stream";
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim();
    }
}
