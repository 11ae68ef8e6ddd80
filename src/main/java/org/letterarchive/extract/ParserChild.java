package org.letterarchive.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.letterarchive.corpus.Json;

/**
 * The parser process: started by {@link IsolatedParser} with a small heap, it warms Tika up, writes one
 * ready byte, then answers requests on stdin one at a time until stdin closes. Whatever a document does
 * to the parser (a loop, a bomb, a stack overflow) happens here, not in the server, which kills this
 * process when it overruns its time.
 *
 * <p>Request: mode (int: 0 parse, 1 parse and read scans with OCR), name length (int), name (UTF-8), length (int)
 * and UTF-8 of the type the format policy settled ({@link DocumentParser#settledType}; 0: none), content
 * length (int), content; in mode 1 then the pages read before (length (int) and a JSON array of
 * {@link ScanReader.PageText}, not read again). Answer: frames, each a length (int) and JSON; in mode 1 first
 * {@code {"progress":[done,total]}} frames, one before the first page and one per page done, each page read
 * preceded by {@code {"progress":"page","page":{...}}} with its text; the last frame is
 * {@code {"ok":true,"document":{...}}} or {@code {"ok":false,"reason":"CORRUPT","message":"..."}}.
 * Anything else the libraries print goes to stderr.
 */
public final class ParserChild {

    /** System property naming the maximum number of extracted characters. */
    static final String WRITE_LIMIT = "letters.parser.writeLimit";
    /** System properties naming the OCR limits. */
    static final String OCR_MAX_PAGES = "letters.ocr.maxPages";
    static final String OCR_MAX_PIXELS = "letters.ocr.maxPixels";
    static final String OCR_PAGE_TIMEOUT = "letters.ocr.pageTimeoutSeconds";
    /** Request modes: parse without OCR, or read the scanned pages with OCR (with progress frames). */
    static final int MODE_PARSE = 0;
    static final int MODE_SCANNED = 1;
    static final int MAX_NAME_BYTES = 4096;
    /** At most this much JSON of pages read before. */
    static final int MAX_KNOWN_BYTES = 64 << 20;
    /** Written once warm, before the request is read: the parent starts the parse clock only then. */
    static final int READY = '+';

    private ParserChild() {}

    /** Reads one document: the reply holds the parsed document or the reason it could not be read. */
    @FunctionalInterface
    public interface Reader {
        Map<String, Object> read(DocumentParser parser, byte[] content, String name, String settledType);
    }

    public static void main(String[] args) throws IOException {
        serve(ParserChild::parse);
    }

    /**
     * The request loop, reading each document with {@code reader} (the standard {@link #parse}; a test
     * wraps it to make a document misbehave).
     */
    public static void serve(Reader reader) throws IOException {
        OutputStream answer = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        int writeLimit = Integer.getInteger(WRITE_LIMIT, DocumentParser.DEFAULT_WRITE_LIMIT);
        OcrLimits d = OcrLimits.defaults();
        OcrLimits ocr = new OcrLimits(Integer.getInteger(OCR_MAX_PAGES, d.maxPages()), Long.getLong(OCR_MAX_PIXELS, d.maxPixelsPerPage()),
                java.time.Duration.ofSeconds(Long.getLong(OCR_PAGE_TIMEOUT, d.pageTimeout().toSeconds())), d.workers());
        DocumentParser parser = new DocumentParser(writeLimit, ocr);
        warmUp(parser);
        Json.mapper().writeValueAsBytes(parse(parser, "warm up".getBytes(StandardCharsets.UTF_8), "warm.txt", null));
        answer.write(READY);
        answer.flush();

        DataInputStream in = new DataInputStream(System.in);
        DataOutputStream out = new DataOutputStream(answer);
        ObjectMapper json = Json.mapper();
        while (true) {
            String name;
            String settled;
            byte[] content;
            int mode;
            Map<Integer, ScanReader.PageText> known = new LinkedHashMap<>();
            try {
                mode = in.readInt();
                int nameLength = in.readInt();
                if (nameLength < 0 || nameLength > MAX_NAME_BYTES) throw new IOException("bad request");
                name = nameLength == 0 ? null : new String(in.readNBytes(nameLength), StandardCharsets.UTF_8);
                int typeLength = in.readInt();
                if (typeLength < 0 || typeLength > MAX_NAME_BYTES) throw new IOException("bad request");
                settled = typeLength == 0 ? null : new String(in.readNBytes(typeLength), StandardCharsets.UTF_8);
                int length = in.readInt();
                if (length < 0) throw new IOException("bad request");
                content = in.readNBytes(length);
                if (content.length != length) throw new IOException("truncated request");
                if (mode == MODE_SCANNED) {
                    int knownLength = in.readInt();
                    if (knownLength < 0 || knownLength > MAX_KNOWN_BYTES) throw new IOException("bad request");
                    byte[] k = in.readNBytes(knownLength);
                    if (k.length != knownLength) throw new IOException("truncated request");
                    if (knownLength > 0) {
                        for (ScanReader.PageText p : json.readValue(k, ScanReader.PageText[].class)) known.put(p.page(), p);
                    }
                }
            } catch (IOException e) {
                // the server closed our input: retired from the pool, or the server is gone
                System.exit(0);
                return;
            }
            Map<String, Object> answer1;
            if (mode == MODE_SCANNED) {
                Map<Integer, ScanReader.PageText> before = Map.copyOf(known);
                answer1 = parseScanned(parser, content, name, new ScanReader.Progress() {
                    @Override
                    public void page(int done, int total) {
                        frame(out, json, Map.of("progress", List.of(done, total)));
                    }

                    @Override
                    public void read(ScanReader.PageText page) {
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("progress", "page"); // first: the parent tells progress frames by their start
                        f.put("page", page);
                        frame(out, json, f);
                    }

                    @Override
                    public Map<Integer, ScanReader.PageText> known() {
                        return before;
                    }
                });
            } else {
                answer1 = reader.read(parser, content, name, settled);
            }
            byte[] reply = json.writeValueAsBytes(answer1);
            out.writeInt(reply.length);
            out.write(reply);
            out.flush();
        }
    }

