package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.junit.jupiter.api.Test;
import org.letterarchive.extract.LineLabeller.Labelled;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.LineLabeller.TaggedLetter;
import org.letterarchive.extract.TextLines.Line;

/**
 * The line model learns from tagged letters and tags a letter it has not seen; the shipped model reads
 * an invented sign-on letter end to end.
 */
class LineLabellerTest {

    private static final String[] ORGS = {"River Keepers Alliance", "Coalition for Clean Air", "Tenants United", "Open Valley Network",
        "Seed Savers Union", "Bike Riders League", "Forest Friends Foundation", "Harbor Workers Council", "Youth for Climate",
        "Data Rights Institute", "Community Gardens Trust", "Public Transit Alliance"};

    private static TaggedLetter letter(String publisher, int seed, int signers) {
        List<Line> lines = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        add(lines, tags, "Open letter on the river plan number " + seed, Tag.TITLE);
        add(lines, tags, "March " + (seed % 27 + 1) + ", 2021", Tag.DATE);
        add(lines, tags, "Dear Minister Roe,", Tag.ADDRESSEE);
        add(lines, tags, "We write to you about the plan for the river, which was announced last week without any consultation. "
                + "The people who live by the river have asked for a hearing many times.", Tag.OTHER);
        add(lines, tags, "We ask you to stop the plan until the hearing has taken place, and to publish every study that was made for it.",
                Tag.OTHER);
        add(lines, tags, "Sincerely,", Tag.OTHER);
        for (int k = 0; k < signers; k++) add(lines, tags, ORGS[(seed + k) % ORGS.length], Tag.SIGNER);
        return new TaggedLetter("letter-" + seed, publisher, lines, tags.toArray(new Tag[0]));
    }

    private static void add(List<Line> lines, List<Tag> tags, String text, Tag tag) {
        lines.add(new Line(text, text));
        tags.add(tag);
    }

    @Test
    void learnsWhereSignersStandAndTagsAnUnseenLetter() {
        List<TaggedLetter> training = new ArrayList<>();
        for (int i = 0; i < 12; i++) training.add(letter("publisher-" + (i % 4), i, 3 + i % 5));
        LineLabeller model = LineLabeller.train(training);
        TaggedLetter unseen = letter("another", 40, 6);
        Labelled l = model.label(unseen.lines());
        long signers = Arrays.stream(l.tags()).filter(t -> t == Tag.SIGNER).count();
        assertEquals(6, signers, Arrays.toString(l.tags()));
        assertEquals(Tag.OTHER, l.tags()[3]);
        for (double c : l.confidence()) assertTrue(c >= 0 && c <= 1);
    }

    @Test
    void theShippedModelReadsAnInventedLetter() {
        String text = "Open letter on the harbor\n\nJune 3, 2022\n\nDear Mayor Lopez,\n\n"
                + "We, the undersigned organisations, write to ask the city to keep the harbor open to the public. The plan to close it "
                + "was made without hearing the people who work there. We ask you to withdraw it.\n\nSincerely,\n\n"
                + "Harbor Workers Council\nCoalition for Clean Air (CCA)\nYouth for Climate, Chile\nData Rights Institute\n";
        var letter = new LetterAnalyzer().analyze(new ParsedDocument(text, "text/plain", null, false, null), "x", "x.txt");
        assertEquals(List.of("Harbor Workers Council", "Coalition for Clean Air", "Youth for Climate", "Data Rights Institute"),
                letter.signers().stream().map(s -> s.name()).toList());
        assertEquals("CCA", letter.signers().get(1).acronym());
        assertEquals("Chile", letter.signers().get(2).location());
        assertEquals(java.time.LocalDate.of(2022, 6, 3), letter.date());
        assertEquals("Open letter on the harbor", letter.title());
    }

    private static List<String> signersOf(String text) {
        var letter = new LetterAnalyzer().analyze(new ParsedDocument(text, "text/plain", null, false, null), "x", "x.txt");
        return letter.signers().stream().map(s -> s.name()).toList();
    }

    private static final String BODY = "Dear Minister,\n\nWe, the undersigned organisations, write to ask the ministry to keep the river "
            + "open to the public. The plan to close it was made without hearing the people who live there. We ask you to withdraw it.\n\n";

