package org.letterarchive.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.util.RamUsageEstimator;
import org.junit.jupiter.api.Test;

/** The organizations' names held compactly answer exactly as a map would, at about half its heap. */
class CompactNamesTest {

    private static final String[] WORDS = {"centro", "de", "derechos", "humanos", "fundación", "red", "alianza", "ærø",
            "straße", "民主", "amnesty", "international", "human", "rights", "watch", "łódź", "asociación", "migrantes"};

    private static String name(Random rnd) {
        StringBuilder b = new StringBuilder();
        int words = 2 + rnd.nextInt(5);
        for (int i = 0; i < words; i++) b.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        return b.append(' ').append(rnd.nextInt(50_000)).toString();
    }

    @Test
    void answersAsAMapWouldThroughPutsReplacementsAndRemovals() {
        Random rnd = new Random(3);
        Map<String, String> expected = new TreeMap<>();
        CompactNames names = new CompactNames();
        String longKey = "x".repeat(CompactNames.LONG_KEY + 1);
        for (int i = 0; i < 20_000; i++) {
            String key = rnd.nextInt(50) == 0 ? longKey + rnd.nextInt(3) : name(rnd).toLowerCase();
            String name = name(rnd);
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    expected.remove(key);
                    names.remove(key);
                }
                case 1 -> {
                    expected.putIfAbsent(key, name);
                    names.putIfAbsent(key, name);
                }
                default -> {
                    expected.put(key, name);
                    names.put(key, name);
                }
            }
            if (i % 1000 == 0) assertEquals(expected, names.toMap(), "after " + i + " changes");
        }
        assertEquals(expected.size(), names.size());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), names.get(e.getKey()));
            assertTrue(names.containsKey(e.getKey()));
        }
        assertEquals(null, names.get("not a key"));
        assertEquals("fallback", names.getOrDefault("not a key", "fallback"));
        assertEquals(expected, names.compacted().toMap());
    }

    @Test
    void takesAboutHalfTheHeapOfAHashMap() {
        Random rnd = new Random(5);
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < 45_000; i++) {
            String name = name(rnd);
            map.put(name.toLowerCase(), name);
        }
        CompactNames names = CompactNames.of(map);
        long compact = names.ramBytesUsed(), plain = RamUsageEstimator.sizeOfMap(map, Long.MAX_VALUE);
        assertTrue(compact < 0.6 * plain, () -> compact + " bytes against a HashMap's " + plain);
    }
}
