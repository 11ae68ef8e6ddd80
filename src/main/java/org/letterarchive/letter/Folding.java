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
 */
public final class Folding {

    /** The normalizer of Lucene's {@code ICUFoldingFilter}: the one folding of index terms and facet keys. */
    public static final Normalizer2 NORMALIZER = ICUFoldingFilter.NORMALIZER;

    private Folding() {}

    /** The text folded: lower case, no accents, Latin letters with strokes or ligatures written plainly. */
    public static String fold(String s) {
        return s == null ? "" : NORMALIZER.normalize(s);
    }
}
