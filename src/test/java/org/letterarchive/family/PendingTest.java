package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The letters pending for detection are found by their keys in a table of their own; what it finds must be what
 * counting each letter's keys one by one finds: the letters holding at least the minimum of the keys asked for (each
 * counted as often as asked), most keys first, then in the order admitted; across the table's growth and clearing.
 * A key holds only the first {@value Families#PER_FAMILY} letters of each family that have it.
 */
class PendingTest {

    @Test
    void findsWhatCountingEachLettersKeysFinds() {
        Random random = new Random(11);
        Families.Pending pending = new Families.Pending();
        Map<String, List<Long>> admitted = new LinkedHashMap<>();
        Map<String, String> familyOf = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            // enough letters and keys for the table to grow several times; keys shared as a campaign's are
            for (int i = 0; i < 3000; i++) {
                String id = "r" + round + "-" + i;
                List<Long> keys = new ArrayList<>();
                int n = random.nextInt(40);
                for (int k = 0; k < n; k++) keys.add(random.nextInt(4) == 0 ? random.nextInt(50) : random.nextLong());
                // a third of the letters alone, the rest in 40 families (a campaign's copies share their keys)
                String family = random.nextInt(3) == 0 ? id : "family-" + random.nextInt(40);
                pending.add(Fingerprint.of(id, "", List.of(), "en", null), keys, family);
                admitted.put(id, keys);
                familyOf.put(id, family);
            }
            assertEquals(admitted.size(), pending.size());
            Map<String, List<Long>> held = held(admitted, familyOf);
            assertNotEquals(admitted, held, "some keys are held by more letters of a family than a key keeps");
            List<List<Long>> letters = new ArrayList<>(admitted.values());
            for (int q = 0; q < 300; q++) {
                List<Long> asked = new ArrayList<>();
                int n = 1 + random.nextInt(30);
                for (int k = 0; k < n; k++) {
                    if (random.nextBoolean()) asked.add((long) random.nextInt(60)); // some absent, some repeated
                    else {
                        List<Long> of = letters.get(random.nextInt(letters.size()));
                        if (!of.isEmpty()) asked.add(of.get(random.nextInt(of.size())));
                    }
                }
                int minHits = 1 + random.nextInt(3);
                List<String> expected = byCounting(held, asked, minHits);
                assertEquals(expected, pending.find(asked, minHits), "keys " + asked + ", at least " + minHits);
                if (minHits == 1 && asked.stream().anyMatch(k -> k >= 0 && k < 50)) assertFalse(expected.isEmpty(), "keys shared by many letters find some");
            }
            pending.clear();
            admitted.clear();
            familyOf.clear();
            assertEquals(List.of(), pending.find(List.of(1L, 2L, 3L), 1), "nothing is found once cleared");
        }
    }

    /** Each letter's keys that it is among the first {@value Families#PER_FAMILY} of its family to hold (as listed). */
    private static Map<String, List<Long>> held(Map<String, List<Long>> admitted, Map<String, String> familyOf) {
        Map<List<Object>, Integer> holding = new HashMap<>();
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : admitted.entrySet()) {
            List<Long> kept = new ArrayList<>();
            for (long k : e.getValue()) {
                if (holding.merge(List.of(k, familyOf.get(e.getKey())), 1, Integer::sum) <= Families.PER_FAMILY) kept.add(k);
            }
            out.put(e.getKey(), kept);
        }
        return out;
    }

    /** Each letter's keys counted against the keys asked for (each as often as asked): most first, then as admitted. */
    private static List<String> byCounting(Map<String, List<Long>> admitted, List<Long> asked, int minHits) {
        Map<Long, Integer> times = new HashMap<>();
        for (long k : asked) times.merge(k, 1, Integer::sum);
        List<String> ids = new ArrayList<>(admitted.keySet());
        Map<String, Integer> order = new HashMap<>();
        for (String id : ids) order.put(id, order.size());
        Map<String, Integer> hits = new HashMap<>();
        for (String id : ids) {
            int h = 0;
            for (long k : admitted.get(id)) h += times.getOrDefault(k, 0);
            if (h >= minHits) hits.put(id, h);
        }
        List<String> out = new ArrayList<>(hits.keySet());
        out.sort((a, b) -> hits.get(a).equals(hits.get(b)) ? Integer.compare(order.get(a), order.get(b)) : hits.get(b) - hits.get(a));
        return out;
    }
}
