package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 */
class PendingTest {

    @Test
    void findsWhatCountingEachLettersKeysFinds() {
        Random random = new Random(11);
        Families.Pending pending = new Families.Pending();
        Map<String, List<Long>> admitted = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            // enough letters and keys for the table to grow several times; keys shared as a campaign's are
            for (int i = 0; i < 3000; i++) {
                String id = "r" + round + "-" + i;
                List<Long> keys = new ArrayList<>();
                int n = random.nextInt(40);
                for (int k = 0; k < n; k++) keys.add(random.nextInt(4) == 0 ? random.nextInt(50) : random.nextLong());
                pending.add(Fingerprint.of(id, "", List.of(), "en", null), keys);
                admitted.put(id, keys);
            }
            assertEquals(admitted.size(), pending.size());
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
                List<String> expected = byCounting(admitted, asked, minHits);
                assertEquals(expected, pending.find(asked, minHits), "keys " + asked + ", at least " + minHits);
                if (minHits == 1 && asked.stream().anyMatch(k -> k >= 0 && k < 50)) assertFalse(expected.isEmpty(), "keys shared by many letters find some");
            }
            pending.clear();
            admitted.clear();
            assertEquals(List.of(), pending.find(List.of(1L, 2L, 3L), 1), "nothing is found once cleared");
        }
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
