package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.extract.LineLabeller.Labelled;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Signer;

/** Signers read from tagged lines: entries, wrapped lines, details, lists, counts, repeats. */
class SignerEntriesTest {

    /** Lines written as "TAG | text". */
    private static SignerEntries read(String... tagged) {
        List<Line> lines = new ArrayList<>();
        Tag[] tags = new Tag[tagged.length];
        double[] confidence = new double[tagged.length];
        for (int i = 0; i < tagged.length; i++) {
            String[] p = tagged[i].split(" \\| ", 2);
            tags[i] = Tag.valueOf(p[0]);
            confidence[i] = 0.9;
            lines.add(new Line(p[1], TextLines.clean(p[1])));
        }
        return SignerEntries.read(lines, new Labelled(tags, confidence));
    }

    private static List<String> names(SignerEntries e) {
        return e.signers().stream().map(Signer::name).toList();
    }

    @Test
    void entriesWithAcronymsAndPlaces() {
        SignerEntries e = read("OTHER | We ask the council to act on this today, as it has promised many times before. Thank you.",
                "SIGNER | - River Keepers Alliance (RKA)", "SIGNER | - Coalición por el Agua, Bolivia", "OTHER | and 12 others");
        assertEquals(List.of("River Keepers Alliance", "Coalición por el Agua"), names(e));
        assertEquals("RKA", e.signers().get(0).acronym());
        assertEquals("Bolivia", e.signers().get(1).location());
        assertEquals(14, e.signerCount());
        assertEquals(0.9, e.signers().get(0).confidence());
    }

    @Test
    void aCountOfMoreSignersIsCountedWhateverTheModelMadeOfIt() {
        SignerEntries e = read("SIGNER | River Keepers Alliance", "SIGNER | Coalición por el Agua", "SIGNER | y 23 organizaciones más");
        assertEquals(List.of("River Keepers Alliance", "Coalición por el Agua"), names(e));
        assertEquals(25, e.signerCount());
        assertEquals(40, SignerEntries.countOfMore("and 40 others"));
        assertEquals(7, SignerEntries.countOfMore("e mais 7 organizações"));
        assertEquals(9, SignerEntries.countOfMore("…and 9 other organizations"));
        assertEquals(12, SignerEntries.countOfMore("und 12 weitere Organisationen"));
        assertEquals(3, SignerEntries.countOfMore("et 3 autres organisations"));
        // a name with a number in it counts nobody
        assertEquals(0, SignerEntries.countOfMore("350 Example Valley"));
        assertEquals(0, SignerEntries.countOfMore("Coalition of 40 groups for the river"));
    }

    @Test
    void anOrganisationUnderAnotherOneIsAnEntryOfItsOwn() {
        SignerEntries e = read("SIGNER | River Keepers Alliance (RKA)", "DETAIL | Coalition for Clean Water (CCW)", "DETAIL | Springfield, IL");
        assertEquals(List.of("River Keepers Alliance", "Coalition for Clean Water"), names(e));
        // an office under a person's name in capitals is the person's
        assertEquals(List.of("JANE EXAMPLE"), names(read("SIGNER | JANE EXAMPLE", "DETAIL | Governor of the Example Province")));
        // a name that reads as a person's, given with its acronym, is an organisation's
        SignerEntries acronym = read("SIGNER | Servicio Ejemplar de Defensa Legal (SEDL)", "DETAIL | Fundación Valle del Ejemplo");
        assertEquals(List.of("Servicio Ejemplar de Defensa Legal", "Fundación Valle del Ejemplo"), names(acronym));
        assertEquals(true, SignerEntries.namesOrganisation("Example Valley Rivers LLC"));
        assertEquals(false, SignerEntries.namesOrganisation("Springfield"));
    }

    @Test
    void copiedAddresseesClosingTheLetterSignNothing() {
        SignerEntries e = read("OTHER | Sincerely,", "SIGNER | River Keepers Alliance", "SIGNER | Tenants United", "OTHER | cc:",
                "SIGNER | Jane Example, Minister of Examples", "SIGNER | John Example, Mayor of Springfield");
        assertEquals(List.of("River Keepers Alliance", "Tenants United"), names(e));
    }

