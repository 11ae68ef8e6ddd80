package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Recipient;

class RecipientFinderTest {

    private static List<Recipient> recipients(String text, String title) {
        List<Line> lines = TextLines.of(text);
        int sal = Salutation.find(lines, 0, 80);
        int date = -1;
        for (int i = 0; i < lines.size(); i++) if (DateFinder.dateLine(lines.get(i).clean(), false) != null) { date = i; break; }
        return RecipientFinder.find(lines, sal, date, -1, title, -1);
    }

    @Test
    void readsToBlockWithNameAndRole() {
        List<Recipient> r = recipients("To:\nLena Marsh, Secretary of State\nOmar Field, Secretary of Homeland Security\nSept. 14, 2018\nText.", null);
        assertEquals(2, r.size());
        assertEquals("Lena Marsh", r.get(0).name());
        assertEquals("Secretary of State", r.get(0).role());
    }

    @Test
    void readsAddressLinesBeforeGreeting() {
        String text = "June 30, 2017\nSenator the Hon. Paul Verity\nAttorney General of Freedonia\nHon. Nina Hale\nMinister of Public Safety\nTo Ministers Responsible for Security,\nBody.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("Senator the Hon. Paul Verity", "Hon. Nina Hale"), r.stream().map(Recipient::name).toList());
        assertEquals("Attorney General of Freedonia", r.get(0).role());
    }

    @Test
    void readsGroupAddresseeFromDearLine() {
        List<Recipient> r = recipients("Dear Members of the Regional Assembly,\nWe write.", null);
        assertEquals("Members of the Regional Assembly", r.get(0).name());
    }

    @Test
    void movesOfficeBeforeNameToRole() {
        List<Recipient> r = recipients("Dear Director-General Ada Nwosu and all Council Members,\nWe write.", null);
        assertEquals("Ada Nwosu", r.get(0).name());
        assertEquals("Director-General", r.get(0).role());
        assertEquals("all Council Members", r.get(1).name());
    }

    @Test
    void readsSpanishGreeting() {
        assertEquals("Miembros del Consejo", recipients("Estimados Miembros del Consejo:\nEscribimos.", null).get(0).name());
    }

    @Test
    void takesAddresseeFromTitleWhenLetterHasNoGreeting() {
        assertTrue(recipients("We seek your intervention.", "An open letter to Attorney General Paul Verity").isEmpty());
        List<Recipient> r = RecipientFinder.namedInTitle("An open letter to Attorney General Paul Verity");
        assertEquals("Paul Verity", r.get(0).name());
    }

    @Test
    void readsEachOfSeveralGreetingLines() {
        List<Recipient> r = recipients("Dear Commissioner Alvarez,\nDear Commissioner Brandt,\nWe write.", null);
        assertEquals(List.of("Alvarez", "Brandt"), r.stream().map(Recipient::name).toList());
        assertEquals("Commissioner", r.get(1).role());
    }

    @Test
    void greetedSurnameFindsTheFullAddressLineAbove() {
        String text = "Sent on 12 May to\nBundesminister Dr. Hanna Müller <minister@example.org>,\nBundesminister Otto Krause <otto@example.org>\n"
                + "Subject: patents\nsee also other letters\nSehr geehrte Frau Ministerin Mueller,\nSehr geehrter Herr Minister Krause,\nWir schreiben.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("Hanna Müller", "Otto Krause"), r.stream().map(Recipient::name).toList());
        assertEquals("Bundesminister", r.get(0).role());
    }

    @Test
    void addressBlockNamingNoneOfTheGreetedIsNotTheirs() {
        String text = "Oslo, Lima, Quito\n3 July 2006\nOpen Letter on the plans for a task force\nDear Commissioner Alvarez,\nWe write.";
        assertEquals(List.of("Alvarez"), recipients(text, null).stream().map(Recipient::name).toList());
    }