    @Test
    void aShortListOfNamesClosedByAndUnderItsAnnouncementNamesSigners() {
        assertEquals(List.of("River Keepers Network", "Coalition for Clean Water", "Unión de Pescadores del Sur"),
                signersOf(BODY + "Signed by:\n\nRiver Keepers Network, Coalition for Clean Water and Unión de Pescadores del Sur.\n"));
        // the last two names joined by "and" are read each as a name of its own length
        assertEquals(List.of("Servicio de Ejemplos \"Valle\"", "Example Policy Project \"Paso del Ejemplo\"", "Consejo de Economía del Ejemplo \"Río\" Valle Alto"),
                signersOf(BODY + "Signed by:\n\nServicio de Ejemplos \"Valle\", Example Policy Project \"Paso del Ejemplo\" and "
                        + "Consejo de Economía del Ejemplo \"Río\" Valle Alto.\n"));
        // one person and where she works is one signer, not three
        assertEquals(1, signersOf(BODY + "Signed by:\n\nJane Example, Harbor University and Delta Research Centre\n").size());
    }

    @Test
    void aMarkdownTableUnderTheClosingLineIsTheSignatureBlock() {
        String table = "Sincerely,\n\n| Name | Category | Year |\n|---|---|---|\n| River Keepers Network | Organization | 2005 |\n"
                + "| Coalition for Clean Water | Organization | 1998 |\n| Delta Research Centre | Organization | 2011 |\n";
        assertEquals(List.of("River Keepers Network", "Coalition for Clean Water", "Delta Research Centre"), signersOf(BODY + table));
    }

    @Test
    void aTableUnderAClosingWithoutPunctuationIsTheSignatureBlock() {
        String table = "Signed\n\n| Name | Category | Year |\n|---|---|---|\n| River Keepers Network | Organization | 2005 |\n"
                + "| Coalition for Clean Water | Organization | 1998 |\n| Delta Research Centre | Organization | 2011 |\n";
        assertEquals(List.of("River Keepers Network", "Coalition for Clean Water", "Delta Research Centre"), signersOf(BODY + table));
    }

    @Test
    void aSingleSignersBlockIsTheNameAndThePersonsDetails() {
        var letter = new LetterAnalyzer().analyze(new ParsedDocument(BODY + "Respectfully,\n\nJane Example\nExecutive Director\nRiver Keepers Network\n",
                "text/plain", null, false, null), "x", "x.txt");
        assertEquals(List.of("Jane Example"), letter.signers().stream().map(s -> s.name()).toList());
        assertEquals("Executive Director", letter.signers().get(0).title());
        assertEquals("River Keepers Network", letter.signers().get(0).affiliation());
        List<Line> block = List.of(new Line("Jane Example", "Jane Example"), new Line("Executive Director", "Executive Director"),
                new Line("River Keepers Network", "River Keepers Network"));
        assertTrue(LineLabeller.onePersonsBlock(block, 0, 2));
        // three people are three signers
        List<Line> people = List.of(new Line("Jane Example", "Jane Example"), new Line("John Roe Example", "John Roe Example"),
                new Line("Mary Example", "Mary Example"));
        assertFalse(LineLabeller.onePersonsBlock(people, 0, 2));
    }

    @Test
    void signersAboveCopiedAddresseesAreReadAsTheEndOfTheLetter() {
        String text = BODY + "Sincerely,\n\nRiver Keepers Network\nCoalition for Clean Water\nTenants United\n\ncc:\n"
                + "Jane Example, Minister of the Interior\nJohn Example, Mayor of Springfield\n";
        assertEquals(List.of("River Keepers Network", "Coalition for Clean Water", "Tenants United"), signersOf(text));
        assertEquals(6, LineLabeller.copiesAtEnd(TextLines.of(text)));
        assertEquals(-1, LineLabeller.copiesAtEnd(TextLines.of(BODY + "Sincerely,\n\nRiver Keepers Network\n")));
    }

    @Test
    void headingsOverGroupsOfSignersAreNoSigners() {
        String text = BODY + "Sincerely,\n\nORGANIZATIONS\n\nRiver Keepers Network (RKN)\nCoalition for Clean Water\nTenants United of Springfield\n\n"
                + "Local Associations\n\nData Rights Institute (DRI)\nPublic Transit Alliance\n";
        List<String> signers = signersOf(text);
        assertFalse(signers.contains("ORGANIZATIONS"), signers.toString());
        assertFalse(signers.contains("Local Associations"), signers.toString());
        assertTrue(signers.containsAll(List.of("Coalition for Clean Water", "Data Rights Institute")), signers.toString());
        Line entry = new Line("River Keepers Network", "River Keepers Network", true);
        assertTrue(LineLabeller.headingShape(new Line("INDIVIDUALS", "INDIVIDUALS", true), LineFeatures.UNMARKED, entry, LineFeatures.UNMARKED, true));
        assertTrue(LineLabeller.headingShape(new Line("Signed by:", "Signed by:"), LineFeatures.UNMARKED, entry, LineFeatures.UNMARKED, true));
        assertTrue(LineLabeller.headingShape(new Line("Regional", "Regional"), LineFeatures.UNMARKED,
                new Line("12. River Keepers Network", "12. River Keepers Network"), LineFeatures.NUMBERED, true));
        // an acronym standing for an organisation, an organisation's name and a person's name in capitals are entries
        assertFalse(LineLabeller.headingShape(new Line("JANE EXAMPLE", "JANE EXAMPLE", true), LineFeatures.UNMARKED,
                new Line("Governor of the Example Province", "Governor of the Example Province", true), LineFeatures.UNMARKED, true));
        // nor a line in capitals among entries each in a paragraph of its own, nor a bulleted one
        assertFalse(LineLabeller.headingShape(new Line("EXAMPLEFUND", "EXAMPLEFUND", true), LineFeatures.UNMARKED, entry, LineFeatures.UNMARKED, false));
        assertFalse(LineLabeller.headingShape(new Line("- EXAMPLEFUND", "- EXAMPLEFUND", true), LineFeatures.UNMARKED, entry, LineFeatures.UNMARKED, true));
        assertFalse(LineLabeller.headingShape(new Line("ACLU", "ACLU", true), LineFeatures.UNMARKED, entry, LineFeatures.UNMARKED, true));
        assertFalse(LineLabeller.headingShape(new Line("Tenants United", "Tenants United", true), LineFeatures.UNMARKED, entry, LineFeatures.UNMARKED, true));
    }

