package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Signer;

class SignatureBlockTest {

    private static List<String> names(SignatureBlock b) {
        return b.signers().stream().map(Signer::name).toList();
    }

    @Test
    void readsOneSignerPerLineAfterSincerely() {
        SignatureBlock b = SignatureBlock.find(TextLines.of("We ask you to act.\nSincerely,\nAccess Now\nFree Press\nGlobal Witness\n"), 0);
        assertEquals(List.of("Access Now", "Free Press", "Global Witness"), names(b));
    }

    @Test
    void readsBulletedSpanishList() {
        String text = "Pedimos justicia.\n### Suscriben:\n- Derechos Digitales\n- Acceso Libre (Venezuela)\n- Public Knowledge\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Derechos Digitales", "Acceso Libre", "Public Knowledge"), names(b));
        assertEquals("Venezuela", b.signers().get(1).location());
    }

    @Test
    void readsNumberedListUnderGroupHeadings() {
        String text = "Signatories\nGlobal\n1. Social Watch\n2. Third World Network\nNational\n3. Action against AIDS, Germany\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Social Watch", "Third World Network", "Action against AIDS"), names(b));
    }

    @Test
    void readsTableRows() {
        String text = "Endorses as of November 19, 2021:\n1 | Amnesty International | A movement of people.\n2 | Global Justice Now | UK\n3 | War on Want | UK\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Amnesty International", "Global Justice Now", "War on Want"), names(b));
        assertEquals("UK", b.signers().get(1).location());
    }

    @Test
    void readsCommaSeparatedParagraphWithLegalForms() {
        String text = "Sincerely,\nThe undersigned:\nFight for the Future, Media Justice, Restore The Fourth, Inc., Color of Change, and United We Dream.\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Fight for the Future", "Media Justice", "Restore The Fourth, Inc.", "Color of Change", "United We Dream"), names(b));
    }

    @Test
    void countsAndNOthers() {
        SignatureBlock b = SignatureBlock.find(TextLines.of("Signed,\nAccess Now\nFree Press\nand 40 others\n"), 0);
        assertEquals(2, b.signers().size());
        assertEquals(42, b.signerCount());
    }

    @Test
    void marksSignersUnderIndividualsAsPeople() {
        String text = "Sincerely,\nOrganizations\nAccess Now\nFree Press\nIndividuals\nJane Roe\nJohn Poe\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(Signer.Kind.organization, b.signers().get(0).kind());
        assertEquals(Signer.Kind.person, b.signers().get(3).kind());
    }

    @Test
    void skipsDisclaimersFootnotesAndPageFooters() {
        String text = "Signed,\n_All signatures are in a personal capacity; affiliations are informational only._\nAccess Now\n"
                + "12 Proposal for a Regulation of the European Parliament on Preventing the Dissemination of Content\n"
                + "https://example.org/footnote\nFree Press\n2\nXnet\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Access Now", "Free Press", "Xnet"), names(b));
    }

    @Test
    void stopsAtAcronymGlossary() {
        String text = "Signed,\n* Jane Roe *IETF*\n* John Poe *IAB*\nAcronyms\n* IAB: Internet Architecture Board\n* IETF: Internet Engineering Task Force\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Jane Roe", "John Poe"), names(b));
    }

    @Test
    void stopsAtCcLine() {
        SignatureBlock b = SignatureBlock.find(TextLines.of("Atentamente,\nRed Uno\nRed Dos\nRed Tres\nCc: Ana Ruiz, UNCTAD\n"), 0);
        assertEquals(List.of("Red Uno", "Red Dos", "Red Tres"), names(b));
    }

    @Test
    void findsBulletedListWithoutCue() {
        String text = "We, the undersigned, urge you to drop the charges before the trial in November.\n"
                + "  * **Jane Roe**, lawyer\n  * **John Poe**, writer\n  * **Ann Lee**\n  * **Bo Kim**, artist\n  * **Al Di**, poet\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Jane Roe", "John Poe", "Ann Lee", "Bo Kim", "Al Di"), names(b));
    }

    @Test
    void readsTableRowsWithLongDescriptions() {
        String description = "A network that works on development and rights. ".repeat(8);
        String text = "Endorses as of November 19, 2021:\n1 | Africa Development Interchange Network (ADIN) | " + description
                + "\n2 | Amnesty International | " + description + "\n3 | Oxfam International | " + description + "\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Africa Development Interchange Network", "Amnesty International", "Oxfam International"), names(b));
        assertEquals("ADIN", b.signers().get(0).acronym());
    }

    @Test
    void skipsFootnotePageInsideTheList() {
        String text = "Signed,\nAccess Now\nArticle 19\nhttps://example.org/paper.pdf; Glenn Smith,\n\u201cA Study of Filters\u201d, The Journal\n(December 30, 2017)\n"
                + "ernments/ (removal of posts by news organizations);\n14 EU Charter Arts. 7, 8, 11, 20, & 21.\nhttps://example.org/x\nBits of Freedom\nWITNESS\n";
        assertEquals(List.of("Access Now", "Article 19", "Bits of Freedom", "WITNESS"), names(SignatureBlock.find(TextLines.of(text), 0)));
    }

    @Test
    void endsListWhereAnAttachedDocumentBegins() {
        String text = "Sincerely,\nAccess Now\nFree Press\nAttachment\nTo the leaders of the world\u2019s governments,\nWe urge you to protect the security of your citizens.\n";
        assertEquals(List.of("Access Now", "Free Press"), names(SignatureBlock.find(TextLines.of(text), 0)));
    }

    @Test
    void skipsCountLineEmailsHandlesAndDates() {
        String text = "Sincerely,\n83 civil society organizations and eminent individuals (listed below)\nAccess Now\njane@example.org\n"
                + "3 de mayo de 2025\nX: @SomeHandle Bsky: @handle.bsky.social\nTech@NYU\n";
        assertEquals(List.of("Access Now", "Tech@NYU"), names(SignatureBlock.find(TextLines.of(text), 0)));
    }

    @Test
    void joinsLinesWrappedFromTheEntryAbove() {
        String text = "Individuals\nBrian Roe | Executive Director, Hyperledger, at the Linux\nFoundation\nJane Doe | Lecturer, University\nof St. Gallen\n"
                + "Catalina Botero, in an individual capacity (Former Rapporteur of Freedom of\nExpression of the Organization of American States)\nAmy Poe | Writer\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Brian Roe", "Jane Doe", "Catalina Botero", "Amy Poe"), names(b));
    }

    @Test
    void groupsNamePositionAndOrganizationIntoOnePerson() {
        String text = "Yours sincerely\nLizzie Roe\nChair,\nDigital Rights Watch\nJustin Doe\nChair,\nElectronic Frontiers Australia\nProfessor Jo Weaver\nDirector,\nTech Policy Design Centre\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Lizzie Roe", "Justin Doe", "Professor Jo Weaver"), names(b));
        assertEquals("Chair", b.signers().get(1).title());
        assertEquals("Electronic Frontiers Australia", b.signers().get(1).affiliation());
        assertEquals(Signer.Kind.person, b.signers().get(2).kind());
    }

    @Test
    void positionWithOrganizationAndCapacityLineStayWithTheSigner() {
        String text = "Atentamente,\nDeborah Roe\nFacilitadora, Red Global Nuestro Mundo (OWINFS)\nEn nombre de nuestros miembros\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Deborah Roe"), names(b));
        assertEquals("Red Global Nuestro Mundo (OWINFS)", b.signers().get(0).affiliation());
    }

    @Test
    void splitsTwoSignaturesSideBySide() {
        String text = "Sincerely,\nHugh de Kretser Lucie Krahulcova\nExecutive Director Executive Director\nHuman Rights Law Centre Digital Rights Watch\n"
                + "hugh@example.org.au lucie@example.org.au\n";
        SignatureBlock b = SignatureBlock.find(TextLines.of(text), 0);
        assertEquals(List.of("Hugh de Kretser", "Lucie Krahulcova"), names(b));
        assertEquals("Human Rights Law Centre", b.signers().get(0).affiliation());
        assertEquals("Digital Rights Watch", b.signers().get(1).affiliation());
    }

    @Test
    void dropsARepeatedUnnumberedEntryButKeepsNumberedOnes() {
        assertEquals(List.of("Access Now", "Rubberband Studio", "Free Press"),
                names(SignatureBlock.find(TextLines.of("Signed,\n- Access Now\n- Rubberband Studio\n- Free Press\n- Rubberband Studio\n"), 0)));
        assertEquals(List.of("War on Want", "Attac", "War on Want"),
                names(SignatureBlock.find(TextLines.of("Signatories\n1. War on Want\n2. Attac\n3. War on Want\n"), 0)));
    }

    @Test
    void initialsAndTitlesAreNoSentenceEnd() {
        String text = "Signed,\n* Randy Roe *former IESG*\n* Dr. Brian E. Carpenter *former Group Leader, Communication Systems, CERN; former IAB chair; "
                + "former ISOC BoT chair; former IETF chair; former member of many boards*\n* Vint Poe *Internet Pioneer*\n";
        assertEquals(List.of("Randy Roe", "Dr. Brian E. Carpenter", "Vint Poe"), names(SignatureBlock.find(TextLines.of(text), 0)));
    }

    @Test
    void peopleWhoShareANameAreAllKept() {
        assertEquals(List.of("Nguyen Okafor", "Amara Sharma", "Nguyen Okafor"),
                names(SignatureBlock.find(TextLines.of("Yours sincerely,\nNguyen Okafor\nAmara Sharma\nNguyen Okafor\n"), 0)));
    }
}
