package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.letterarchive.RandomTexts;

/**
 * The cheap tests run before a regex on every line never turn away a text the regex matches: each is checked
 * against its regex on every character alone, after and before others, and on random texts of the marks it reads.
 */
class RegexGuardsTest {

    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪◦–+>]|\\\\-)\\s*");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,4}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\\s+|^\\d{1,4}\\s*\\|");
    private static final Pattern C = Pattern.compile("(?iu)c");
    private static final String ALPHABET = "0123456789aivxAIVXcCz .)|(-*•·▪◦–—+>\\\t/:,";

    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (char c = 0; c < 0x3000; c++) {
            out.add(String.valueOf(c));
            out.add(c + " x");
            out.add(c + ". x");
            out.add("1" + c + " x");
        }
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) out.add(RandomTexts.of(random, random.nextInt(12), ALPHABET));
        return out;
    }

    @Test
    void bulletsAndNumbersAreLookedForWhereTheRegexesFindThem() {
        for (String s : texts()) {
            if (BULLET.matcher(s).lookingAt()) assertTrue(LineFeatures.opensWithBullet(s), s);
            if (NUMBERING.matcher(s).lookingAt()) assertTrue(LineFeatures.mayBeNumbered(s), s);
        }
    }

    @Test
    void copiesOpenWithWhatTheRegexReadsAsC() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            assertEquals(C.matcher(s).matches(), RecipientFinder.opensWithC(s + "c:"), Integer.toHexString(cp));
        }
    }

    @Test
    void numericDatesHaveADigitBeforeTheirSeparator() {
        Pattern numeric = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.]((?:19|20)\\d{2})\\b");
        for (String s : List.of("3/4/2019", "on 03.04.2019.", "x 1/2/2020 y", "a/b/2019", "1.5", "./", "9/")) {
            assertEquals(Pattern.compile("\\d[/.]").matcher(s).find(), Dates.digitBefore(s, '/') || Dates.digitBefore(s, '.'), s);
            if (numeric.matcher(s).find()) assertTrue(Dates.digitBefore(s, '/') || Dates.digitBefore(s, '.'), s);
        }
        for (String s : texts()) assertEquals(Pattern.compile("\\d[/.]").matcher(s).find(), Dates.digitBefore(s, '/') || Dates.digitBefore(s, '.'), s);
    }

    @Test
    void charactersOfNoNameAreThoseTheRegexFinds() {
        Pattern notInName = Pattern.compile("[\\d&@:/]");
        for (String s : texts()) assertEquals(notInName.matcher(s).find(), PersonName.hasCharacterOfNoName(s), s);
    }

    @Test
    void dashesAreThoseThePatternsRead() {
        for (String s : texts()) assertEquals(Pattern.compile("[-–—]").matcher(s).find(), SignerParser.hasDash(s), s);
    }
}
