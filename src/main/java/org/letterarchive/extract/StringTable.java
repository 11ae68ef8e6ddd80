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

    private int slot(int h) {
        // the high bits spread over the low, as a hash map spreads them
        return (h ^ (h >>> 16)) & mask;
    }
}
