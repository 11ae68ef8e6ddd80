package org.letterarchive.family;

/**
 * Every family key the index holds, in one filter: a letter's look-ups ask it first, and a key it does not hold is
 * in no segment, so it is not sought in any segment's terms (nor in their own Bloom filters, one probe a segment).
 *
 * <p>A split-block Bloom filter: a key picks one block of eight 64-bit words and sets one bit in each, so a key is
 * added or asked for with one block read. The layout and the eight salts are those of Apache Parquet's Bloom filters
 * ({@code parquet-format}, BloomFilter.md), after Putze, Sanders and Singler, "Cache-, Hash- and Space-Efficient
 * Bloom Filters" (2007), with words of 64 bits instead of 32. At {@value #BITS_PER_KEY} bits per key it lets about
 * one absent key in two hundred through ({@code KeyFilterTest}).
 *
 * <p>Keys are only added; a filter holding more than it was made for lets more absent keys through, and is made
 * again, larger, by its owner.
 */
final class KeyFilter {

    static final int BITS_PER_KEY = 12;
    /** The fewest keys a filter is made for (48 KB). */
    static final long MIN_KEYS = 1 << 15;
    private static final int[] SALTS = {0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b,
            0x9efc4947, 0x5c6bfb31};
    private static final long SEED = 0x3C6EF372FE94F82BL;

    private final long[] words;
    private final int blocks;
    private final long capacity;
    private long added;

    /** A filter for this many keys (at least {@value #MIN_KEYS}). */
    KeyFilter(long keys) {
        capacity = Math.max(keys, MIN_KEYS);
        long bits = capacity * BITS_PER_KEY;
        blocks = (int) Math.min(Integer.MAX_VALUE / 8, (bits + 511) / 512);
        words = new long[blocks * 8];
    }

    void add(long key) {
        long h = Fingerprint.mix(key ^ SEED);
        int base = block(h) << 3;
        int low = (int) h;
        for (int i = 0; i < 8; i++) words[base + i] |= 1L << ((low * SALTS[i]) >>> 26);
        added++;
    }

    /** False when the key was never added; true when it was, and for a few keys that were not. */
    boolean mayHold(long key) {
        long h = Fingerprint.mix(key ^ SEED);
        int base = block(h) << 3;
        int low = (int) h;
        for (int i = 0; i < 8; i++) {
            if ((words[base + i] & (1L << ((low * SALTS[i]) >>> 26))) == 0) return false;
        }
        return true;
    }

    /** Whether it holds more keys than it was made for (counting a key added twice twice). */
    boolean full() {
        return added > capacity;
    }

    long added() {
        return added;
    }

    /** The block of a hash: its high 32 bits reduced to the block count by multiply-shift. */
    private int block(long h) {
        return (int) (((h >>> 32) * blocks) >>> 32);
    }
}
