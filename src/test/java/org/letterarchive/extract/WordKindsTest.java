package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.OrganisationWords;

/** A word's kinds looked up without folding it into a string are those of its folding. */
class WordKindsTest {

    private static final String ALPHABET = "aeiouxyzAEIOUXYZlmnrst0123 .'-’éÉñ";

    @Test
    void kindsAreThoseOfTheFoldedWord() {
        Vocabulary v = Vocabulary.get();
        List<String> words = new ArrayList<>();
        OrganisationWords lists = OrganisationWords.get();
        List<String> known = new ArrayList<>(lists.legalFormAbbreviations());
        known.addAll(lists.legalFormWords());
        known.addAll(v.monthNames());
        for (String w : known) {
            words.add(w);
            words.add(w.toUpperCase(Locale.ROOT));
            words.add(w + ".");
            words.add("-" + w + "-");
            words.add(w.replace(".", ""));
            words.add(w.replace(" ", ".."));
            if (!w.isEmpty()) words.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int k = 0; k < length; k++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            words.add(b.toString());
        }
        int found = 0;
        for (String w : words) {
            int expected = v.foldedKinds(Vocabulary.fold(w));
            assertEquals(expected, v.wordKinds(w), w);
            if (expected != 0) found++;
        }
        // the check means something only where words are found
        assertEquals(true, found > 1_000, "found " + found);
    }
}
