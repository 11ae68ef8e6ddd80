package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The general vocabularies: ISO 20275 legal forms, JDK month and place names, honorifics, organisation types. */
class VocabularyTest {

    private final Vocabulary v = Vocabulary.get();

    @Test
    void legalFormsComeFromTheIsoList() {
        assertTrue(v.isLegalForm("A.C."));
        assertTrue(v.isLegalForm("e.V."));
        assertTrue(v.isLegalForm("Inc."));
        assertTrue(v.isLegalForm("ltda"));
        assertFalse(v.isLegalForm("Rights"));
    }

    @Test
    void monthNamesInEveryReadLanguage() {
        assertEquals(8, v.month("août"));
        assertEquals(3, v.month("März"));
        assertEquals(9, v.month("septiembre"));
        assertEquals(9, v.month("setembro"));
        assertEquals(12, v.month("Dec"));
        assertEquals(0, v.month("Monday"));
    }

    @Test
    void placesAreCountriesAndRegionsInSeveralLanguages() {
        assertTrue(v.isPlace("Bolivia"));
        assertTrue(v.isPlace("Alemania"));
        assertTrue(v.isPlace("Latin America"));
        assertTrue(v.isPlace("América Latina"));
        assertTrue(v.isPlace("MX"));
        assertFalse(v.isPlace("mx"), "a two-letter code counts only in capitals");
        assertFalse(v.isPlace("Friends of the River"));
    }

    @Test
    void kindsOfOrganisationInThePluralNameNoOrganisation() {
        assertTrue(v.namesKindsOnly("Local Associations"));
        assertTrue(v.namesKindsOnly("Asociaciones Locales"));
        assertFalse(v.namesKindsOnly("Example Organizations Network"));
        assertFalse(v.namesKindsOnly("River Keepers"));
        assertFalse(v.namesKindsOnly("organizations of the valley"));
    }

    @Test
    void honorificsAndOrganisationWords() {
        assertTrue(v.isHonorific("Dr"));
        assertTrue(v.isHonorific("Sra"));
        assertFalse(v.isHonorific("Maria"));
        assertTrue(v.hasOrganisationWord("Coalición por el Agua"));
        assertTrue(v.hasOrganisationWord("Riverside Tenants Union"));
        assertFalse(v.hasOrganisationWord("Maria Lopez Garcia"));
    }

    @Test
    void foldsPlainWordsAsTheUnicodeFoldingDoes() {
        for (String s : List.of("Dr.", "  Inc. ", "A.C.", "e.V.", "--Jane--Doe--", "ACLU (USA)", "o'brien & co", "x", "", "...", "Straße", "Ærø Fund", "São Paulo")) {
            String unicode = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            assertEquals(unicode, Vocabulary.fold(s), s);
        }
    }
}
