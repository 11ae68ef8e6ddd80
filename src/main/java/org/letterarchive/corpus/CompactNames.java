package org.letterarchive.corpus;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefArray;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Counter;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * A map of organization key → display name held as UTF-8 bytes in Lucene's block pools ({@link BytesRefHash} for
 * the keys, {@link BytesRefArray} for the names) instead of two strings and a hash-map entry per organization: an
 * archive of a million letters names hundreds of thousands of organizations, and the table is in memory for as
 * long as the archive is open. About 0.4 of the heap of a {@code HashMap<String, String>} ({@code CompactNamesTest}).
 *
 * <p>A key removed keeps its bytes (the pool only grows), and a name replaced keeps its old bytes: both are rare
 * (curators' merges, an acronym found to stand for a name); {@link #compacted()} writes a fresh copy. Not
 * thread-safe: its owner ({@link OrganizationRegistry}) synchronizes.
 */
final class CompactNames {

    private static final int NONE = -1;
    /** Keys longer than this (in chars) go to a plain map: the pool holds at most 32,766 bytes a key. */
    static final int LONG_KEY = 2000;

    private final BytesRefHash keys = new BytesRefHash();
    private final Counter namesBytes = Counter.newCounter();
    private final BytesRefArray names = new BytesRefArray(namesBytes);
    /** For each key's id in {@link #keys}, the index of its name in {@link #names}; {@link #NONE} once removed. */
    private int[] nameOf = new int[16];
    private int size;
    private final Map<String, String> longKeys = new HashMap<>();
    private final BytesRefBuilder scratch = new BytesRefBuilder();
    private final BytesRefBuilder lookup = new BytesRefBuilder();

    private int id(String key) {
        lookup.copyChars(key);
        return keys.find(lookup.get());
    }

    String get(String key) {
        if (key.length() > LONG_KEY) return longKeys.get(key);
        int id = id(key);
        if (id < 0 || nameOf[id] == NONE) return null;
        return names.get(scratch, nameOf[id]).utf8ToString();
    }

    String getOrDefault(String key, String otherwise) {
        String name = get(key);
        return name == null ? otherwise : name;
    }

    boolean containsKey(String key) {
        if (key.length() > LONG_KEY) return longKeys.containsKey(key);
        int id = id(key);
        return id >= 0 && nameOf[id] != NONE;
    }

    void put(String key, String name) {
        if (key.length() > LONG_KEY) {
            if (longKeys.put(key, name) == null) size++;
            return;
        }
        lookup.copyChars(key);
        int id = keys.add(lookup.get());
        if (id < 0) {
            id = -id - 1;
        } else if (id >= nameOf.length) {
            int old = nameOf.length;
            nameOf = Arrays.copyOf(nameOf, Math.max(id + 1, old * 2));
            Arrays.fill(nameOf, old, nameOf.length, NONE);
        } else {
            nameOf[id] = NONE;
        }
        if (nameOf[id] == NONE) size++;
        else if (names.get(scratch, nameOf[id]).utf8ToString().equals(name)) return;
        nameOf[id] = names.append(new BytesRef(name));
    }

    void putIfAbsent(String key, String name) {
        if (!containsKey(key)) put(key, name);
    }

    void remove(String key) {
        if (key.length() > LONG_KEY) {
            if (longKeys.remove(key) != null) size--;
            return;
        }
        int id = id(key);
        if (id >= 0 && nameOf[id] != NONE) {
            nameOf[id] = NONE;
            size--;
        }
    }

    int size() {
        return size;
    }

    /** The heap it holds, about (the long keys' map left out: there are none in practice). */
    long ramBytesUsed() {
        return keys.ramBytesUsed() + namesBytes.get() + RamUsageEstimator.sizeOf(nameOf);
    }

    /** Every key and its name, in key order. */
    TreeMap<String, String> toMap() {
        TreeMap<String, String> out = new TreeMap<>(longKeys);
        BytesRef k = new BytesRef();
        for (int id = 0; id < keys.size(); id++) {
            if (nameOf[id] == NONE) continue;
            keys.get(id, k);
            out.put(k.utf8ToString(), names.get(scratch, nameOf[id]).utf8ToString());
        }
        return out;
    }

    /** A copy holding only the present keys and names, with nothing left of removals and replacements. */
    CompactNames compacted() {
        return of(toMap());
    }

    static CompactNames of(Map<String, String> map) {
        CompactNames c = new CompactNames();
        map.forEach(c::put);
        return c;
    }
}
