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
import org.xml.sax.SAXException;

/**
 * Reads a document's text and metadata with Tika. One AutoDetectParser is shared by all calls (it is
 * thread-safe); each call gets its own handler and context.
 */
public final class DocumentParser {

    /** Default cap on extracted characters: far beyond any letter, well below a text bomb. */
    public static final int DEFAULT_WRITE_LIMIT = 5_000_000;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int writeLimit;

    public DocumentParser() {
        this(DEFAULT_WRITE_LIMIT);
    }

    public DocumentParser(int writeLimit) {
        this.writeLimit = writeLimit;
    }

    public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return parse(in, fileName);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "cannot read the file: " + e.getMessage(), e);
        }
    }

    public ParsedDocument parse(InputStream in, String fileName) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (fileName != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        BodyContentHandler handler = new BodyContentHandler(writeLimit);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        List<String> warnings = new ArrayList<>();
        boolean truncated = false;
        try {
            parser.parse(in, handler, metadata, context);
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
        String type = metadata.get(Metadata.CONTENT_TYPE);
        return new ParsedDocument(handler.toString(), baseType(type), meta, truncated, warnings);
    }

    private static String baseType(String type) {
        if (type == null) return "application/octet-stream";
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim();
    }
}
