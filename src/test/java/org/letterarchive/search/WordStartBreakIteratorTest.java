package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.letterarchive.RandomTexts;

/** Snippet boundaries: every word's start after white space and the two ends, found forwards and backwards alike. */
class WordStartBreakIteratorTest {

    private static final String PIECES = "ab,. \n\t\u00e9-";

    /** The boundaries by their definition, within [begin, end) of the text. */
    private static List<Integer> expected(String text, int begin, int end) {
        List<Integer> out = new ArrayList<>();
        out.add(begin);
        for (int i = begin + 1; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && Character.isWhitespace(text.charAt(i - 1))) out.add(i);
        }
        if (end > begin) out.add(end);
        return out;
    }

    @Test
    void boundariesAreWordStartsAndTheEnds() {
        Random rnd = new Random(3);
        for (int round = 0; round < 2000; round++) {
            String text = RandomTexts.of(rnd, rnd.nextInt(40), PIECES);
            // part of the text, as an iterator over a slice of it is given
            int begin = text.isEmpty() ? 0 : rnd.nextInt(text.length() + 1);
            int end = begin + rnd.nextInt(text.length() - begin + 1);
            List<Integer> want = expected(text, begin, end);
            BreakIterator it = new WordStartBreakIterator();
            it.setText(new StringCharacterIterator(text, begin, end, begin));

            List<Integer> forwards = new ArrayList<>();
            for (int at = it.first(); at != BreakIterator.DONE; at = it.next()) forwards.add(at);
            assertEquals(want, forwards, "forwards through '" + text + "' [" + begin + ", " + end + ")");
            List<Integer> backwards = new ArrayList<>();
            for (int at = it.last(); at != BreakIterator.DONE; at = it.previous()) backwards.add(0, at);
            assertEquals(want, backwards, "backwards through '" + text + "'");

            for (int offset = begin; offset <= end; offset++) {
                int o = offset;
                int following = want.stream().filter(w -> w > o).findFirst().orElse(BreakIterator.DONE);
                int preceding = want.stream().filter(w -> w < o).reduce((x, y) -> y).orElse(BreakIterator.DONE);
                assertEquals(following, it.following(offset), "following " + offset + " in '" + text + "'");
                assertEquals(preceding, it.preceding(offset), "preceding " + offset + " in '" + text + "'");
                assertEquals(want.contains(offset), it.isBoundary(offset), "boundary at " + offset + " in '" + text + "'");
            }
            int outside = end + 1;
            assertThrows(IllegalArgumentException.class, () -> it.following(outside));
        }
    }

    @Test
    void stepsSeveralAtOnce() {
        BreakIterator it = new WordStartBreakIterator();
        it.setText(new StringCharacterIterator("We ask\nthe board  to act."));
        it.first();
        assertEquals(7, it.next(2));
        assertEquals(3, it.next(-1));
        assertEquals(BreakIterator.DONE, it.next(10));
    }
}