    @Test
    void greetingOfStylesAloneNamesNobody() {
        String text = "To the Candidates to the Regional Elections\nParis, 14 May 2004\nDear Ms., Dear Mr.,\nI write to you.";
        assertEquals(List.of("Candidates to the Regional Elections"), recipients(text, null).stream().map(Recipient::name).toList());
    }

    @Test
    void readsCopyLineWrittenWithFullStopAndStopsAtProse() {
        String text = "Your Excellency Consul,\ncc. Deputy Consul,\nWe, the undersigned, are writing to you ahead of your meeting on the proposal,\nBody.";
        List<Recipient> cc = recipients(text, null).stream().filter(Recipient::cc).toList();
        assertEquals(1, cc.size());
        assertEquals("Deputy Consul", cc.get(0).role());
    }

    @Test
    void readsLineAddressedUnderTheTitleInAnyCase() {
        String text = "A long report of the news that went before the letter, in one paragraph, as pages print it.\n"
                + "CARTA DOS MOVIMENTOS\n\"À Presidenta Ana Souza\nNós escrevemos.";
        List<Line> lines = TextLines.of(text);
        List<Recipient> r = RecipientFinder.find(lines, -1, -1, 1, "CARTA DOS MOVIMENTOS", -1);
        assertEquals("Ana Souza", r.get(0).name());
        assertEquals("Presidenta", r.get(0).role());
    }

    @Test
    void splitsQualifiedOfficeWithSeveralComplementsFromName() {
        assertArrayEquals(new String[] {"Governador eleito do Estado de Exemplo", "Ana Souza"},
                RecipientFinder.officeSplit("Governador eleito do Estado de Exemplo Ana Souza"));
    }

