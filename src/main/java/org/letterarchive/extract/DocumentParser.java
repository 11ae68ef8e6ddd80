package org.letterarchive.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
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

    private final AutoDetectParser parser = new AutoDetectParser();
    /** Plain text already known to be text by content (see {@link #parsePlainText}): no detection, no CSV sniffing. */
    private final org.apache.tika.parser.txt.TXTParser textParser = new org.apache.tika.parser.txt.TXTParser();
    private final org.apache.tika.mime.MimeTypes types = org.apache.tika.mime.MimeTypes.getDefaultMimeTypes();
    private final Utf8FirstEncodingDetector encodingDetector = new Utf8FirstEncodingDetector();
    private final int writeLimit;

    public DocumentParser() {
        this(DEFAULT_WRITE_LIMIT);
    }

    public DocumentParser(int writeLimit) {
        this.writeLimit = writeLimit;
    }

    public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
        return withFrontMatter(bytes, parseBytes(bytes, fileName));
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

    private ParsedDocument parseBytes(byte[] bytes, String fileName) throws ExtractionException {
        byte[] html = PhpTemplate.htmlOf(bytes, fileName);
        if (html != null) {
            try (InputStream in = new ByteArrayInputStream(html)) {
                return parse(in, PhpTemplate.htmlName(fileName), "text/html");
            } catch (IOException e) {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
            }
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return parse(in, fileName);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
        }
    }

    public ParsedDocument parse(InputStream in, String fileName) throws ExtractionException {
        return parse(in, fileName, null);
    }

    private ParsedDocument parse(InputStream in, String fileName, String typeHint) throws ExtractionException {
        return parse(in, fileName, typeHint, parser);
    }

    private ParsedDocument parse(InputStream in, String fileName, String typeHint, Parser with) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (fileName != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        if (typeHint != null) metadata.set(Metadata.CONTENT_TYPE, typeHint);
        BodyContentHandler handler = new BodyContentHandler(writeLimit);
        BlockTextHandler blocks = new BlockTextHandler(writeLimit);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(org.apache.tika.detect.EncodingDetector.class, encodingDetector);
        context.set(org.apache.tika.parser.html.HtmlMapper.class, PageChrome.MAPPER);
        List<String> warnings = new ArrayList<>();
        boolean truncated = false;
        try {
            with.parse(in, new TeeContentHandler(handler, blocks), metadata, context);
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

    private static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static String baseType(String type) {
        if (type == null) return "application/octet-stream";
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim();
    }
}
