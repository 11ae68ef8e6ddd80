package org.letterarchive.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Decides whether a document may be parsed at all, from its bytes: Tika's detector looks at the content
 * only (no file name, no client Content-Type). The allow-list is PDF, DOCX, ODT, RTF, HTML, Markdown, plain
 * text, e-mail and images of letters (PNG, JPEG, TIFF: scans and photos, read with OCR); a ZIP is accepted
 * only as a bulk container of such documents.
 *
 * <p>The client's file name is consulted only to refuse a disagreement: a document whose name says one
 * accepted format while the content is another (a PDF named {@code .docx}) is refused as a type mismatch;
 * a name that promises a binary format over content that is plain text or unrecognisable (a "PDF" without
 * a PDF header) is refused as damaged. Unknown extensions ({@code .php} serving HTML) are judged by content.
 */
public final class FormatPolicy {

    /** The families of documents the archive knows. */
    public enum Family {
        PDF, DOCX, ODT, RTF, HTML, TEXT, EMAIL, ZIP, IMAGE;

        boolean textual() {
            return this == HTML || this == TEXT;
        }

        /** A binary format known by its own signature: the type found in the content is the type, whatever the name. */
        boolean bySignature() {
            return this == PDF || this == DOCX || this == ODT || this == RTF;
        }
    }

