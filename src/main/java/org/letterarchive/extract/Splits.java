package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The splits made on every line of a letter, without a regex: {@code \s+} (words) and {@code [;,]\s+} (list items).
 * Each gives the very array {@link java.util.regex.Pattern#split(CharSequence, int)} gives for its pattern, leading
 * empty piece, limit and dropped trailing empty pieces alike; a regex split builds a matcher and walks its nodes for
 * each character, where these read each character once.
 */
final class Splits {

    private Splits() {}

    /** Where a separator that starts at i ends, or -1 where none starts there. */
    private interface Separator {
        int end(String s, int i);
    }

    /** {@code \s+}: a run of spaces, tabs and line and page breaks. */
    private static final Separator WHITESPACE = (s, i) -> space(s.charAt(i)) ? afterSpaces(s, i + 1) : -1;

    /** {@code [;,]\s+}: a comma or semicolon and the spaces after it (one at least). */
    private static final Separator ITEM = (s, i) -> {
        char c = s.charAt(i);
        if ((c != ',' && c != ';') || i + 1 >= s.length() || !space(s.charAt(i + 1))) return -1;
        return afterSpaces(s, i + 2);
    };

    /** As {@code Pattern.compile("\\s+").split(s)}. */
    static String[] whitespace(String s) {
        return split(s, WHITESPACE, 0);
    }

    /** As {@code Pattern.compile("\\s+").split(s, limit)}. */
    static String[] whitespace(String s, int limit) {
        return split(s, WHITESPACE, limit);
    }

    /** The words from..to, joined by single spaces. */
    static String join(String[] words, int from, int to) {
        return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
    }

    /** As {@code Pattern.compile("[;,]\\s+").split(s)}. */
    static String[] items(String s) {
        return split(s, ITEM, 0);
    }

    /** The characters of {@code \s}: space, tab, line and page breaks. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int afterSpaces(String s, int i) {
        while (i < s.length() && space(s.charAt(i))) i++;
        return i;
    }

    /** {@link java.util.regex.Pattern#split(CharSequence, int)}, step for step, with the separator found by hand. */
    private static String[] split(String s, Separator separator, int limit) {
        boolean limited = limit > 0;
        List<String> pieces = null;
        int index = 0;
        for (int i = 0; i < s.length(); ) {
            int end = separator.end(s, i);
            if (end < 0) {
                i++;
                continue;
            }
            if (pieces == null) pieces = new ArrayList<>();
            if (!limited || pieces.size() < limit - 1) {
                pieces.add(s.substring(index, i));
                index = end;
            } else {
                // the last piece allowed: the rest of the text
                pieces.add(s.substring(index));
                index = end;
                break;
            }
            i = end;
        }
        // no separator found: the text whole
        if (index == 0) return new String[] {s};
        if (!limited || pieces.size() < limit) pieces.add(s.substring(index));
        int size = pieces.size();
        if (limit == 0) while (size > 0 && pieces.get(size - 1).isEmpty()) size--;
        return pieces.subList(0, size).toArray(new String[0]);
    }
}
