package org.letterarchive.extract;

import java.util.Map;

/**
 * A fixed table from strings to numbers, for the look-ups made for every word and feature of a letter: open
 * addressing over arrays, each slot's hash kept beside its key, so that a look-up reads one or two slots of a compact
 * array and compares a key's text only where the hashes agree, where a hash map follows a pointer to a node per look-up.
 * Immutable.
 */
final class StringTable {

    private final String[] keys;
    private final int[] hashes;
    private final int[] values;
    private final int mask;

    /** A table of the map's entries, a quarter full at most. */
    StringTable(Map<String, Integer> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
        keys = new String[size];
        hashes = new int[size];
        values = new int[size];
        mask = size - 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int h = e.getKey().hashCode();
            int i = slot(h);
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = e.getKey();
            hashes[i] = h;
            values[i] = e.getValue();
        }
    }

    /** The number of the key, or {@code absent} where the table has none. */
    int get(String key, int absent) {
        int h = key.hashCode();
        for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) return values[i];
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
        for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && sameText(keys[i], chars, length)) return values[i];
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
        for (int i = slot(hash); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && test.test(keys[i], probe)) return values[i];
        }
        return absent;
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
