package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a parse that did not fail still tells a reader to distrust: parts the parser could not read, characters
 * it could not decode, or too little prose for a letter (a damaged, looping or scanned document).
 */
final class ReadingWarnings {

    /** Fewer letters than this is less than a short letter's worth of prose. */
    static final int FEW_LETTERS = 400;
    /** Below this share of letters among the visible characters, the text is mostly not words. */
    static final double LETTER_SHARE = 0.75;

    private ReadingWarnings() {}

    static List<String> of(String text, Map<String, List<String>> metadata) {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : metadata.entrySet()) {
            if (e.getKey().startsWith("X-TIKA:EXCEPTION:") && !e.getValue().isEmpty()) {
                String first = e.getValue().get(0).lines().findFirst().orElse("").strip();
                warnings.add("part of the document could not be read" + (first.isEmpty() ? "" : ": " + shorten(first)));
                break;
            }
        }
        long letters = 0;
        long visible = 0;
        long unreadable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            visible++;
            if (Character.isLetter(c)) letters++;
            else if (c == '\uFFFD' || Character.isISOControl(c)) unreadable++;
        }
        if (unreadable > 0) {
            warnings.add("the text holds " + unreadable + " unreadable character(s): a wrong or mixed encoding, or damage");
        }
        if (letters < FEW_LETTERS) {
            warnings.add("little text was found (" + letters + " letters): the document may be damaged, scanned or hold no prose");
        } else if (letters < LETTER_SHARE * visible) {
            warnings.add("much of the text is not words (" + Math.round(100.0 * letters / visible) + "% letters): the document may be damaged");
        }
        return warnings;
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