    /** What the policy concluded: the family to parse as, the sniffed type, and any warning to keep. */
    public record Verdict(Family family, String detectedType, List<String> warnings) {
        public boolean isZip() {
            return family == Family.ZIP;
        }
    }

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** Sniffs the bytes and applies the allow-list; throws with the reason a client is told. */
    public Verdict check(byte[] bytes, String fileName) throws ExtractionException {
        if (bytes.length == 0) throw new ExtractionException(ExtractionException.Reason.EMPTY, "the file is empty");
        String detected = detect(bytes);
        Family content = familyOfType(detected);
        Family named = familyOfName(fileName);
        List<String> warnings = new ArrayList<>();
        if (detected.equals("application/x-tika-ooxml-protected") || detected.equals("application/x-tika-msoffice-protected")) {
            throw new ExtractionException(ExtractionException.Reason.ENCRYPTED, "the document is encrypted or password-protected");
        }
        if (content == null) {
            if (detected.equals("application/octet-stream")) {
                if (named != null && named.textual()) {
                    warnings.add("the content was not recognised as a known format; it was read as text because of its name");
                    return new Verdict(Family.TEXT, detected, warnings);
                }
                if (named != null) {
                    throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                            "the file is named as " + article(named) + " but its content is not a readable " + named);
                }
            }
            throw new ExtractionException(ExtractionException.Reason.UNSUPPORTED_TYPE,
                    "unsupported file type " + detected + " (accepted: PDF, DOCX, ODT, RTF, HTML, Markdown, plain text, e-mail, scanned letters as PNG, JPEG or TIFF, or a ZIP of these)");
        }
        if (content == Family.DOCX || content == Family.ODT) checkExpansion(bytes, content);
        if (named == null || named == content || (named.textual() && content.textual())
                || (named == Family.EMAIL && content == Family.TEXT)) {
            return new Verdict(content, detected, warnings);
        }
        if (content == Family.TEXT) {
            // a name promising a binary format over plain text: a damaged or fake file of that format
            throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                    "the file is named as " + article(named) + " but its content is not a readable " + named);
        }
        throw new ExtractionException(ExtractionException.Reason.UNSUPPORTED_TYPE,
                "the file's name says " + named + " but its content is " + content + " (" + detected + "); rename it or upload the right file");
    }

    /** An office document is a ZIP: one that would inflate beyond any letter is refused before parsing. */
    static final long MAX_OFFICE_EXPANSION = 200 * IngestLimits.MB;

    private static void checkExpansion(byte[] bytes, Family family) throws ExtractionException {
        long total = 0;
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes)).get()) {
            for (var en = zip.getEntries(); en.hasMoreElements(); ) {
                long size = en.nextElement().getSize();
                if (size > 0) total += size;
            }
        } catch (IOException | RuntimeException e) {
            return; // unreadable as a ZIP: the parser reports the damage
        }
        if (total > MAX_OFFICE_EXPANSION) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE, "the " + family + " document would expand to "
                    + IngestLimits.size(total) + ", beyond the limit of " + IngestLimits.size(MAX_OFFICE_EXPANSION));
        }
    }

    /** The media type Tika's detector finds in the bytes alone. */
    public String detect(byte[] bytes) {
        if (isPlainProse(bytes)) return "text/plain";
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            MediaType t = detector.detect(in, new Metadata());
            return t == null ? "application/octet-stream" : t.getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** How much of a document the plain-text check reads: as much as Tika's magic detection does. */
    private static final int SNIFF = 64 * 1024;

    /**
     * True for bytes that are plainly prose: valid UTF-8 with no NUL or other control characters (tab, line
     * ends and form feed aside), not opening as markup, RTF, PDF, PostScript, a script, JSON or a mail
     * header. Such content is text whatever Tika's magic says, and the check costs a fraction of running
     * every magic pattern against it; anything else goes to Tika's detector.
     */
    static boolean isPlainProse(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        int start = 0;
        if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) start = 3;
        while (start < n && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\r' || bytes[start] == '\n')) start++;
        if (start >= n) return false;
        byte first = bytes[start];
        if (first == '<' || first == '{' || first == '[' || first == '%' || first == '#' && start + 1 < n && bytes[start + 1] == '!'
                || first == '@' || first == '\\') {
            return false;
        }
        if (looksLikeHeaderLine(bytes, start, n)) return false;
        for (int i = 0; i < n; i++) {
            int b = bytes[i];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') return false;
            if (b == 0x7f) return false;
        }
        return Utf8FirstEncodingDetector.isUtf8(bytes, n, n == bytes.length);
    }

    /** "Name: value" or "From " on the first line: mail, mbox, vCard/iCalendar and the like. */
    private static boolean looksLikeHeaderLine(byte[] b, int start, int n) {
        if (n - start >= 5 && b[start] == 'F' && b[start + 1] == 'r' && b[start + 2] == 'o' && b[start + 3] == 'm' && b[start + 4] == ' ') {
            return true;
        }
        int i = start;
        while (i < n && (Character.isLetterOrDigit(b[i]) || b[i] == '-' || b[i] == '_') && b[i] > 0) i++;
        return i > start && i < n && b[i] == ':';
    }

    public static Family familyOfType(String type) {
        switch (type) {
            case "application/pdf": return Family.PDF;
            case DOCX: return Family.DOCX;
            case ODT: return Family.ODT;
            case "application/rtf", "text/rtf": return Family.RTF;
            case "text/html", "application/xhtml+xml": return Family.HTML;
            case "message/rfc822", "application/mbox": return Family.EMAIL;
            case "application/zip": return Family.ZIP;
            case "image/png", "image/jpeg", "image/tiff": return Family.IMAGE;
            case "text/xml", "text/x-xml": return null;
            default:
                // plain text and its text-only relatives (Markdown, scripts kept as text, CSV): read as text
                if (type.startsWith("text/") || type.equals("application/x-sh")) return Family.TEXT;
                return null;
        }
    }

    public static Family familyOfName(String fileName) {
        if (fileName == null) return null;
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0 || n.indexOf('/', dot) >= 0 || n.indexOf('\\', dot) >= 0) return null;
        return switch (n.substring(dot + 1)) {
            case "pdf" -> Family.PDF;
            case "docx" -> Family.DOCX;
            case "odt" -> Family.ODT;
            case "rtf" -> Family.RTF;
            case "html", "htm", "xhtml" -> Family.HTML;
            case "txt", "text", "md", "markdown" -> Family.TEXT;
            case "eml", "mbox" -> Family.EMAIL;
            case "zip" -> Family.ZIP;
            case "png", "jpg", "jpeg", "tif", "tiff" -> Family.IMAGE;
            default -> null;
        };
    }

    private static String article(Family f) {
        return (f == Family.ODT || f == Family.RTF || f == Family.HTML || f == Family.EMAIL ? "an " : "a ") + f;
    }
}
