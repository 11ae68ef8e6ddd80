package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * A letter's body as lines: each keeps its source form (with Markdown marks, which tell a bold name
 * from its affiliation) and a clean form (plain words). Blank lines, lone page numbers and lines
 * repeated on every page (PDF headers and footers) are left out.
 */
public final class TextLines {

    /** One line of the body; gapBefore says a blank line stands between it and the line before (a new paragraph or block). */
    public record Line(String raw, String clean, boolean gapBefore) {
        public Line(String raw, String clean) {
            this(raw, clean, false);
        }
    }

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u3000]+");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\](?:\\([^)]*\\)|\\[[^\\]]*\\])");
    private static final Pattern LINK_DEF = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*\\S+\\s*$");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    /** a Markdown block quote: "> text", "> > text" */
    private static final Pattern QUOTE = Pattern.compile("^(?:>\\s?)+");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{1,3})(?=\\S)(.+?)(?<=\\S)\\1(?!\\w)");
    private static final Pattern STRAY_MARKS = Pattern.compile("^[*_]+\\s*|\\s*[*_]+$|\\*{2,}|(?<!\\w)_{2,}");
    private static final Pattern KRAMDOWN_ATTR = Pattern.compile("\\{:[^}]*\\}");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!$|])");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:page\\s+)?\\d{1,3}(?:\\s*(?:/|of)\\s*\\d{1,3})?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^[-=*_#\\s]{3,}$");
    /** the row under a Markdown table's header: "|---|:---:|" */
    private static final Pattern TABLE_DELIMITER = Pattern.compile("^\\|?(?:\\s*:?-{3,}:?\\s*\\|)+(?:\\s*:?-{3,}:?\\s*)?\\|?$");
    /** a Markdown table row, "| a | b |": read as its cells joined by " | ", as an HTML table row is */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|(.*\\|.*)\\|$");
    /** a gap between two columns of plain text: a tab, or three spaces or more, between two words */
    private static final Pattern COLUMN_GAP = Pattern.compile("(?<=\\S)(?: {3,}|\\t+ *)(?=\\S)");
    /** a list marker opening a line: "-", "*", "1.", "a)" */
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)]|\\p{L}[.)])(?: {2,}|\\t)");
    /** a line seen this often, on a document of several pages, is a running header or footer */
    private static final int REPEATED = 3;

    private TextLines() {}

    /** The lines of a body text; markdown says whether to read Markdown marks. */
    public static List<Line> of(String body) {
        List<Line> lines = new ArrayList<>();
        boolean gap = false;
        for (String rawLine : splitLines(body)) {
            String raw = plainSpaces(rawLine) ? rawLine.strip() : SPACES.matcher(INVISIBLE.matcher(columns(rawLine)).replaceAll("")).replaceAll(" ").strip();
            if (raw.isEmpty()) {
                gap = true;
                continue;
            }
            if (LINK_DEF.matcher(raw).matches() || (raw.indexOf('-') >= 0 && TABLE_DELIMITER.matcher(raw).matches())) continue;
            String clean = clean(raw);
            if (clean.isEmpty() || PAGE_NUMBER.matcher(clean).matches() || RULE.matcher(clean).matches()) continue;
            lines.add(new Line(raw, clean, gap && !lines.isEmpty()));
            gap = false;
        }
        return dropRepeated(lines);
    }

    /** Plain words of one line: Markdown and HTML marks taken out. */
    public static String clean(String line) {
        if (!hasMarks(line)) return line;
        String s = line;
        // each pattern only where its mark occurs
        if (s.contains("![")) s = IMAGE.matcher(s).replaceAll(" ");
        if (s.indexOf('[') >= 0) s = LINK.matcher(s).replaceAll("$1");
        if (s.indexOf('<') >= 0) s = TAG.matcher(s).replaceAll(" ");
        if (s.contains("{:")) s = KRAMDOWN_ATTR.matcher(s).replaceAll(" ");
        s = s.strip();
        if (s.startsWith(">")) s = QUOTE.matcher(s).replaceFirst("").strip();
        if (s.startsWith("|")) {
            Matcher row = TABLE_ROW.matcher(s);
            if (row.matches()) s = String.join(" | ", java.util.Arrays.stream(row.group(1).split("(?<!\\\\)\\|")).map(String::strip).toList());
        }
        if (s.startsWith("#")) s = HEADING.matcher(s).replaceFirst("");
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
            for (int i = 0; i < 3; i++) {
                String before = s;
                s = EMPHASIS.matcher(s).replaceAll("$2");
                if (s.equals(before)) break;
            }
            s = STRAY_MARKS.matcher(s.strip()).replaceAll("");
        }
        if (s.indexOf('\\') >= 0) {
            // a backslash ending a line is Markdown's hard line break
            if (s.endsWith("\\") && !s.endsWith("\\\\")) s = s.substring(0, s.length() - 1);
            s = ESCAPE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('&') >= 0 && s.indexOf(';') > 0) s = StringEscapeUtils.unescapeHtml4(s);
        return plainSpaces(s) ? s.strip() : SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * A line of plain text laid out in columns ("Hon. A Roe        Hon. B Doe"): the wide gaps (three spaces or more, or a
     * tab, between words) become the " | " between cells that a table row is read as. A list marker's gap ("-   item") is no column.
     */
    static String columns(String line) {
        String s = line.strip();
        Matcher marker = LIST_MARKER.matcher(s);
        int from = marker.lookingAt() ? marker.end() : 0;
        String rest = s.substring(from);
        if (!COLUMN_GAP.matcher(rest).find()) return line;
        return s.substring(0, from) + String.join(" | ", COLUMN_GAP.split(rest));
    }

    /** The lines of a text, split at \\n, \\r\\n or \\r. */
    private static List<String> splitLines(String text) {
        // most texts have no \r: their breaks are found by indexOf, which reads many characters at a step
        if (text.indexOf('\r') < 0) return splitAtNewlines(text);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    /** {@link #splitLines} of a text without \\r. */
    private static List<String> splitAtNewlines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            out.add(text.substring(start, i));
            start = i + 1;
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    /** True when a line has only single ordinary spaces and no invisible characters: nothing to normalise. */
    private static boolean plainSpaces(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (i + 1 < line.length() && line.charAt(i + 1) == ' ') return false;
            } else if (c < ' ' || (c >= '\u007F' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= '\u200B' && c <= '\u200F')
                    || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c == '\u00A0'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasMarks(String line) {
        for (int i = 0; i < line.length(); i++) {
            switch (line.charAt(i)) {
                case '*', '_', '[', '<', '>', '#', '{', '\\', '&', '!', '|' -> { return true; }
                default -> { }
            }
        }
        return false;
    }

    private static List<Line> dropRepeated(List<Line> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (Line l : lines) if (l.clean().length() <= 80) counts.merge(l.clean(), 1, Integer::sum);
        if (counts.values().stream().noneMatch(c -> c >= REPEATED)) return lines;
        List<Line> kept = new ArrayList<>(lines.size());
        for (Line l : lines) {
            Integer c = counts.get(l.clean());
            if (c == null || c < REPEATED || !looksLikeRunningLine(l.clean())) kept.add(l);
        }
        return kept;
    }

    /** Repeated short lines that are not list content: web addresses, handles, page furniture. */
    private static boolean looksLikeRunningLine(String s) {
        return s.contains("http") || s.contains("www.") || s.contains("@") || s.contains(".org")
                || s.contains(".com") || s.length() < 4;
    }
}
