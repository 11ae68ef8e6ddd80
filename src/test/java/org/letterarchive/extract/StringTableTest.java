package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A look-up by characters finds what a look-up by the string of those characters finds. */
class StringTableTest {

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
