package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The body's one-permutation MinHash: two bodies' bins agree about as often as their shingle sets overlap (their
 * Jaccard), for bodies of a few dozen shingles (most bins empty and filled from others) as for bodies of hundreds;
 * and a body's signature depends on its set of shingles only.
 */
class MinHashTest {

    private static final int BINS = Fingerprint.BANDS * Fingerprint.ROWS;

    @Test
    void binsAgreeAsOftenAsTheShingleSetsOverlap() {
        Random random = new Random(5);
        for (int size : new int[] {16, 40, 300, 1500}) {
            for (double jaccard : new double[] {0.1, 0.5, 0.8, 0.95}) {
                double agreeing = 0, squares = 0;
                int trials = 400;
                for (int t = 0; t < trials; t++) {
                    long[][] pair = pair(random, size, jaccard);
                    double a = agreement(Fingerprint.minhash(pair[0]), Fingerprint.minhash(pair[1]));
                    agreeing += a;
                    squares += a * a;
                }
                double mean = agreeing / trials;
                double truth = trueJaccard(size, jaccard);
                assertEquals(truth, mean, 0.04, size + " shingles, Jaccard " + truth + ": bins agreeing");
                if (size >= 300) {
                    // as steady as 64 independent functions: the bins are filled by the shingles, not copied
                    double sd = Math.sqrt(Math.max(0, squares / trials - mean * mean));
                    assertTrue(sd <= 1.3 * Math.sqrt(truth * (1 - truth) / BINS),
                            size + " shingles, Jaccard " + truth + ": spread " + sd);
                }
            }
        }
    }

    @Test
    void theSignatureIsOfTheSetAlone() {
        Random random = new Random(9);
        long[] shingles = random.longs(200).map(Fingerprint::mix).toArray();
        long[] shuffled = shingles.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long x = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = x;
        }
        assertArrayEquals(Fingerprint.minhash(shingles), Fingerprint.minhash(shuffled));
        long[] sig = Fingerprint.minhash(Arrays.copyOf(shingles, 12));
        assertEquals(BINS, Arrays.stream(sig).filter(v -> v != Long.MAX_VALUE).count(), "every bin has a value, however few the shingles");
    }

    /** Two sets of {@code size} hashed shingles sharing as many as make the Jaccard about {@code jaccard}. */
    private static long[][] pair(Random random, int size, double jaccard) {
        int shared = shared(size, jaccard);
        long[] a = new long[size], b = new long[size];
        for (int i = 0; i < size; i++) {
            long x = Fingerprint.mix(random.nextLong());
            a[i] = x;
            b[i] = i < shared ? x : Fingerprint.mix(random.nextLong());
        }
        return new long[][] {a, b};
    }

    /** Shared shingles s of two sets of n each with Jaccard s / (2n - s) nearest j. */
    private static int shared(int n, double j) {
        return (int) Math.round(2 * n * j / (1 + j));
    }

    private static double trueJaccard(int n, double j) {
        int s = shared(n, j);
        return (double) s / (2 * n - s);
    }

    private static double agreement(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return (double) same / a.length;
    }
}
