package org.letterarchive.index;

import com.ibm.icu.text.Normalizer;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.letterarchive.letter.Folding;

/**
 * Folds each word with the archive's one folding ({@link Folding#NORMALIZER}), as Lucene's
 * {@code ICUNormalizer2Filter} does with it, but a word of ASCII letters, digits, apostrophes, periods and
 * underscores (most words of most letters) is lower-cased in place: that is what the folding makes of those
 * characters ({@code FoldingFilterTest} checks it for each of them), without the normalizer's checks.
 */
final class FoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final StringBuilder folded = new StringBuilder();

    FoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        if (!lowerCasedAscii(term.buffer(), term.length())
                && Folding.NORMALIZER.quickCheck(term) != Normalizer.YES) {
            folded.setLength(0);
            Folding.NORMALIZER.normalize(term, folded);
            term.setEmpty().append(folded);
        }
        return true;
    }

    /** Lower-cases the word in place if it is made only of the characters folded so; false (untouched) if not. */
    static boolean lowerCasedAscii(char[] word, int length) {
        for (int i = 0; i < length; i++) {
            if (!foldsToLowerCase(word[i])) return false;
        }
        for (int i = 0; i < length; i++) {
            char c = word[i];
            if (c >= 'A' && c <= 'Z') word[i] = (char) (c + ('a' - 'A'));
        }
        return true;
    }

    /** The characters the folding maps to their ASCII lower case, whatever their neighbours. */
    static boolean foldsToLowerCase(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '.'
                || c == '_';
    }
}
