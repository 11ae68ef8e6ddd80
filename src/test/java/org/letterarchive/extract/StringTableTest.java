package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A look-up by characters finds what a look-up by the string of those characters finds. */
class StringTableTest {

    @Test
    void everyKeyIsFoundWithItsNumberAndNoOtherString() {
        Map<String, Integer> entries = new HashMap<>();
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < 5_000; i++) entries.put(Long.toString(random.nextLong() >>> random.nextInt(60), 36), i - 2_500);
        // keys of equal hash ("Aa", "BB") and the empty key
        entries.put("Aa", 7);
        entries.put("BB", 8);
        entries.put("", 9);
        StringTable table = new StringTable(entries);
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            assertEquals(e.getValue(), table.get(new String(e.getKey().toCharArray()), Integer.MIN_VALUE), e.getKey());
        }
        for (int i = 0; i < 5_000; i++) {
            String probe = Long.toString(random.nextLong(), 36) + "-";
            assertEquals(Integer.MIN_VALUE, table.get(probe, Integer.MIN_VALUE), probe);
        }
        assertEquals(Integer.MIN_VALUE, new StringTable(Map.of()).get("x", Integer.MIN_VALUE));
    }

    @Test
    void charactersAreLookedUpAsTheirString() {
        Map<String, Integer> entries = new HashMap<>();
        List<String> keys = List.of("the", "und", "été", "über", "a", "Aa", "BB", "für", "nós");
        for (int i = 0; i < keys.size(); i++) entries.put(keys.get(i), i);
        StringTable table = new StringTable(entries);
        // "Aa" and "BB" share a hash; "" and words absent from the table must not be found
        for (String probe : List.of("the", "und", "été", "über", "a", "Aa", "BB", "für", "nós", "", "th", "thee", "ete", "uber", "Ab")) {
            char[] chars = (probe + "xyz").toCharArray();
            assertEquals(table.get(probe, -1), table.get(chars, probe.length(), -1), probe);
        }
    }
}
