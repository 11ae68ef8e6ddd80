package org.letterarchive.extract;

import java.util.Map;

/**
 * A fixed table from strings to numbers, for the look-ups made for every word and feature of a letter: open
 * addressing over one array of slots, each holding a key's hash and the key's place in the arrays of keys and
 * values, so that a look-up reads one or two adjacent slots (one cache line; most words looked up are in no table, and
 * end there) and compares a key's text only where the hashes agree, where a hash map follows a pointer to a node per
 * look-up. Immutable.
 */
final class StringTable {

    /** each slot: a key's hash in the high half, its place in {@link #keys} plus one in the low half; 0 where empty */
    private final long[] slots;
    private final String[] keys;
    private final int[] values;
    private final int mask;
    /**
     * a bit for each of many hash values, set where a key's hash falls: most strings looked up are in no table (the
     * words of a line), and their look-up ends in this small array, which stays in the cache where the slots may not
     */
    private final long[] present;
    private final int presentShift;

    /** A table of the map's entries, its slots a quarter full at most. */
    StringTable(Map<String, Integer> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
        slots = new long[size];
        keys = new String[entries.size()];
        values = new int[entries.size()];
        mask = size - 1;
        // eight bits or more for each key: a string of no key finds its bit clear seven times in eight or more
        int bits = Integer.highestOneBit(Math.max(64, entries.size() * 8) - 1) << 1;
        present = new long[bits / 64];
        presentShift = 32 - Integer.numberOfTrailingZeros(bits);
        int n = 0;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int h = e.getKey().hashCode();
            int i = slot(h);
            while (slots[i] != 0) i = (i + 1) & mask;
            keys[n] = e.getKey();
            values[n] = e.getValue();
            slots[i] = ((long) h << 32) | (n + 1);
            int bit = presentBit(h);
            present[bit >>> 6] |= 1L << bit;
            n++;
        }
    }

    /** The number of the key, or {@code absent} where the table has none. */
    int get(String key, int absent) {
        int h = key.hashCode();
        if (!mayHold(h)) return absent;
        for (int i = slot(h); slots[i] != 0; i = (i + 1) & mask) {
            if (hash(slots[i]) != h) continue;
            String k = keys[entry(slots[i])];
            if (k == key || k.equals(key)) return values[entry(slots[i])];
        }
        return absent;
    }

    /**
     * The number of the key whose text is the first {@code length} characters of {@code chars}, or {@code absent}: as
     * {@link #get(String, int)} of that text, without making a string of it (the hash is String's own).
     */
    int get(char[] chars, int length, int absent) {
        int h = 0;
        for (int k = 0; k < length; k++) h = 31 * h + chars[k];
        if (!mayHold(h)) return absent;
        for (int i = slot(h); slots[i] != 0; i = (i + 1) & mask) {
            if (hash(slots[i]) == h && sameText(keys[entry(slots[i])], chars, length)) return values[entry(slots[i])];
        }
        return absent;
    }

    /** Whether a key is the text a look-up stands for, where that text was not made into a string (see {@link #get(int, String, KeyTest, int)}). */
    interface KeyTest {
        boolean test(String key, String probe);
    }

    /**
     * The number of the key whose hash (String's) is {@code hash} and that {@code test} accepts for {@code probe}, or
     * {@code absent}: a look-up of a text derived from the probe (a folding of it) without making that text.
     */
    int get(int hash, String probe, KeyTest test, int absent) {
        if (!mayHold(hash)) return absent;
        for (int i = slot(hash); slots[i] != 0; i = (i + 1) & mask) {
            if (hash(slots[i]) == hash && test.test(keys[entry(slots[i])], probe)) return values[entry(slots[i])];
        }
        return absent;
    }

    /** False where no key has the hash (its bit in {@link #present} is clear). */
    private boolean mayHold(int h) {
        int bit = presentBit(h);
        return (present[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The bit of a hash in {@link #present}: its high bits once mixed (the slots take the low ones). */
    private int presentBit(int h) {
        return (h * 0x9E3779B9) >>> presentShift;
    }

    private static int hash(long slot) {
        return (int) (slot >>> 32);
    }

    /** The place of a slot's key in {@link #keys} and {@link #values}. */
    private static int entry(long slot) {
        return (int) slot - 1;
    }

    private static boolean sameText(String key, char[] chars, int length) {
        if (key.length() != length) return false;
        for (int k = 0; k < length; k++) if (key.charAt(k) != chars[k]) return false;
        return true;
    }

    private int slot(int h) {
        // the high bits spread over the low, as a hash map spreads them
        return (h ^ (h >>> 16)) & mask;
    }
}