    @Test
    void readsAddresseesListedOnePerLine() {
        String text = "Nos dirigimos a quienes deciden:\na los trabajadores de la Radio,\nal Consejo Escolar,\nal Comité Ejecutivo y a la\n"
                + "Presidenta de la Corporación de Medios\nEn los últimos años hemos escrito muchas veces sobre este asunto.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("trabajadores de la Radio", "Consejo Escolar", "Comité Ejecutivo", "Presidenta de la Corporación de Medios"),
                r.stream().map(Recipient::label).toList());
        assertEquals(null, r.get(3).name());
    }

    @Test
    void dropsAcronymWrittenAfterDashWhenItIsTheInitials() {
        assertEquals("Instituto Nacional de Estadística", RecipientFinder.withoutDashAcronym("Instituto Nacional de Estadística - INE"));
        assertEquals("Consejo Asesor - XYZ", RecipientFinder.withoutDashAcronym("Consejo Asesor - XYZ"));
    }

    @Test
    void linesUnderCopyHeaderAtTheHeadAreAddressees() {
        String text = "São Paulo, 6 de maio de 2015\nExmo. Sr. Rui Prado - Presidente do Senado\nC/C\nMinistério da Justiça - Sr. José Lima - Ministro da Justiça\n"
                + "Assunto: carta\nO Instituto escreve.";
        java.util.BitSet block = RecipientFinder.toBlockLines(TextLines.of(text), 80);
        assertEquals("{2, 3}", block.toString());
    }

    @Test
    void buildingOverStreetLineIsAddressNotAddressee() {
        List<Recipient> out = new java.util.ArrayList<>();
        RecipientFinder.readBlock(List.of("Mayor Jane Roe", "Councilman Tom Poe", "Springfield Municipal Building", "100 Harbor Way", "Springfield, NJ 08807"), false, out);
        assertEquals(List.of("Jane Roe", "Tom Poe"), out.stream().map(Recipient::name).toList());
    }

    @Test
    void marksCcRecipients() {
        List<Recipient> r = recipients("Dear Ms. Quill,\nText.\nSincerely,\nRed Uno\nCc: Teo Brandt, River Agency\nLea Morn, River Agency\n", null);
        List<Recipient> cc = r.stream().filter(Recipient::cc).toList();
        assertEquals(List.of("Teo Brandt", "Lea Morn"), cc.stream().map(Recipient::name).toList());
        assertTrue(r.stream().anyMatch(x -> !x.cc() && "Quill".equals(x.name())));
    }

    private static List<Recipient> recipients(String text, int titleIndex, String title) {
        List<Line> lines = TextLines.of(text);
        int sal = Salutation.find(lines, 0, 80);
        int date = -1;
        for (int i = 0; i < lines.size(); i++) if (DateFinder.dateLine(lines.get(i).clean(), false) != null) { date = i; break; }
        return RecipientFinder.find(lines, sal, date, titleIndex, title, -1);
    }

    @Test
    void readsTwoColumnGridOfAddresseesAboveDateAndHeadline() {
        String text = "The Hon. Ian Pell MP The Hon. Rosa Venn MP\nMinister for Water Minister for Water and Rivers\n"
                + "Commonwealth of Freedonia North Province\nThe Hon Rachel Smith MLA\nMinister for Water\nCapital District\n"
                + "6 October 2021\nHuman rights safeguards in quarantine\nDear Honourable Ministers,\nWe write.";
        List<Recipient> r = recipients(text, 7, "Human rights safeguards in quarantine");
        assertEquals(List.of("The Hon. Ian Pell MP", "The Hon. Rosa Venn MP", "The Hon Rachel Smith MLA"), r.stream().map(Recipient::name).toList());
        assertEquals("Minister for Water, Commonwealth of Freedonia", r.get(0).role());
        assertEquals("Minister for Water and Rivers, North Province", r.get(1).role());
    }

    @Test
    void stopsAddressBlockAtIntroLineEndingInColon() {
        List<Recipient> r = recipients("Some news about the letter.\nFull text of the letter and list of signers:\nDear Senator Carl Ossen,\nWe write.", null);
        assertEquals(List.of("Carl Ossen"), r.stream().map(Recipient::name).toList());
        assertEquals("Senator", r.get(0).role());
    }

    @Test
    void addressBlockRoleRunsOnOverNextLine() {
        String text = "Letter from CSOs to the Secretariat\nVera Lind, Deputy Secretary General\nUN Conference on Trade and Development (UNCTAD)\n"
                + "April 6, 2021\nDear Deputy SG Lind,\nWe write.";
        List<Recipient> r = recipients(text, 0, "Letter from CSOs to the Secretariat");
        assertEquals(1, r.size());
        assertEquals("Vera Lind", r.get(0).name());
        assertEquals("Deputy Secretary General, UN Conference on Trade and Development (UNCTAD)", r.get(0).role());
    }

    @Test
    void noAddresseesAboveALetterNamingHeading() {
        String text = "See also: Media release\nOpen letter to the Director-General\n19 November 2021\nDear Director-General Jane Roe and all Members,\nWe write.";
        List<Recipient> r = recipients(text, 1, "Open letter to the Director-General");
        assertEquals(List.of("Jane Roe", "all Members"), r.stream().map(Recipient::name).toList());
    }

    @Test
    void greetingToAGroupKeepsAndInsideOneName() {
        assertEquals(List.of("socios de la ABC y DEF"), recipients("Estimados socios de la ABC y DEF,\nTexto.", null).stream().map(Recipient::name).toList());
        assertEquals(List.of("Miembros del Consejo"), recipients("Estimados Miembros del Consejo:\nTexto.", null).stream().map(Recipient::name).toList());
    }

    @Test
    void readsAddresseesFromTheSentenceThatAddressesThem() {
        String text = "CARTA ABIERTA A LA COMISION\nEn este día, desde nuestra organización nos dirigimos a la Comisión Nacional (CONATEL) y a los proveedores\n"
                + "de internet que operan en Venezuela, con profunda preocupación.\nOtro párrafo.";
        List<Recipient> r = recipients(text, 0, "CARTA ABIERTA A LA COMISION");
        assertEquals(List.of("Comisión Nacional (CONATEL)", "proveedores de internet que operan en Venezuela"), r.stream().map(Recipient::name).toList());
    }

    @Test
    void splitsColumnsAtRepeatedFirstWordElseNearTheMiddle() {
        assertEquals(List.of("Minister for Water", "Minister for Water and Parks"),
                List.of(RecipientFinder.splitColumns("Minister for Water Minister for Water and Parks")));
        assertEquals(List.of("Commonwealth of Freedonia", "North Province"), List.of(RecipientFinder.splitColumns("Commonwealth of Freedonia North Province")));
    }

    @Test
    void movesAnyOfficeBeforeANameToTheRole() {
        assertEquals("Ann Linde", RecipientFinder.person("Foreign Minister Ann Linde", null, false).name());
        assertEquals("Foreign Minister", RecipientFinder.person("Foreign Minister Ann Linde", null, false).role());
        Recipient health = RecipientFinder.person("Minister for Water Ian Pell", null, false);
        assertEquals("Ian Pell", health.name());
        assertEquals("Minister for Water", health.role());
        assertEquals("Ant\u00f3nio Guterres", RecipientFinder.person("Secretary-General Ant\u00f3nio Guterres", null, false).name());
        assertEquals("Ana P\u00e9rez", RecipientFinder.person("Ministra Ana P\u00e9rez", null, false).name());
        assertEquals("Ministra", RecipientFinder.person("Ministra Ana P\u00e9rez", null, false).role());
    }

    @Test
    void readsTheOfficeOfAnyListBeforeOrAfterAName() {
        Recipient council = RecipientFinder.person("Councilwoman Jane Q. Roe", null, false);
        assertEquals("Jane Q. Roe", council.name());
        assertEquals("Councilwoman", council.role());
        Recipient federal = RecipientFinder.person("Bundesministerin Dr. Erika Mustermann <erika@example.org>", null, false);
        assertEquals("Erika Mustermann", federal.name());
        assertEquals("Bundesministerin", federal.role());
        Recipient after = RecipientFinder.fromLine("Lic. Ana María Pérez Directora General de Ejemplos", false);
        assertEquals("Lic. Ana María Pérez", after.name());
        assertEquals("Directora General de Ejemplos", after.role());
        Recipient dashes = RecipientFinder.person("Ministério dos Exemplos - Sra. Maria Souza – Ministra dos Exemplos", null, false);
        assertEquals("Sra. Maria Souza", dashes.name());
        assertEquals("Ministra dos Exemplos", dashes.role());
        assertEquals("Ministério dos Exemplos", dashes.organization());
        Recipient office = RecipientFinder.person("Your Excellency Consul", null, false);
        assertEquals(null, office.name());
        assertEquals("Consul", office.role());
    }

    @Test
    void readsABlockOfNamesWithTheirOfficesUnderThem() {
        List<Recipient> out = new java.util.ArrayList<>();
        RecipientFinder.readBlock(List.of("EXMO. SR.", "JOHN ROE", "Hon. Jane Doe", "Minister for Examples", "Example Department"), false, out);
        assertEquals(List.of("JOHN ROE", "Hon. Jane Doe"), out.stream().map(Recipient::name).toList());
        assertEquals("Minister for Examples, Example Department", out.get(1).role());
    }

    @Test
    void keepsFormsOfAddressAndGroupsWhole() {
        assertEquals("Roe", RecipientFinder.person("President Roe", null, false).name());
        assertEquals("President", RecipientFinder.person("President Roe", null, false).role());
        assertEquals("Members of the Finance Committee", RecipientFinder.person("Members of the Finance Committee", null, false).name());
    }

    @Test
    void readsStyledAddresseesUnderTheDateWithNoGreeting() {
        String text = "Uma notícia sobre a carta.\nSão Paulo, 6 de maio de 2015.\nExmo. Sr. João Exemplo - Presidente do Conselho Exemplar\nC/C\n"
                + "Secretaria de Exemplos - Sra. Maria Modelo - Secretária de Exemplos\nConselho Federal - Pedro Amostra - Procurador dos Exemplos\n"
                + "Assunto: um pedido\nAs organizações abaixo pedem que o conselho rejeite a proposta. A proposta fere direitos. Pedimos resposta.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("Exmo. Sr. João Exemplo", "Sra. Maria Modelo", "Pedro Amostra"), r.stream().map(Recipient::name).toList());
        assertEquals(List.of(false, true, true), r.stream().map(Recipient::cc).toList());
        assertEquals("Presidente do Conselho Exemplar", r.get(0).role());
        assertEquals("Secretaria de Exemplos", r.get(1).organization());
    }

    @Test
    void readsAddresseesLaidOutInColumnsOfPlainText() {
        String text = "3 March 2024\n\nThe Hon. Mara Quill        Senator the Honorable Teo Brandt\n"
                + "Minister for Rivers          Attorney General\n12 Elm Street                Rue des Lilas 40\n"
                + "Springfield                  Lyon\n\nDear Sir or Madam,\n\nWe write.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("The Hon. Mara Quill", "Senator the Honorable Teo Brandt"), r.stream().map(Recipient::name).toList());
        assertEquals(List.of("Minister for Rivers, 12 Elm Street, Springfield", "Attorney General, Rue des Lilas 40, Lyon"),
                r.stream().map(Recipient::role).toList());
    }

    @Test
    void cutsTwoStyledNamesWhereAnOfficeUsedAsStyleOpensTheSecond() {
        assertEquals(List.of("The Hon. Mara Quill", "Senator the Honorable Teo Brandt"),
                RecipientFinder.sideBySide("The Hon. Mara Quill Senator the Honorable Teo Brandt"));
        // letters after a name in capitals stay with it
        assertEquals(List.of("The Hon. Mara Quill MP", "The Hon. Teo Brandt MLA"), RecipientFinder.sideBySide("The Hon. Mara Quill MP The Hon. Teo Brandt MLA"));
    }

    @Test
    void readsATableCellThatOpensTheNextAddressee() {
        // two addressees in two cells of one row, each cell broken into lines: the row runs on from the first cell's last line
        String text = "The Hon. Mara Quill\nMinister for Rivers\nSpringfield | The Hon. Teo Brandt\nAttorney General\nLyon\nDear Sir or Madam,\nWe write.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("The Hon. Mara Quill", "The Hon. Teo Brandt"), r.stream().map(Recipient::name).toList());
        assertEquals("Minister for Rivers, Springfield", r.get(0).role());
    }

    @Test
    void splitsAGreetingOfTwoPeopleEachGreeted() {
        List<Recipient> r = recipients("Sehr geehrte Frau Mara Quill und sehr geehrter Herr Teo Brandt,\nWir schreiben Ihnen.", null);
        assertEquals(List.of("Mara Quill", "Teo Brandt"), r.stream().map(Recipient::name).toList());
        r = recipients("Dear Ms. Quill and dear Mr. Brandt,\nWe write.", null);
        assertEquals(List.of("Quill", "Brandt"), r.stream().map(Recipient::name).toList());
    }

    @Test
    void dropsTheCourtesyStyleOfAGreetingButKeepsAnOffice() {
        assertEquals("Quill", RecipientFinder.withoutCourtesy("Ms. Quill"));
        assertEquals("Mara Quill", RecipientFinder.withoutCourtesy("Frau Dr. Mara Quill"));
        assertEquals("Minister Quill", RecipientFinder.withoutCourtesy("Minister Quill"));
        assertEquals("Sir", RecipientFinder.withoutCourtesy("Sir"));
    }

    @Test
    void leavesTheSendersLetterheadOutOfTheAddressees() {
        String text = "Friends of the Valley\nRue des Lilas 40\nLyon\nTel. +33 4 55 66 77 88\n\nMs. Mara Quill\nMinister for Rivers\n"
                + "Plaza Mayor 7\nSpringfield\n\nDear Minister,\nWe write.";
        List<Recipient> r = recipients(text, null);
        assertEquals(1, r.size(), r.toString());
        assertEquals("Ms. Mara Quill", r.get(0).name());
        assertEquals("Minister for Rivers", r.get(0).role());
    }

    @Test
    void readsABodyAddressedUnderTheDateThoughItNamesNobody() {
        String text = "May 4, 2021\nRiver Basin Commission\nSpringfield, ST 40411\nDear Members of the River Basin Commission:\nWe write.";
        assertEquals(List.of("River Basin Commission"), recipients(text, null).stream().map(Recipient::name).toList());
        // the same block over the date is the sender's letterhead
        text = "River Basin Commission\nSpringfield, ST 40411\nMay 4, 2021\nDear Members of the Valley Council:\nWe write.";
        assertEquals(List.of("Members of the Valley Council"), recipients(text, null).stream().map(Recipient::name).toList());
    }

    @Test
    void aLetterSentAsMailIsAddressedToTheMailboxesItsHeadersName() {
        ParsedDocument mail = new ParsedDocument("Dear Minister Roe,\nWe write to you.", "message/rfc822",
                java.util.Map.of("Message-To", List.of("Minister Jane Roe <minister@example.org>", "campaign@example.org"),
                        "Message-Cc", List.of("\"Ana Pérez\" <ana@example.org>")), false, List.of());
        List<Recipient> r = RecipientFinder.mailed(mail);
        assertEquals(2, r.size(), "a bare address names nobody");
        assertEquals("Jane Roe", r.get(0).name());
        assertEquals("Minister", r.get(0).role());
        assertEquals("Ana Pérez", r.get(1).name());
        assertTrue(r.get(1).cc());
        // a page or a file that is no mail has no such headers to read
        ParsedDocument page = new ParsedDocument("Dear Minister Roe,", "text/html", java.util.Map.of("Message-To", List.of("Jane Roe <j@example.org>")), false, List.of());
        assertTrue(RecipientFinder.mailed(page).isEmpty());
    }

    @Test
    void theLinesUnderToAreOneAddressBlock() {
        var lines = TextLines.of("To: Jane Roe\nChief Executive Officer\nExample Foods Inc.\n100 Main Street\nSpringfield, IL 62701\n\nJune 5, 2019\n\nDear Ms. Roe,\nWe write.");
        List<Recipient> r = RecipientFinder.find(lines, 6, 5, -1, null, -1);
        assertEquals(List.of("Jane Roe"), r.stream().map(Recipient::name).toList(), r.toString());
        assertTrue(r.get(0).role().startsWith("Chief Executive Officer"));
    }

    @Test
    void aStyleOfTwoWordsAndLettersAfterTheNameStayWithTheName() {
        assertEquals(List.of("The Rt Hon Jane Example MP"), RecipientFinder.sideBySide("The Rt Hon Jane Example MP"));
        assertEquals(null, RecipientFinder.officeAfter("The Rt Hon Jane Example MP"));
        var lines = TextLines.of("22 January 2021\n\nThe Rt Hon Jane Example MP\nSecretary of State for Education\nDepartment for Education\n"
                + "Sanctuary Buildings\nGreat Smith Street\nLondon SW1P 3BT\n\nDear Secretary of State,\nWe write.");
        List<Recipient> r = RecipientFinder.find(lines, 7, 0, -1, null, -1);
        assertEquals(List.of("The Rt Hon Jane Example MP"), r.stream().map(Recipient::name).toList(), r.toString());
        assertTrue(r.get(0).role().startsWith("Secretary of State for Education"));
    }

    @Test
    void stylesAndAnOfficeBeforeANameAreNoAddresseeOfTheirOwn() {
        assertEquals(List.of("Frau Bundesministerin Dr. Jana Beispiel"), RecipientFinder.sideBySide("Frau Bundesministerin Dr. Jana Beispiel"));
        // two names side by side still are two
        assertEquals(2, RecipientFinder.sideBySide("The Hon. Jane Roe MP The Hon. John Doe MP").size());
    }
}
