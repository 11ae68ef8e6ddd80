package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.letterarchive.RandomTexts;

/** The hand-written splits give the very pieces the regex splits they stand in for give, with and without a limit. */
class SplitsTest {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ITEMS = Pattern.compile("[;,]\\s+");
    private static final String ALPHABET = "ab Z9 ,;:.\t\n\r\f\u000B\u0085\u2028\u00A0\u3000é’";

    private static List<String> texts() {
        List<String> out = new ArrayList<>(List.of("", " ", "  ", ",", ", ", " ,  ", "a", " a", "a ", " a b  c ", "a, b; c,d ,e;",
                "Jane Doe, Acme Inc.;  Foo ,\tBar", ";  ", "a,\n", "\t\ta\t\t"));
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) out.add(RandomTexts.of(random, random.nextInt(16), ALPHABET));
        return out;
    }

    @Test
    void whitespaceSplitsAsTheRegex() {
        for (String s : texts()) {
            assertArrayEquals(WHITESPACE.split(s), Splits.whitespace(s), s);
            for (int limit = -1; limit <= 6; limit++) assertArrayEquals(WHITESPACE.split(s, limit), Splits.whitespace(s, limit), s + " / " + limit);
        }
    }

    @Test
    void itemsSplitAsTheRegex() {
        for (String s : texts()) assertArrayEquals(ITEMS.split(s), Splits.items(s), s);
    }
}