    @Test
    void theLinesOfABlockOfEntriesAreReadForEntriesToo() {
        List<Line> lines = TextLines.of(BODY + "River Keepers Network (RKN)\nCoalition for Clean Water Inc. (CCW), Springfield, IL\nTenants United of Springfield\n"
                + "\nSincerely,\nData Rights Institute (DRI)\nPublic Transit Alliance of Springfield\nSeed Savers Union\n\nThe force of the example\nExample Fund\n");
        Tag[] tags = new Tag[lines.size()];
        Arrays.fill(tags, Tag.OTHER);
        // the model read all entries as such but the first of the first block and the last of the second
        for (int i : new int[] {3, 4, 6, 7, 10}) tags[i] = Tag.SIGNER;
        // those two are candidates; a closing ("Sincerely,") and a line of running text are not
        assertEquals(List.of(2, 8), LineLabeller.blockEntryCandidates(lines, new LineFeatures.Shapes(lines).marks(lines.size()), tags));
        // a footnote opening with its number above entries that open with none is no entry
        List<Line> notes = TextLines.of(BODY + "3 Example Studios v. Example, 429 F.3d 445 (2000)\nExample v. Doe, 481 F.3d 484 (2000)\n");
        Tag[] noteTags = {Tag.OTHER, Tag.OTHER, Tag.OTHER, Tag.SIGNER};
        assertEquals(List.of(), LineLabeller.blockEntryCandidates(notes, new LineFeatures.Shapes(notes).marks(notes.size()), noteTags));
        assertTrue(LineLabeller.nameLike("1. Council on Example Rights of the Valley (CERV)"));
        assertTrue(LineLabeller.nameLike("● Example Fund"));
        assertTrue(LineLabeller.nameLike("Asociación para Ejemplos Comunitarios \"Valle\", Springfield"));
        assertFalse(LineLabeller.nameLike("Examples and other questions"));
        assertFalse(LineLabeller.nameLike("The force of the example"));
    }

    @Test
    void aParagraphThatIsAPersonsWholeEntryOpensAnEntry() {
        String text = BODY + "Sincerely,\n\nJane Example, Professor of Law, Example State University\n\nJohn Example, Senior Lecturer, University of Springfield\n\n"
                + "Mary Example, Coordinator, Example Institute of Social Studies\n";
        assertEquals(List.of("Jane Example", "John Example", "Mary Example"), signersOf(text));
    }

    @Test
    void aParagraphOfNamesBetweenSemicolonsUnderItsAnnouncementNamesSigners() {
        String text = "Nota pública sobre o exemplo\n"
                + "As organizações abaixo repudiam a proposta de lei que fere os direitos de todas as pessoas da cidade de exemplo. "
                + "A proposta foi apresentada sem consulta e deve ser retirada imediatamente pelo conselho municipal.\n"
                + "Assinam esta nota:\n"
                + "ABX - Associação Brasileira de Exemplos; Fórum Exemplar de Direitos; GEX/UNX - Grupo de Estudos Exemplares; "
                + "Rede Nacional de Amostras; Coletivo Modelo da Cidade\n";
        var lines = TextLines.of(text);
        var labelled = LineLabeller.shipped().label(lines);
        assertEquals(LineLabeller.Tag.SIGNERS, labelled.tags()[lines.size() - 1]);
        assertTrue(LineLabeller.namesList(lines.get(lines.size() - 1).clean()));
        assertFalse(LineLabeller.namesList("We ask three things; first, that the law be withdrawn; second, that it be debated; third, that it be voted on."));
    }

