package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.OrganisationWords;
import org.letterarchive.RandomTexts;

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
        for (int i = 0; i < 50_000; i++) words.add(RandomTexts.of(random, 1 + random.nextInt(10), ALPHABET));
        int found = 0;
        for (String w : words) {
            int expected = v.foldedKinds(Vocabulary.fold(w));
            assertEquals(expected, v.wordKinds(w), w);
            if (expected != 0) found++;
        }
        // the check means something only where words are found
        assertEquals(true, found > 1_000, "found " + found);
    }

    @Test
    void honorificsAreFoundAsTheirFoldingsAre() throws Exception {
        java.util.Set<String> folded = new java.util.HashSet<>();
        List<String> words = new ArrayList<>(List.of("", "Dr", "dr.", "DR.", "Mr", "Sra.", "Hon.", "The", "Jane", "x.y", "Exmo.", "Ilma", "Sr. Dr."));
        try (var in = Vocabulary.class.getResourceAsStream("honorifics.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                folded.add(Vocabulary.fold(line.strip()));
                words.add(line.strip());
                words.add(line.strip().toUpperCase(Locale.ROOT) + ".");
            }
        }
        int found = 0;
        for (String w : words) {
            assertEquals(folded.contains(Vocabulary.fold(w)), Vocabulary.get().isHonorific(w), w);
            if (folded.contains(Vocabulary.fold(w))) found++;
        }
        assertEquals(true, found > 10, "found " + found);
    }
}
