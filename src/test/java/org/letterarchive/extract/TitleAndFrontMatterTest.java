package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TitleAndFrontMatterTest {

    @Test
    void readsYamlFrontMatter() {
        FrontMatter fm = FrontMatter.read("---\ntitle: \"Open Letter: Plans\"\ndate: 2017-06-02T09:15:30+00:00\ncategory:\n  - News\n---\nDear all,\n");
        assertEquals("Open Letter: Plans", fm.get("title"));
        assertEquals("2017-06-02T09:15:30+00:00", fm.get("date"));
        assertEquals("Dear all,\n", "---\ntitle: \"Open Letter: Plans\"\ndate: 2017-06-02T09:15:30+00:00\ncategory:\n  - News\n---\nDear all,\n".substring(fm.bodyStart()));
    }

    @Test
    void takesSubjectLineAsTitle() {
        var lines = TextLines.of("June 1, 2020\nRe: Protect encryption now\nDear Minister,\nText.");
        assertEquals("Protect encryption now", TitleFinder.find(lines, 0, 2, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void takesHeadingThatNamesTheLetter() {
        var lines = TextLines.of("_Dear Mr. Zuckerberg,_\n_OPEN LETTER: FACEBOOK'S END-TO-END SECURITY PLANS_\nThe organizations below write today.");
        FrontMatter fm = new FrontMatter(Map.of("title", "Open Letter: Facebook's Encryption Plans"), 0);
        assertEquals("OPEN LETTER: FACEBOOK'S END-TO-END SECURITY PLANS", TitleFinder.find(lines, -1, 0, -1, fm, null).title());
    }

    @Test
    void anAddresseeOpeningThePageIsNoTitle() {
        var lines = TextLines.of("Ms. Jane Roe\nChief Executive Officer\nExample Foods Inc.\n100 Main Street\n\nJune 5, 2019\n\nDear Ms. Roe,\nWe write to you.");
        assertEquals(null, TitleFinder.find(lines, 5, 6, -1, FrontMatter.NONE, null).title());
        // a headline opening the page still is one
        var headed = TextLines.of("Clean water for every school\n\nJune 5, 2019\n\nDear Ms. Roe,\nWe write to you.");
        assertEquals("Clean water for every school", TitleFinder.find(headed, 1, 2, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void aHeadingSayingOnlyWhatKindOfTextFollowsGivesWayToTheSubject() {
        var lines = TextLines.of("OPEN LETTER\n\nTo: The Board of Directors\n\n1 September 2020\n\nRe: Ending finance for new coal mines\n\nDear Members of the Board,\nWe write.");
        assertEquals("Ending finance for new coal mines", TitleFinder.find(lines, 2, 4, -1, FrontMatter.NONE, null).title());
        assertEquals(null, TitleFinder.namingHeading(lines, 2, lines.size()));
        // with no subject line, the heading is all the title there is
        var bare = TextLines.of("OPEN LETTER\n\n1 September 2020\n\nDear Members of the Board,\nWe write.");
        assertEquals("OPEN LETTER", TitleFinder.namingHeading(bare, 1, bare.size()).title());
    }

    @Test
    void aParagraphsFirstLineUnderTheDateIsNoHeadline() {
        var lines = TextLines.of("CLEAN WATER FOR EVERY SCHOOL IN THE VALLEY AND\nBEYOND IT\n\nSpringfield, 6 October 2021\n\n"
                + "While the council prepares its budget for the coming year, the undersigned organisations\n"
                + "(parents, teachers and neighbours) ask it to fund clean water in every school.\n");
        assertEquals("CLEAN WATER FOR EVERY SCHOOL IN THE VALLEY AND BEYOND IT", TitleFinder.find(lines, 2, -1, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void aPageQuotingTheLetterInFullGivesTheLettersHeading() {
        var lines = TextLines.of("Groups ask the council to keep the river open\nThe groups wrote to the council on Thursday, asking it to drop its plan.\n"
                + "Read the letter in full below:\nTo the Council of Springfield\nKeep the river open to all\nWe, the undersigned, ask the council to keep the river open.\n");
        assertEquals("Keep the river open to all", TitleFinder.announcedHeading(lines, lines.size()).title());
        // a date under the announcing line is no heading
        var dated = TextLines.of("The groups wrote to the council on Thursday, as follows:\n6 October 2021\nDear Council,\nWe ask you.\n");
        assertEquals(null, TitleFinder.announcedHeading(dated, dated.size()));
    }

    @Test
    void takesHeadlineAfterDate() {
        var lines = TextLines.of("6 October 2021\nClean water for every school in the valley\nDear Honourable Ministers,\nText.");
        assertEquals("Clean water for every school in the valley", TitleFinder.find(lines, 0, 2, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void fallsBackToDocumentTitleButNotWordFileNames() {
        var lines = TextLines.of("We write to you because it matters a great deal to all of us.");
        ParsedDocument doc = new ParsedDocument("x", "application/pdf", Map.of("dc:title", List.of("Microsoft Word - letter.docx")), false, List.of());
        assertEquals(null, TitleFinder.find(lines, -1, -1, -1, FrontMatter.NONE, doc).title());
        ParsedDocument html = new ParsedDocument("x", "text/html", Map.of(DocumentParser.HEADINGS, List.of("Letter from river groups")), false, List.of());
        assertEquals("Letter from river groups", TitleFinder.find(lines, -1, -1, -1, FrontMatter.NONE, html).title());
    }

    @Test
    void cleansMarkdownAndDropsPageFurniture() {
        var lines = TextLines.of("**Bold** and [a link](http://x.org)\n3\nwww.example.org\ntext\nwww.example.org\nmore\nwww.example.org\n");
        assertEquals(List.of("Bold and a link", "text", "more"), lines.stream().map(TextLines.Line::clean).toList());
    }

    @Test
    void readsQuotedFrontMatterValueOverSeveralLines() {
        FrontMatter fm = FrontMatter.read("---\ntitle: 'Tech Companies to Congress: \nTrade Deals Harm Users'' Rights'\nlayout: post\n---\nBody");
        assertEquals("Tech Companies to Congress: Trade Deals Harm Users' Rights", fm.get("title"));
        assertEquals("post", fm.get("layout"));
    }

    @Test
    void takesLongHeadlineStandingAloneAfterDate() {
        String headline = "NGOs Oppose Plans to Fund Deportations of Migrants & Bilateral Negotiations around a Safe Third Country Agreement, "
                + "Urge Governments to Abandon Plans and Respect the Right to Seek Asylum";
        var lines = TextLines.of("To:\nJane Roe, Minister\nSept. 14, 2018\n" + headline + "\nThe undersigned organizations oppose the plan.");
        assertEquals(headline, TitleFinder.find(lines, 2, -1, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void takesTheHeadingTheTextOpensWithAndItsContinuation() {
        var lines = TextLines.of("7 propuestas urgentes para la\nreforma de las instituciones de ejemplo\n"
                + "Las organizaciones firmantes proponemos siete medidas concretas para reformar las instituciones. Cada una se explica abajo.");
        assertEquals("7 propuestas urgentes para la reforma de las instituciones de ejemplo", TitleFinder.find(lines, -1, -1, -1, FrontMatter.NONE, null).title());
        var markdown = TextLines.of("# \u201cSlow Down,\u201d Example Town. Do it now.\nWe, the undersigned, ask the town to act. It must act now.");
        assertEquals("\u201cSlow Down,\u201d Example Town. Do it now.", TitleFinder.find(markdown, -1, -1, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void aHeadingNamingTheLetterInAnyOfItsLanguages() {
        for (String heading : List.of("CARTA ABERTA AOS MORADORES DE EXEMPLO", "Nota pública: em defesa do exemplo", "Offener Brief an die Beispielstadt",
                "Déclaration commune sur l'exemple")) {
            var lines = TextLines.of("Site menu\n" + heading + "\nAs organizações abaixo assinadas pedem uma resposta. Esperamos a resposta logo.");
            assertEquals(heading, TitleFinder.namingHeading(lines, -1, lines.size()).title());
        }
    }

    @Test
    void neverTakesContactLineAsTitle() {
        var lines = TextLines.of("FOR IMMEDIATE RELEASE\nDecember 9, 2015\nContact: Jane Roe, 978-852-6457, press@example.org\nA group of organizations issued a letter.");
        FrontMatter fm = new FrontMatter(Map.of("title", "Groups oppose the cyber bill"), 0);
        assertEquals("Groups oppose the cyber bill", TitleFinder.find(lines, 1, -1, -1, fm, null).title());
    }

    @Test
    void addresseeLineAfterDateIsNoHeadline() {
        var lines = TextLines.of("June 30, 2017\nSenator the Hon. George Brandis\nAttorney General of Australia\nDear Minister,\nText.");
        assertEquals(null, TitleFinder.find(lines, 0, 3, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void joinsUpperCaseHeadingCutByLineBreak() {
        var lines = TextLines.of("CARTA ABIERTA A LA COMISIÓN DEL AGUA Y LAS EMPRESAS DE\nRIEGO (CAR) QUE OPERAN EN EL VALLE\nEn este Día Mundial del Agua, nos dirigimos a ustedes.");
        assertEquals("CARTA ABIERTA A LA COMISIÓN DEL AGUA Y LAS EMPRESAS DE RIEGO (CAR) QUE OPERAN EN EL VALLE",
                TitleFinder.find(lines, -1, -1, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void prefersLetterHeadingBelowPressRelease() {
        StringBuilder text = new StringBuilder("Groups demand free expression at the conference\n26 February 2024\n");
        for (int i = 0; i < 16; i++) text.append("Paragraph ").append(i).append(" of the press release, quoting people who did not sign.\n");
        text.append("******* Carta a la Directora General del Instituto del Agua**********\n26 de febrero de 2024\nEstimada Directora:\nTexto.");
        var lines = TextLines.of(text.toString());
        assertEquals("Carta a la Directora General del Instituto del Agua", TitleFinder.find(lines, 1, -1, -1, FrontMatter.NONE, null).title());
    }

    @Test
    void addressLabelAfterDateIsNoHeadline() {
        var lines = TextLines.of("12 March 2024\nTo: The Minister for Housing\nParliament House\nDear Minister,\nText.");
        assertEquals(null, TitleFinder.find(lines, 0, 3, -1, FrontMatter.NONE, null).title());
    }
}
