package org.letterarchive.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;

/**
 * The letter's title: a subject line (Re:, Subject:, Asunto:), a heading that names the letter
 * ("Open letter to ...", "Carta a ..."), a short headline right after the date or greeting, or else
 * the document's own title (front matter, HTML heading, file metadata).
 */
public final class TitleFinder {

    /** The title and the body line it came from (-1 when not from the body). */
    public record Result(String title, int lineIndex) {}

    private static final Pattern SUBJECT = Pattern.compile("(?i)^(?:re|subject|asunto|assunto|objet|ref\\.?|referencia)\\s*:\\s*(.{4,250})$");
    private static final Pattern NAMES_LETTER = Pattern.compile(
            "(?i)^(?:an?\\s+)?(?:(?:open|joint|public)\\s+letter|letter\\s+(?:to|from|on|in)|joint\\s+statement|statement\\s+(?:on|for|by|of)|"
            + "carta\\s+(?:abierta|a|al|de|conjunta|p[uú]blica)|declaraci[oó]n\\s+(?:conjunta|sobre|por|de)|comunicado\\s+(?:conjunto|sobre|de)|"
            + "lettre\\s+(?:ouverte|[aà])|d[eé]claration\\s+(?:commune|sur))\\b.*");
    private static final Pattern BAD_DOC_TITLE = Pattern.compile("(?i)^(?:microsoft word\\s*-|untitled|document\\d*$|\\S+\\.(?:docx?|pdf|odt)$)");
    private static final int HEAD = 15;
    private static final int MAX_TITLE = 250;

    private TitleFinder() {}

    public static Result find(List<Line> lines, int dateIndex, int salutationIndex, int signatureStart,
                              FrontMatter front, ParsedDocument doc) {
        int end = signatureStart >= 0 ? signatureStart : lines.size();
        for (int i = 0; i < Math.min(end, 40); i++) {
            Matcher m = SUBJECT.matcher(lines.get(i).clean());
            if (m.matches()) return new Result(m.group(1).strip(), i);
        }
        int near = dateIndex >= 0 ? Math.max(0, dateIndex - 3) : 0;
        for (int i = 0; i < Math.min(end, HEAD) || (i >= near && i < dateIndex); i++) {
            if (i >= lines.size()) break;
            String s = lines.get(i).clean();
            if (s.length() <= MAX_TITLE && NAMES_LETTER.matcher(s).matches() && !s.endsWith(",")) {
                return new Result(withContinuation(lines, i, s), i);
            }
        }
        for (int anchor : new int[] {dateIndex, salutationIndex}) {
            if (anchor >= 0 && anchor + 1 < end && anchor + 1 != salutationIndex) {
                String next = lines.get(anchor + 1).clean();
                if (isHeadline(next) && !Salutation.isGreeting(next)) return new Result(next, anchor + 1);
            }
        }
        String fromDoc = documentTitle(front, doc);
        return new Result(fromDoc, -1);
    }

    /** A heading broken over two lines ("... Human Rights Council" / "(HRC)"). */
    private static String withContinuation(List<Line> lines, int i, String s) {
        if (i + 1 < lines.size()) {
            String next = lines.get(i + 1).clean();
            if (next.length() < 60 && (next.startsWith("(") || Character.isLowerCase(next.charAt(0)))
                    && !next.endsWith(".") && s.length() + next.length() < MAX_TITLE) {
                return s + " " + next;
            }
        }
        return s;
    }

    static boolean isHeadline(String s) {
        return s.length() >= 12 && s.length() <= 160 && !s.endsWith(".") && !s.endsWith(",") && !s.endsWith(":")
                && !s.endsWith(";") && Character.isUpperCase(s.codePointAt(0));
    }

    private static String documentTitle(FrontMatter front, ParsedDocument doc) {
        String t = front.get("title");
        if (t == null && doc != null) t = doc.first(FrontMatter.METADATA_PREFIX + "title");
        if (t == null && doc != null) t = doc.first(DocumentParser.HEADINGS);
        if (t == null && doc != null) t = doc.first("dc:title");
        if (t == null) return null;
        t = TextLines.clean(t);
        return t.isBlank() || BAD_DOC_TITLE.matcher(t).find() ? null : t;
    }
}
