package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(Organization.keyOf("Refugio Digno México A.C."), Organization.keyOf("refugio digno mexico"));
        assertEquals(Organization.keyOf("Restore The Fourth, Inc."), Organization.keyOf("Restore the Fourth"));
    }

    private static Letter letter(Signer... signers) {
        return new Letter("id", "f.txt", "text/plain", "en", null, null, null, List.of(), List.of(signers), 0, "", List.of());
    }

    private static String times3(String s) {
        return s + " " + s + " " + s;
    }

    @Test
    void functionWordsSettleTheFourCommonLanguages() {
        assertEquals("en", LanguageDetector.byFunctionWords(times3("We are writing to you because the rights of our members are at risk, and we ask that this "
                + "government withdraw the bill that would weaken encryption for all of the people who rely on it to be safe from harm.")));
        assertEquals("es", LanguageDetector.byFunctionWords(times3("Las organizaciones firmantes expresamos nuestra preocupación por el bloqueo de los medios y "
                + "pedimos al gobierno que respete la libertad de expresión, como lo establece la ley y como es su deber con todas las personas del país.")));
        assertEquals("pt", LanguageDetector.byFunctionWords(times3("As organizações abaixo assinadas manifestam a sua preocupação com o bloqueio dos meios de "
                + "comunicação e pedem ao governo que respeite a liberdade de expressão, pois não é aceitável que uma lei seja usada pelo poder para calar as vozes.")));
        assertEquals("fr", LanguageDetector.byFunctionWords(times3("Les organisations signataires expriment leur inquiétude sur le blocage des médias et nous "
                + "demandons au gouvernement de respecter la liberté d'expression, car il est inacceptable que cette loi soit utilisée dans ce but par les autorités.")));
    }

    @Test
    void functionWordsSettleGermanToo() {
        assertEquals("de", LanguageDetector.byFunctionWords(times3("Die unterzeichnenden Organisationen sind besorgt über die Sperrung der Medien und wir fordern "
                + "die Regierung auf, die Meinungsfreiheit zu achten, denn es ist nicht hinnehmbar, dass dieses Gesetz mit dem Ziel genutzt wird, Kritik zu unterdrücken.")));
    }

    @Test
    void theDetectorReadsTheHeadOfTheLinesAsJoined() {
        List<TextLines.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) lines.add(new TextLines.Line("Line " + i + " of an invented letter", "Line " + i + " of an invented letter"));
        String joined = String.join("\n", lines.stream().map(TextLines.Line::clean).toList());
        for (int chars : new int[] {1, 5, 28, 29, 30, 31, 1_000, 3_000, joined.length(), joined.length() + 10}) {
            assertEquals(joined.substring(0, Math.min(chars, joined.length())), LetterAnalyzer.head(lines, chars, 0));
        }
        assertEquals("", LetterAnalyzer.head(List.of(), 3_000, 0));
    }

    @Test
    void theDetectorReadsTheRunningTextElseEveryLine() {
        String paragraph = "Nous écrivons au sujet du projet de loi qui menace la liberté de la presse dans le pays.";
        List<TextLines.Line> letter = List.of(new TextLines.Line("Madame la Ministre", "Madame la Ministre"),
                new TextLines.Line(paragraph, paragraph), new TextLines.Line("Jane Doe", "Jane Doe"), new TextLines.Line(paragraph, paragraph));
        assertEquals(paragraph + "\n" + paragraph, LetterAnalyzer.languageSample(letter, 3_000));
        List<TextLines.Line> names = List.of(new TextLines.Line("Jane Doe", "Jane Doe"), new TextLines.Line("John Roe", "John Roe"));
        assertEquals("Jane Doe\nJohn Roe", LetterAnalyzer.languageSample(names, 3_000));
    }

    @Test
    void portugueseContractionsAreItsFunctionWords() {
        assertEquals("pt", LanguageDetector.byFunctionWords(times3("Escrevemos em nome das organizações da sociedade civil, na esperança de que o governo "
                + "reveja a proposta em discussão na assembleia e garanta a participação das comunidades em cada etapa do processo.")));
    }

    @Test
    void neighbouringLanguagesAreLeftToTheModel() {
        assertEquals(null, LanguageDetector.byFunctionWords(times3("Le organizzazioni firmatarie esprimono la loro preoccupazione per il blocco dei media e "
                + "chiedono al governo di rispettare la libertà di espressione, perché non è accettabile che questa legge sia usata per mettere a tacere le voci critiche della società.")));
        assertEquals(null, LanguageDetector.byFunctionWords(times3("Les organitzacions sotasignants expressem la nostra preocupació pel bloqueig dels mitjans i "
                + "demanem al govern que respecti la llibertat d'expressió, perquè no és acceptable que aquesta llei es faci servir per silenciar les veus crítiques amb el poder.")));
        assertEquals(null, LanguageDetector.byFunctionWords(times3("De ondertekenende organisaties maken zich zorgen over de blokkade van de media en wij vragen "
                + "de regering om de vrijheid van meningsuiting te respecteren, want het is niet aanvaardbaar dat deze wet wordt gebruikt om kritiek te onderdrukken.")));
        assertEquals(null, LanguageDetector.byFunctionWords("Sincerely, Access Now"));
    }
}
