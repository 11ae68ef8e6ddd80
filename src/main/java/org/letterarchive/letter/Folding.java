package org.letterarchive.letter;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/**
 * The archive's one text folding: Unicode's UTR #30 folding as ICU implements it (NFKC, case folding, accents
 * and diacritics removed, and letters such as ø, ß, æ, œ, ł, đ, þ and the dotless ı written in Latin base
 * letters: "Føreningen Ærø" → "foreningen aero", "Straße" → "strasse", "Łódź" → "lodz").
 *
 * <p>The index folds every word with this normalizer (its analyzers' folding filter is built on {@link #NORMALIZER}),
 * and organization keys ({@link Organization#keyOf}) fold names with it, so a name and its key never disagree.
 *
 * <p>{@link #asciiWords} is the plain-ASCII case of the foldings that compare words rather than index them (the
 * analysis's vocabulary, the family fingerprints), which keep letters and digits only.
 */
public final class Folding {

    /** The normalizer of Lucene's {@code ICUFoldingFilter}: the one folding of index terms and facet keys. */
    public static final Normalizer2 NORMALIZER = ICUFoldingFilter.NORMALIZER;

    private Folding() {}

    /** The text folded: lower case, no accents, Latin letters with strokes or ligatures written plainly. */
    public static String fold(String s) {
        return s == null ? "" : NORMALIZER.normalize(s);
    }

    /**
     * A plain ASCII text folded into its words, as the analysis's vocabulary and the family fingerprints fold it:
     * letters and digits, lower case, every run of anything else one space, none at either end; without the Unicode
     * normaliser (most words are plain ASCII). Null for a text with any other character, which those foldings
     * decompose first.
     */
    public static String asciiWords(String s) {
        // the folded text is never longer than the text: a space stands for one character or more between words
        char[] out = null;
        int n = 0;
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (out == null) {
                if (alnum && !(c >= 'A' && c <= 'Z')) continue;
                out = new char[s.length()];
                s.getChars(0, i, out, 0);
                n = i;
                // the untouched head had only lower-case letters and digits
            }
            if (alnum) {
                if (gap && n > 0) out[n++] = ' ';
                gap = false;
                // an ASCII capital lower-cased without Character's tables
                out[n++] = c <= 'Z' && c >= 'A' ? (char) (c + ('a' - 'A')) : c;
            } else {
                gap = true;
            }
        }
        return out == null ? s : new String(out, 0, n);
    }
}