    @Test
    void anOfficeUnderAPersonsNameIsTheirTitle() {
        List<TextLines.Line> lines = TextLines.of("MARA QUILL\nGovernadora do Estado de Exemplo\nTEO BRANDT\nGovernador do Estado do Modelo\nLea Morn\nMinistra de Águas");
        LineLabeller.Tag[] tags = new LineLabeller.Tag[lines.size()];
        java.util.Arrays.fill(tags, LineLabeller.Tag.SIGNER);
        LineLabeller.officesUnderNames(lines, tags);
        assertEquals(List.of(LineLabeller.Tag.SIGNER, LineLabeller.Tag.DETAIL, LineLabeller.Tag.SIGNER, LineLabeller.Tag.DETAIL,
                LineLabeller.Tag.SIGNER, LineLabeller.Tag.DETAIL), List.of(tags));
        // one such pair alone is left as the model read it: an organisation may be named for an office
        lines = TextLines.of("MARA QUILL\nGovernadora do Estado de Exemplo\nRiver Friends");
        tags = new LineLabeller.Tag[] {LineLabeller.Tag.SIGNER, LineLabeller.Tag.SIGNER, LineLabeller.Tag.SIGNER};
        LineLabeller.officesUnderNames(lines, tags);
        assertEquals(LineLabeller.Tag.SIGNER, tags[1]);
    }

    @Test
    void aTablesFirstRowNamingAColumnOfPlacesIsItsHeader() {
        var table = TextLines.of("Organisation | Country\nSeed Savers Collective | Kenya\nFarmers' Union of the North | Ghana\nRed de Semillas Libres | Colombia\n");
        assertTrue(LineLabeller.headerRow(table, 0, 3));
        var rows = TextLines.of("Seed Savers Collective | Kenya\nFarmers' Union of the North | Ghana\nRed de Semillas Libres | Colombia\n");
        assertFalse(LineLabeller.headerRow(rows, 0, 2), "a first row that is a place over places is a row like the others");
    }

    @Test
    void copiesForTheRecordInSpanishAreCopiedAddressees() {
        String text = BODY + "Atentamente,\n\nRed de Pacientes Unidos\nColectivo Salud Digna\nFundación Agua Viva\n\n"
                + "C.c.p. Lic. Juan Muestra, Subsecretario de Prevención\n";
        assertEquals(List.of("Red de Pacientes Unidos", "Colectivo Salud Digna", "Fundación Agua Viva"), signersOf(text));
        assertTrue(RecipientFinder.opensCopies("C.c.p. Lic. Juan Muestra, Subsecretario de Prevención"));
        assertTrue(RecipientFinder.opensCopies("c.c.p.:"));
    }

    @Test
    void aSignersOwnCapacityIsTheirsAlone() {
        String text = BODY + "Signed by the following individuals:\n\n- Jane Roe (Example University)\n- Prof. Kwame Example (University of Ghana)\n"
                + "- Ana Muestra (Instituto de Ejemplo), in a personal capacity\n";
        var letter = new LetterAnalyzer().analyze(new ParsedDocument(text, "text/plain", null, false, null), "x", "x.txt");
        assertEquals(List.of("Jane Roe", "Prof. Kwame Example", "Ana Muestra"), letter.signers().stream().map(s -> s.name()).toList());
        assertEquals("University of Ghana", letter.signers().get(1).affiliation());
        assertEquals(org.letterarchive.letter.Signer.Capacity.on_behalf, letter.signers().get(0).capacity(), "one signer's note is not the letter's");
        assertEquals(org.letterarchive.letter.Signer.Capacity.personal, letter.signers().get(2).capacity());
        assertEquals("Instituto de Ejemplo", letter.signers().get(2).affiliation());
    }

    @Test
    void aLabelWithItsListOnOneLineNamesTheSigners() {
        String text = BODY + "Supporting organisations: River Watch International, the Asian Rivers Network, Mekong Friends, "
                + "Fishers' Alliance of the Delta and the Centre for Water Justice.\n\nBangkok, 3 March 2019\n";
        assertEquals(List.of("River Watch International", "Asian Rivers Network", "Mekong Friends", "Fishers' Alliance of the Delta",
                "Centre for Water Justice"), signersOf(text));
        // copied addressees, a name with a subtitle, and a table's row are no such list
        assertEquals(null, SignerEntries.listAfterLabel("cc: Jane Roe, Minister of Examples, and John Doe, Mayor of Springfield"));
        assertEquals(null, SignerEntries.listAfterLabel("Example Equality: Citizenship, Work, and Family"));
        assertEquals(null, SignerEntries.listAfterLabel("Example Equality: Citizenship, Work, and Family | Mexico"));
    }
}
