package org.letterarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Folding;

/** The index's folding filter folds every word exactly as Lucene's ICU filter does with the archive's folding. */
class FoldingFilterTest {

    @Test
    void theCharactersLowerCasedInPlaceAreThoseTheFoldingLowerCases() {
        for (char c = 0; c < 0x80; c++) {
            if (!FoldingFilter.foldsToLowerCase(c)) continue;
            String one = String.valueOf(c);
            assertEquals(one.toLowerCase(java.util.Locale.ROOT), Folding.fold(one), "U+" + Integer.toHexString(c));
            // and in any company: before and after a letter, a digit, an apostrophe
            for (String around : List.of("a", "Z", "7", "'", ".")) {
                String s = around + c + around;
                assertEquals(s.toLowerCase(java.util.Locale.ROOT), Folding.fold(s), s);
            }
        }
    }

    @Test
    void foldsEveryWordAsTheIcuFilterDoes() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "The Clean Water Trust (CWT) asks the U.S. Congress: don't cut Fund_42!",
                "Føreningen Ærø, Straße, Łódź, MÉXICO, Ñandú, ﬁnance, Ⅻ, ½, İstanbul, ǅemal, ß and ẞ",
                "Señoras y señores: el Ministerio de Medio Ambiente, 2021-03-04, N° 12, «Acción» — 3,5 %",
                "Ελληνικά ΚΕΙΜΕΝΑ, кириллица ТЕКСТ, العربية, 中文, 日本語のテキスト, 한국어"));
        Random random = new Random(7);
        for (int t = 0; t < 200; t++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 80; i++) {
                int kind = random.nextInt(10);
                s.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5f)) : kind < 9 ? (char) (0xa0 + random.nextInt(0x1e0))
                        : (char) (0x300 + random.nextInt(0x2000)));
            }
            texts.add(s.toString());
        }
        for (String text : texts) {
            assertEquals(words(new ICUNormalizer2Filter(tokens(text), Folding.NORMALIZER)),
                    words(new FoldingFilter(tokens(text))), text);
        }
    }

    private static Tokenizer tokens(String text) {
        Tokenizer t = new StandardTokenizer();
        t.setReader(new StringReader(text));
        return t;
    }

    private static List<String> words(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) out.add(term.toString());
        ts.end();
        ts.close();
        return out;
    }
}
