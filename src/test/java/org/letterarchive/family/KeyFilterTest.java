package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The filter of every family key the index holds: no key added is ever missed, and few absent keys get through. */
class KeyFilterTest {

    static final int ABSENT = 400_000;

    @Test
    void holdsEveryKeyAddedAndLetsAboutOneAbsentKeyInTwoHundredThrough() {
        Random random = new Random(20);
        for (long n : new long[] {KeyFilter.MIN_KEYS, 300_000}) {
            KeyFilter filter = new KeyFilter(n);
            long[] added = new long[(int) n];
            for (int i = 0; i < added.length; i++) filter.add(added[i] = random.nextLong());
            for (long k : added) assertTrue(filter.mayHold(k), "a key added is held");
            assertFalse(filter.full(), "made for " + n + " keys, holding as many");
            assertTrue(rate(filter, random.nextLong()) < 0.01, "at most one absent key in a hundred let through");
        }
    }

    /** Keys in a row (a hash's low bits alike) are spread over the blocks as well as random ones. */
    @Test
    void keysInARowAreSpreadAsWell() {
        KeyFilter filter = new KeyFilter(100_000);
        for (long k = 0; k < 100_000; k++) filter.add(k);
        for (long k = 0; k < 100_000; k++) assertTrue(filter.mayHold(k));
        assertTrue(rate(filter, 1L << 40) < 0.01);
    }

    @Test
    void fullOnceItHoldsMoreKeysThanItWasMadeFor() {
        KeyFilter filter = new KeyFilter(KeyFilter.MIN_KEYS);
        for (long k = 0; k < KeyFilter.MIN_KEYS; k++) filter.add(k);
        assertFalse(filter.full());
        filter.add(-1);
        assertTrue(filter.full());
    }

    /** The share of {@value #ABSENT} keys never added that the filter lets through. */
    private static double rate(KeyFilter filter, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int through = 0;
        for (int i = 0; i < ABSENT; i++) if (filter.mayHold(random.nextLong() | 1L << 62)) through++;
        return (double) through / ABSENT;
    }
}
