package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans that stand in for a regex or the Unicode normaliser on every line read exactly as those
 * did: each is checked against its reference on every character alone and on random texts mixing ASCII, accented
 * Latin letters, combining accents, other scripts, surrogate pairs, spaces and punctuation.
 */
class FastPathsTest {

    private static final Pattern SENTENCE_END = Pattern.compile("\\p{Ll}{2}[.!?](?:\\s|$)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String ALPHABET = "aeiouxyzAEIOUXYZ0123456789 .,;:!?'’-()&_\u001C\t\n\r\f\u000B\u0085\u2028\u2029\u00A0"
            + "áéíóúñçãõâêôàèìòùäëïöüÿßæøåÁÉÍÓÚÑÇÃÕÄÖÜÆØÅªº¹²½œŒłŁđĐħıİǆǅǄĳŉſƀɐ"
            + "\u0301\u0303\u0308\u0327\u0340\u0344αβΣσςДжאب中𝑎𝐀😀ﬁ№™①";

    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (char c = 0; c < 0x400; c++) {
            out.add(String.valueOf(c));
            out.add("ab" + c + " x");
            out.add("Ab" + c);
        }
        int[] points = ALPHABET.codePoints().toArray();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(24);
            for (int k = 0; k < length; k++) b.appendCodePoint(points[random.nextInt(points.length)]);
            out.add(b.toString());
        }
        out.add("We wrote twice. Nobody answered! Why? Sincerely,");
        return out;
    }

    @Test
    void sentenceEndsAreCountedAsTheRegexFindsThem() {
        for (String s : texts()) {
            int expected = 0;
            Matcher m = SENTENCE_END.matcher(s);
            while (m.find()) expected++;
            assertEquals(expected, LineFeatures.sentenceEnds(s), s);
        }
    }

    @Test
    void wordsAreThoseTheRegexFinds() {
        for (String s : texts()) {
            List<String> expected = new ArrayList<>();
            Matcher m = WORD.matcher(s);
            while (m.find()) expected.add(m.group());
            assertEquals(expected, LineFeatures.words(s), s);
        }
    }

    @Test
    void aNameIsCountedInWordsAsTheSplitCutsIt() {
        for (String s : texts()) {
            String t = s.strip();
            assertEquals(Math.min(6, WHITESPACE.split(t).length), PersonName.words(t, 6), t);
        }
    }

    @Test
    void latinTextFoldsAsTheNormaliserFoldsIt() {
        for (String s : texts()) assertEquals(Vocabulary.foldUnicode(s), Vocabulary.fold(s), s);
        assertEquals("asociacion civil", Vocabulary.fold("Asociación  Civil"));
        assertEquals("sao paulo", Vocabulary.fold("São-Paulo"));
    }

    @Test
    void latinTextFoldsForTheScorerAsTheNormaliserFoldsIt() {
        for (String s : texts()) {
            String expected = Annotations.foldUnicode(s);
            assertEquals(expected.startsWith("the ") ? expected.substring(4) : expected, Annotations.fold(s), s);
        }
        assertEquals("asociacion de defensa and co", Annotations.fold("The Asociación de Defensa & Co."));
    }

    @Test
    void everyDateFormHasAShortNumberAndALineWithOnlyAYearIsPassedOver() {
        String[] dates = {"September 14th, 2018", "Sept. 4, 2018", "14 September 2018", "14 de septiembre de 2018", "4 de setembro de 2018",
            "1er mai 2018", "14. September 2018", "2018-09-14", "14/09/2018", "4.9.2018"};
        for (String d : dates) {
            String line = "Written in an invented town, " + d + ", for the record";
            assertEquals(true, Dates.hasShortNumber(line), d);
            assertEquals(false, Dates.find(line, false) == null, d);
        }
        assertEquals(false, Dates.hasShortNumber("Since 2018 and until 2024 the law stood"));
        assertEquals(null, Dates.find("Since 2018 and until 2024 the law stood", false));
    }

    @Test
    void theOutlineOfAnEntryIsItsSplitsCountFirstAndLast() {
        String alphabet = "ab ,,,(()[]]\t\u2003é";
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(20);
            for (int k = 0; k < length; k++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = b.toString();
            List<String> parts = SignerParser.splitOutsideBrackets(s);
            SignerParser.Outline outline = SignerParser.outlineOutsideBrackets(s);
            assertEquals(new SignerParser.Outline(parts.size(), parts.get(0), parts.get(parts.size() - 1)), outline, s);
        }
    }
}
