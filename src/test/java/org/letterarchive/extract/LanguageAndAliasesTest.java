package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Signer;

class LanguageAndAliasesTest {

    private static final LanguageDetector LANGUAGES = new LanguageDetector();

    @Test
    void mapsThreeLetterCodesToTwo() {
        assertEquals("en", LanguageDetector.toIso1("eng"));
        assertEquals("es", LanguageDetector.toIso1("spa"));
        assertEquals("pt", LanguageDetector.toIso1("pt"));
    }

    @Test
    void detectsEnglishAndSpanishBodies() {
        assertEquals("en", LANGUAGES.detect("We write to urge you to protect the right to freedom of expression online and to reject the proposed amendments."));
        assertEquals("es", LANGUAGES.detect("Las organizaciones abajo firmantes repudiamos el uso de la tecnología para vigilar a periodistas y a la sociedad civil."));
    }

    @Test
    void foldsLegalSuffixesAndAccentsInOrganizationKeys() {
        assertEquals(Organization.keyOf("Asylum Access México A.C."), Organization.keyOf("asylum access mexico"));
        assertEquals(Organization.keyOf("Restore The Fourth, Inc."), Organization.keyOf("Restore the Fourth"));
    }

    @Test
    void learnsAcronymAliasesAcrossLetters() {
        Letter a = letter(new Signer("Washington Office on Latin America", Signer.Kind.organization, "WOLA", null, null, null, null));
        Letter b = letter(Signer.organization("WOLA"));
        OrganizationAliases aliases = new OrganizationAliases();
        aliases.learn(b);
        aliases.learn(a);
        String key = aliases.canonicalKey(Signer.organization("WOLA"));
        assertEquals(Organization.keyOf("Washington Office on Latin America"), key);
        assertEquals("Washington Office on Latin America", aliases.displayName(key));
        assertEquals(List.of("wola"), aliases.acronymsOf(key));
        assertNotEquals(key, aliases.canonicalKey(Signer.organization("Access Now")));
    }

    @Test
    void aliasesSurviveAPlainDataRoundTrip() {
        OrganizationAliases aliases = new OrganizationAliases();
        aliases.learn(letter(new Signer("Kids in Need of Defense", Signer.Kind.organization, "KIND", null, null, null, null)));
        OrganizationAliases copy = OrganizationAliases.fromMap(aliases.toMap());
        assertEquals(aliases.toMap(), copy.toMap());
        assertEquals(Organization.keyOf("Kids in Need of Defense"), copy.canonicalKey("KIND"));
    }

    private static Letter letter(Signer... signers) {
        return new Letter("id", "f.txt", "text/plain", "en", null, null, null, List.of(), List.of(signers), 0, "", List.of());
    }
}
