package org.letterarchive.family;

/**
 * The tokens of a body's paragraph that a translation keeps or names: a web or mail address, a number, or a word.
 * Found left to right as the regular expression
 * <pre>((?i:https?://|www\.)[^\s&lt;&gt;()"']*[^\s&lt;&gt;()"'.,;:!?]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(\d[\d.,]*\d|\d)|[\p{L}\p{M}]+</pre>
 * finds them (Java's {@code \s}, {@code \w} and {@code \d}: ASCII), by one scan over the characters: the
 * expression, run on every paragraph of every letter compared, was most of a fingerprint's time.
 */
final class BodyTokens {

    enum Kind { ADDRESS, NUMBER, WORD }

    private final String s;
    private int pos;
    private int start;
    private int end;
    private Kind kind;
    /**
     * The first '@' at or after the last place a mail address was tried (-1: none; -2: not looked for yet): an
     * address needs one, so most words try none. Places only move forward.
     */
    private int at = -2;

    BodyTokens(String s) {
        this.s = s;
    }

    /** What {@link #exact} gives: an address or a number, as written. */
    interface ExactSink {
        void accept(Kind kind, String text);
    }

    /**
     * The text's addresses and numbers, in order: the tokens {@link #next} finds that are not words. A text that can
     * hold no address (no '@', "://" or "www." of either case) is only scanned for digits: there every digit a number
     * did not take starts one, as no word holds a digit.
     */
    static void exact(String s, ExactSink sink) {
        BodyTokens m = new BodyTokens(s);
        if (mayHoldAddress(s)) {
            while (m.next()) if (m.kind() != Kind.WORD) sink.accept(m.kind(), m.text());
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) continue;
            int end = m.number(i);
            sink.accept(Kind.NUMBER, s.substring(i, end));
            i = end - 1;
        }
    }

    /** Whether the text holds an '@', "://" or "www." (of either case): what every address starts from. */
    static boolean mayHoldAddress(String s) {
        if (s.indexOf('@') >= 0 || s.contains("://")) return true;
        for (int i = s.indexOf('.', 3); i >= 0; i = s.indexOf('.', i + 1)) {
            if (s.regionMatches(true, i - 3, "www", 0, 3)) return true;
        }
        return false;
    }

    /** Moves to the next token; false when there is none. */
    boolean next() {
        for (int i = pos; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int e;
            if ((e = webAddress(i)) > i || (e = mailAddress(i)) > i) kind = Kind.ADDRESS;
            else if ((e = number(i)) > i) kind = Kind.NUMBER;
            else if ((e = word(i)) > i) kind = Kind.WORD;
            else continue;
            start = i;
            end = e;
            pos = e;
            return true;
        }
        pos = s.length();
        return false;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    Kind kind() {
        return kind;
    }

    String text() {
        return s.substring(start, end);
    }

    /** {@code (?i:https?://|www\.)[^\s<>()"']*[^\s<>()"'.,;:!?]}: the end, or {@code i} when none starts here. */
    private int webAddress(int i) {
        char first = s.charAt(i);
        if (first != 'h' && first != 'H' && first != 'w' && first != 'W') return i;
        int p;
        if (startsWithIgnoringAsciiCase(i, "https://")) p = i + 8;
        else if (startsWithIgnoringAsciiCase(i, "http://")) p = i + 7;
        else if (startsWithIgnoringAsciiCase(i, "www.")) p = i + 4;
        else return i;
        int end = i;
        while (p < s.length()) {
            int c = s.codePointAt(p);
            if (isSpace(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == '"' || c == '\'') break;
            p += Character.charCount(c);
            if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?')) end = p;
        }
        return end;
    }

    /** Whether {@code prefix} (lower case) is at {@code i}, ASCII letters of either case (as {@code (?i)} reads). */
    private boolean startsWithIgnoringAsciiCase(int i, String prefix) {
        if (i + prefix.length() > s.length()) return false;
        for (int k = 0; k < prefix.length(); k++) {
            char c = s.charAt(i + k);
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            if (c != prefix.charAt(k)) return false;
        }
        return true;
    }

    /** {@code [\w.+-]+@[\w-]+(?:\.[\w-]+)+}: the end, or {@code i} when none starts here. */
    private int mailAddress(int i) {
        if (at == -2 || (at >= 0 && at < i)) at = s.indexOf('@', i);
        if (at < 0) return i;
        int p = i;
        while (p < s.length() && (isWordChar(s.charAt(p)) || s.charAt(p) == '.' || s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
        if (p == i || p >= s.length() || s.charAt(p) != '@') return i;
        int label = labelEnd(p + 1);
        if (label == p + 1) return i;
        int end = i;
        p = label;
        while (p < s.length() && s.charAt(p) == '.') {
            int next = labelEnd(p + 1);
            if (next == p + 1) break;
            end = p = next;
        }
        return end;
    }

    /** The end of a run of {@code [\w-]} from {@code p}. */
    private int labelEnd(int p) {
        while (p < s.length() && (isWordChar(s.charAt(p)) || s.charAt(p) == '-')) p++;
        return p;
    }

    /** {@code \d[\d.,]*\d|\d}: the end, or {@code i} when none starts here. */
    private int number(int i) {
        if (!isDigit(s.charAt(i))) return i;
        int end = i + 1;
        for (int p = i + 1; p < s.length(); p++) {
            char c = s.charAt(p);
            if (isDigit(c)) end = p + 1;
            else if (c != '.' && c != ',') break;
        }
        return end;
    }

    /** {@code [\p{L}\p{M}]+}: the end, or {@code i} when none starts here. */
    private int word(int i) {
        int p = i;
        while (p < s.length()) {
            char a = s.charAt(p);
            if (a < 0x80) { // ASCII: a letter or not, without Character's tables
                if (!((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z'))) break;
                p++;
                continue;
            }
            int c = s.codePointAt(p);
            int type = Character.getType(c);
            if (!(Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK)) break;
            p += Character.charCount(c);
        }
        return p;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }
}