    @Test
    void aWrappedNameIsJoinedAndDetailsGoToThePerson() {
        SignerEntries e = read("SIGNER | Northern Federation of Community", "CONTINUED | Broadcasters",
                "SIGNER | Ana Ruiz Gomez", "DETAIL | Director", "DETAIL | Institute for Open Maps");
        assertEquals(List.of("Northern Federation of Community Broadcasters", "Ana Ruiz Gomez"), names(e));
        Signer ana = e.signers().get(1);
        assertEquals(Signer.Kind.person, ana.kind());
        assertEquals("Director", ana.title());
        assertEquals("Institute for Open Maps", ana.affiliation());
    }

    @Test
    void aListLineIsSplitAndARepeatedOrganisationCountsOnce() {
        SignerEntries e = read("SIGNER | River Watchers, Green Roots, Open Valley, Seed Savers Union, Tenants United and Bike Coalition.",
                "SIGNER | River Watchers");
        assertEquals(List.of("River Watchers", "Green Roots", "Open Valley", "Seed Savers Union", "Tenants United", "Bike Coalition"), names(e));
    }

    @Test
    void contactDetailsAndLinksAreNoPartOfAName() {
        SignerEntries e = read("SIGNER | - Lucia Perez Mora - [@lucia](https://example.org/lucia)", "SIGNER | - [Open Valley](https://example.org)");
        assertEquals(List.of("Lucia Perez Mora", "Open Valley"), names(e));
    }

    @Test
    void signerLinesAboveTheTextAreItsHeadWhenOthersFollowIt() {
        SignerEntries e = read("SIGNER | Jane Roe, Minister of Water",
                "OTHER | We write to you about the river. It has been polluted for years, and the people who live by it have asked the council for help many times. We ask you to act now.",
                "SIGNER | River Keepers Alliance");
        assertEquals(List.of("River Keepers Alliance"), names(e));
        assertNull(e.signers().get(0).affiliation());
    }

    @Test
    void inAListOfOrganisationsANameOverANameIsTwoOrganisations() {
        SignerEntries e = read("OTHER | We ask the council to act on this today, as it has promised many times before. Thank you.",
                "SIGNER | Coalition for Clean Air", "SIGNER | Lung Health Association", "SIGNER | Cyclists United", "DETAIL | Parents for Clean Air");
        assertEquals(List.of("Coalition for Clean Air", "Lung Health Association", "Cyclists United", "Parents for Clean Air"), names(e));
        assertEquals(Signer.Kind.organization, e.signers().get(2).kind());
        // where people are listed with where they work, the line under a name is theirs
        SignerEntries people = read("OTHER | We ask the council to act on this today, as it has promised many times before. Thank you.",
                "SIGNER | Jane Roe", "DETAIL | Example Rivers Fund", "SIGNER | Ana Pérez", "DETAIL | Clean Water Network");
        assertEquals(List.of("Jane Roe", "Ana Pérez"), names(people));
        assertEquals("Clean Water Network", people.signers().get(1).affiliation());
        // an office under the name is the person's, even in a list of organisations
        SignerEntries office = read("SIGNER | Coalition for Clean Air", "SIGNER | Lung Health Association", "SIGNER | Jane Roe", "DETAIL | Executive Director");
        assertEquals(Signer.Kind.person, office.signers().get(2).kind());
    }

    @Test
    void twoSignaturesSideBySideRunTogetherAreTwoPeople() {
        SignerEntries e = read("OTHER | We ask the council to act on this today, as it has promised many times before. Thank you.",
                "OTHER | Sincerely,", "SIGNERS | Jane van Roe Ana Pérez", "OTHER | Executive Director Executive Director",
                "OTHER | Springfield Rivers Foundation Clean Water Watch", "OTHER | jane@example.org ana@example.org");
        assertEquals(List.of("Jane van Roe", "Ana Pérez"), names(e));
        assertEquals("Executive Director", e.signers().get(1).title());
        assertEquals("Springfield Rivers Foundation", e.signers().get(0).affiliation());
        assertEquals("Clean Water Watch", e.signers().get(1).affiliation());
        SignerEntries offices = read("SIGNER | Marta Exemplo Lucas Amostra", "SIGNER | Coordenadora do Fórum Exemplo Presidente da Rede Amostra");
        assertEquals(List.of("Marta Exemplo", "Lucas Amostra"), names(offices));
        assertEquals("Presidente", offices.signers().get(1).title());
        assertEquals("Rede Amostra", offices.signers().get(1).affiliation());
        // one person with one office is one entry; a line of two names over no office is left to the entries
        assertNull(SignerEntries.Columns.of("Jane Roe", "Director of Policy and Senior Counsel", null));
        assertNull(SignerEntries.Columns.of("Jane Roe Ana Pérez", "Springfield Rivers Foundation", null));
    }
}
