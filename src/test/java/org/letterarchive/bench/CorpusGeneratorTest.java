package org.letterarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

class CorpusGeneratorTest {

    private static final CorpusGenerator GEN = new CorpusGenerator(7);

    @Test
    void sameSeedSameLetters() {
        CorpusGenerator again = new CorpusGenerator(7);
        for (int i : new int[] {0, 1, 999}) assertEquals(GEN.letter(i).text(), again.letter(i).text());
        assertNotEquals(GEN.letter(0).text(), new CorpusGenerator(8).letter(0).text());
        assertNotEquals(GEN.letter(0).text(), GEN.letter(1).text());
    }

    @Test
    void organizationPoolIsLargeAndDistinct() {
        List<CorpusGenerator.Org> orgs = GEN.organizations();
        assertEquals(CorpusGenerator.DEFAULT_ORGANIZATIONS, orgs.size());
        assertEquals(orgs.size(), orgs.stream().map(CorpusGenerator.Org::name).distinct().count());
        assertTrue(orgs.stream().anyMatch(o -> o.acronym() != null && o.line().contains("(" + o.acronym() + ")")));
        assertTrue(orgs.stream().anyMatch(o -> o.name().endsWith("A.C.")));
        assertTrue(orgs.stream().anyMatch(o -> o.name().endsWith("Inc.")));
        assertTrue(orgs.stream().anyMatch(o -> o.location() != null && o.line().contains(o.location())));
    }

    @Test
    void lettersHaveTheShapeOfSignOnLetters() {
        List<Letter> letters = IntStream.range(0, 2000).mapToObj(i -> GEN.letter(i).truth()).toList();
        long small = letters.stream().filter(l -> l.signerCount() <= 30).count();
        assertTrue(small >= 1800, "most letters have 1–30 signers, got " + small);
        assertTrue(letters.stream().anyMatch(l -> l.signerCount() >= 100), "a few letters have hundreds of signers");
        assertTrue(letters.stream().allMatch(l -> l.signerCount() >= 1 && l.signerCount() <= CorpusGenerator.MAX_SIGNERS));
        Set<String> languages = new HashSet<>();
        letters.forEach(l -> languages.add(l.language()));
        assertEquals(Set.of("en", "es"), languages);
        assertTrue(letters.stream().allMatch(l -> !l.date().isBefore(CorpusGenerator.FIRST_DATE) && !l.date().isAfter(CorpusGenerator.LAST_DATE)));
        long years = letters.stream().map(l -> l.date().getYear()).distinct().count();
        assertEquals(25, years);
        double avg = letters.stream().mapToInt(l -> l.text().length()).average().orElse(0);
        assertTrue(avg > 2000 && avg < 10000, "a few KB of text per letter, got " + avg);
    }

    @Test
    void textCarriesRecipientsDateAndOneSignerPerLineAfterTheCue() {
        for (int i = 0; i < 50; i++) {
            CorpusGenerator.GeneratedLetter g = GEN.letter(i);
            Letter t = g.truth();
            String text = g.text();
            assertTrue(text.contains("\nTo:\n"), g.fileName());
            for (Recipient r : t.recipients()) assertTrue(text.contains(r.name() + ", " + r.role() + "\n"));
            String written = t.language().equals("es")
                    ? t.date().getDayOfMonth() + " de " + t.date().getMonth().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("es")) + " de "
                    : t.date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + t.date().getDayOfMonth() + ", ";
            assertTrue(text.contains(written + t.date().getYear()), g.fileName() + " dated " + t.date());
            List<String> lines = text.lines().toList();
            int cue = lines.size() - t.signers().size() - 1;
            assertTrue(List.of("Signed", "Sincerely,", "Respectfully,", "Signatories:", "Firman:", "Atentamente,", "Suscriben:")
                    .contains(lines.get(cue)), "signature cue in " + g.fileName() + ": " + lines.get(cue));
            for (int s = 0; s < t.signers().size(); s++) {
                Signer signer = t.signers().get(s);
                assertEquals(signer.raw() != null ? signer.raw() : signer.name(), lines.get(cue + 1 + s));
            }
        }
    }

    @Test
    void acronymsAreInitialsOfTheSignificantWords() {
        assertEquals("CHR", CorpusGenerator.acronymOf("Center for Human Rights"));
        assertEquals("RJM", CorpusGenerator.acronymOf("Red de Justicia Migrante"));
        assertEquals("IWR", CorpusGenerator.acronymOf("Institute for Women's Rights"));
    }
}