    private static void frame(DataOutputStream out, ObjectMapper json, Map<String, Object> frame) {
        try {
            byte[] bytes = json.writeValueAsBytes(frame);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            System.exit(0); // the server is gone
        }
    }

    public static Map<String, Object> parse(DocumentParser parser, byte[] content, String name, String settledType) {
        return answer(() -> parser.parseSettled(content, name, settledType));
    }

    /** Parses a document and reads its scans with OCR, reporting each page to {@code progress}. */
    static Map<String, Object> parseScanned(DocumentParser parser, byte[] content, String name, ScanReader.Progress progress) {
        return answer(() -> parser.parseScanned(content, name, progress));
    }

    private interface Parse {
        ParsedDocument run() throws ExtractionException;
    }

    private static Map<String, Object> answer(Parse parse) {
        Map<String, Object> reply = new LinkedHashMap<>();
        try {
            ParsedDocument doc = clean(parse.run());
            reply.put("ok", true);
            reply.put("document", doc);
        } catch (ExtractionException e) {
            reply.put("ok", false);
            reply.put("reason", e.reason().name());
            reply.put("message", e.getMessage());
        } catch (StackOverflowError e) {
            reply.put("ok", false);
            reply.put("reason", ExtractionException.Reason.CORRUPT.name());
            reply.put("message", "the document is nested too deeply to read");
        } catch (RuntimeException e) {
            reply.put("ok", false);
            reply.put("reason", ExtractionException.Reason.CORRUPT.name());
            reply.put("message", "cannot parse the document: " + e.getClass().getSimpleName());
        }
        return reply;
    }

    /** Loads the parsers' classes before the document arrives, so a waiting child answers fast. */
    private static void warmUp(DocumentParser parser) {
        try {
            parser.parse("<html><body><p>warm up</p></body></html>".getBytes(StandardCharsets.UTF_8), "warm.html");
            parser.parse("Warm up\n\nA plain text letter.\n".getBytes(StandardCharsets.UTF_8), "warm.txt");
            parser.parse("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "warm.pdf");
        } catch (ExtractionException | RuntimeException ignored) {
            // warming is best effort: the real parse reports its own errors
        }
    }

    /**
     * Replaces unpaired UTF-16 surrogates (which some broken documents produce and which neither JSON nor
     * the index can carry) with U+FFFD, noting it as a warning.
     */
    static ParsedDocument clean(ParsedDocument doc) {
        String text = replaceLoneSurrogates(doc.text());
        Map<String, List<String>> meta = new LinkedHashMap<>();
        doc.metadata().forEach((k, v) -> meta.put(replaceLoneSurrogates(k), v.stream().map(ParserChild::replaceLoneSurrogates).toList()));
        if (text.equals(doc.text()) && meta.equals(doc.metadata())) return doc;
        List<String> warnings = new ArrayList<>(doc.warnings());
        warnings.add("invalid characters in the text were replaced");
        return new ParsedDocument(text, doc.mediaType(), meta, doc.truncated(), warnings);
    }

    static String replaceLoneSurrogates(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!bad) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (b != null) b.append(bad ? '\uFFFD' : c);
        }
        return b == null ? s : b.toString();
    }
}
