package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.TestLetters;
import org.letterarchive.corpus.Corrections;
import org.letterarchive.store.Curation;

/**
 * Letters finding their family among the letters indexed before them: after the archive is opened again (nothing
 * pending, all in the index), and after a curator corrected the letter of the family.
 */
class IndexedFamiliesTest {

    @TempDir
    Path dir;

    static byte[] letter(String date, String salutation, String[] paragraphs, String closing) {
        return TestLetters.familyLetter("Community radio", date, salutation, paragraphs, closing, TestLetters.FAMILY_COALITION);
    }

    /** A letter of no family here. */
    static byte[] unrelated() {
        return TestLetters.signOnLetter("Water for the valley", "May 2, 2023", "Friends of the Valley", "River Watch");
    }

    /** Found in the index alone: detection holds nothing pending after opening (and admits an unrelated letter first). */
    @Test
    void aCopyIngestedAfterReopeningJoinsTheCampaignInTheIndex() throws Exception {
        String first;
        try (Archive a = open(dir)) {
            first = a.ingestWithoutCommit(ConcurrentFamiliesTest.copy(0), "copy.txt").stored().id();
            for (int i = 1; i < 30; i++) a.ingestWithoutCommit(ConcurrentFamiliesTest.copy(i), "copy.txt");
            a.commit();
        }
        try (Archive a = open(dir)) {
            Families families = a.store().families();
            String family = families.familyOf(first);
            String other = a.ingestWithoutCommit(unrelated(), "other.txt").stored().id();
            assertEquals(other, families.familyOf(other), "an unrelated letter is a family of its own");
            String later = a.ingestWithoutCommit(ConcurrentFamiliesTest.copy(30), "copy.txt").stored().id();
            a.commit();
            assertEquals(family, families.familyOf(later), "the copy joined the campaign it was ingested after");
            assertEquals(31, families.members(family).size());
        }
    }

    /**
     * A letter's date corrected by a curator moves its keys to the corrected period: its translation, dated a year
     * after the date first read, is found by them. Corrected while the letter is pending (an unrelated letter admitted
     * after it), and again in an archive opened anew, before any letter is admitted.
     */
    @Test
    void aTranslationFindsALetterByItsCorrectedDate() throws Exception {
        for (boolean reopened : new boolean[] {false, true}) {
            Path at = dir.resolve(reopened ? "reopened" : "open");
            String english;
            try (Archive a = open(at)) {
                english = a.ingestWithoutCommit(letter("March 4, 2020", "Dear Minister,", TestLetters.FAMILY_EN, "Sincerely,"),
                        "en.txt").stored().id();
                if (!reopened) a.ingestWithoutCommit(unrelated(), "other.txt");
                a.commit();
                if (!reopened) assertTranslationFound(a, english);
            }
            if (reopened) {
                try (Archive a = open(at)) {
                    assertTranslationFound(a, english);
                }
            }
        }
    }

    /**
     * A translation dated within the rule's weeks of its letter is looked up wherever the month ends fall: here 30
     * days apart, with February between them, pending and after the archive was opened again.
     */
    @Test
    void aTranslationWeeksApartIsFoundWithAMonthBetweenThem() throws Exception {
        for (boolean reopened : new boolean[] {false, true}) {
            Path at = dir.resolve(reopened ? "reopened" : "open");
            String english;
            try (Archive a = open(at)) {
                english = a.ingestWithoutCommit(letter("January 30, 2023", "Dear Minister,", TestLetters.FAMILY_EN, "Sincerely,"),
                        "en.txt").stored().id();
                if (reopened) a.commit();
                else assertTranslationOf(a, english, "1 de marzo de 2023");
            }
            if (reopened) {
                try (Archive a = open(at)) {
                    assertTranslationOf(a, english, "1 de marzo de 2023");
                }
            }
        }
    }

    /** Ingests the Spanish rendering of the English letter, dated so, and checks it joined the English letter's family. */
    private static void assertTranslationOf(Archive a, String english, String spanishDate) throws Exception {
        String spanish = a.ingestWithoutCommit(letter(spanishDate, "Estimado Ministro:", TestLetters.FAMILY_ES,
                "Atentamente,"), "es.txt").stored().id();
        a.commit();
        Families families = a.store().families();
        assertNotEquals(spanish, families.familyOf(spanish), "the Spanish letter joined a family");
        assertEquals(families.familyOf(english), families.familyOf(spanish), "the translation of the English letter");
        assertEquals("translation", families.relation(spanish));
    }

    private static void assertTranslationFound(Archive a, String english) throws Exception {
        new Curation(a.store()).correct(english, new Corrections(null, LocalDate.of(2021, 3, 30), null, null,
                Instant.now(), "curator"));
        assertTranslationOf(a, english, "2 de abril de 2021");
    }

    private static Archive open(Path at) throws Exception {
        return Archive.open(at.resolve("corpus"), at.resolve("index"));
    }
}
