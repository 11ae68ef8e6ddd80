package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Signer;

class SignerParserTest {

    @Test
    void takesAcronymFromBrackets() {
        Signer s = SignerParser.parse("Valley Office on Water Rights (VOWR)", false);
        assertEquals("Valley Office on Water Rights", s.name());
        assertEquals("VOWR", s.acronym());
        assertEquals(Signer.Kind.organization, s.kind());
    }

    @Test
    void keepsLegalFormAfterAcronym() {
        Signer s = SignerParser.parse("Refugio Digno México (REDIM) A.C.", false);
        assertEquals("Refugio Digno México A.C.", s.name());
        assertEquals("REDIM", s.acronym());
    }

    @Test
    void takesLocationFromBrackets() {
        Signer s = SignerParser.parse("Centro de Estudios del Agua Tierra Clara (Oaxaca, México)", false);
        assertEquals("Centro de Estudios del Agua Tierra Clara", s.name());
        assertEquals("Oaxaca, México", s.location());
    }

    @Test
    void takesTrailingCountryAsLocation() {
        Signer s = SignerParser.parse("Asociación por los Derechos Civiles (ADC), Argentina", false);
        assertEquals("Asociación por los Derechos Civiles", s.name());
        assertEquals("ADC", s.acronym());
        assertEquals("Argentina", s.location());
    }

    @Test
    void takesDashedAcronym() {
        Signer s = SignerParser.parse("Arab Digital Expression Foundation - ADEF", false);
        assertEquals("Arab Digital Expression Foundation", s.name());
        assertEquals("ADEF", s.acronym());
    }

    @Test
    void keepsAcronymWithItsExpansionAsOneName() {
        Signer s = SignerParser.parse("RIVER (Regional Initiative for Village Energy Rights), Latin America", false);
        assertEquals("RIVER (Regional Initiative for Village Energy Rights)", s.name());
        assertEquals("RIVER", s.acronym());
        assertEquals("Latin America", s.location());
    }

    @Test
    void readsPersonWithTitleAndAffiliation() {
        Signer s = SignerParser.parse("Jane Doe, Professor, University of Somewhere", false);
        assertEquals("Jane Doe", s.name());
        assertEquals(Signer.Kind.person, s.kind());
        assertEquals("Professor", s.title());
        assertEquals("University of Somewhere", s.affiliation());
    }

    @Test
    void readsBoldNameWithSlashAffiliation() {
        Signer s = SignerParser.parse("**Mara Quill** / Painter, Singer", false);
        assertEquals("Mara Quill", s.name());
        assertEquals(Signer.Kind.person, s.kind());
        assertEquals("Painter, Singer", s.affiliation());
    }

    @Test
    void readsItalicAffiliation() {
        Signer s = SignerParser.parse("* Teo Brandt *XYZ Board co-chair*", false);
        assertEquals("Teo Brandt", s.name());
        assertEquals("XYZ Board co-chair", s.affiliation());
    }

    @Test
    void readsPersonSigningOnBehalfOfOrganization() {
        Signer s = SignerParser.parse("Lea Morn, on behalf of the River Basin Network (RBN)", false);
        assertEquals("Lea Morn", s.name());
        assertEquals(Signer.Kind.person, s.kind());
        assertEquals("the River Basin Network", s.affiliation());
    }

    @Test
    void dropsClosingFullStop() {
        assertEquals("Fundación Aurora", SignerParser.parse("Fundación Aurora.", false).name());
        assertEquals("Restore The Fourth, Inc.", SignerParser.parse("Restore The Fourth, Inc.", false).name());
    }

    @Test
    void namesNobodyForEmptyEntry() {
        assertNull(SignerParser.parse(" - ", false));
    }

    @Test
    void keepsLeadingAcronymOrShortNameAsWrittenAndAsAcronym() {
        Signer riverus = SignerParser.parse("RIVERUS: Global Alliance for River Care", false);
        assertEquals("RIVERUS: Global Alliance for River Care", riverus.name());
        assertEquals("RIVERUS", riverus.acronym());
        Signer idec = SignerParser.parse("Idec - Instituto Brasileiro de Defesa do Consumidor", false);
        assertEquals("Idec - Instituto Brasileiro de Defesa do Consumidor", idec.name());
        assertEquals("Idec", idec.acronym());
    }

    @Test
    void takesPlaceAfterDashAsLocation() {
        Signer s = SignerParser.parse("Center for Water Studies \u2013 Nepal", false);
        assertEquals("Center for Water Studies", s.name());
        assertEquals("Nepal", s.location());
    }

    @Test
    void hyphenWithoutSpacesIsPartOfTheName() {
        assertEquals("A CONTRE-VENT", SignerParser.parse("A CONTRE-VENT", false).name());
        assertEquals("Council on Latino-Asian Relations-NYC", SignerParser.parse("Council on Latino-Asian Relations-NYC", false).name());
    }

    @Test
    void commasInsideBracketsAndSubunitsKeepTheNameWhole() {
        // a bracket closing the entry describes it and is no part of the name; inside the name it stays
        assertEquals("Coletivo Aurora", SignerParser.parse("Coletivo Aurora (sa\u00fade, moradia, g\u00eanero)", false).name());
        assertEquals("Friends (of the Valley) Trust", SignerParser.parse("Friends (of the Valley) Trust", false).name());
        assertEquals("Green Workers of Canada, Regional Committee, Water and Land",
                SignerParser.parse("Green Workers of Canada, Regional Committee, Water and Land", false).name());
    }

    @Test
    void mendsTypingSlipsInBrackets() {
        Signer s = SignerParser.parse("Direcci\u00f3n de Telecomunicaciones de la Universidad (DTES-ULA, Venezulea()", false);
        assertEquals("Direcci\u00f3n de Telecomunicaciones de la Universidad", s.name());
    }

    @Test
    void takesAcronymAfterCommaOffTheName() {
        Signer s = SignerParser.parse("Red en defensa de los derechos digitales, R3D (M\u00e9xico)", false);
        assertEquals("Red en defensa de los derechos digitales", s.name());
        assertEquals("R3D", s.acronym());
        assertEquals("M\u00e9xico", s.location());
    }

    @Test
    void cutsShortCodesAndPlacesJoinedByADashOrASlash() {
        Signer dash = SignerParser.parse("Grupo de Ejemplo Nunca Más – Provincia", false);
        assertEquals("Grupo de Ejemplo Nunca Más", dash.name());
        assertEquals("Provincia", dash.location());
        Signer code = SignerParser.parse("Consejo de Ejemplos de Villanueva - CONSEJ Villanueva", false);
        assertEquals("Consejo de Ejemplos de Villanueva", code.name());
        assertEquals("CONSEJ Villanueva", code.acronym());
        Signer slash = SignerParser.parse("Instituto de la Clase Ejemplar/PR", false);
        assertEquals("Instituto de la Clase Ejemplar", slash.name());
        Signer slashed = SignerParser.parse("Centro de Estudios Ejemplares CEE/UNIEX", false);
        assertEquals("Centro de Estudios Ejemplares", slashed.name());
        assertEquals("CEE/UNIEX", slashed.acronym());
    }

    @Test
    void keepsCodesThatArePartOfTheName() {
        assertEquals("Example Network of People Living with HIV/AIDS", SignerParser.parse("Example Network of People Living with HIV/AIDS", false).name());
        assertEquals("Comisión de Derechos de la ABC/XY", SignerParser.parse("Comisión de Derechos de la ABC/XY", false).name());
        assertEquals("Sisters of Example of the Valley - Institute Justice Team",
                SignerParser.parse("Sisters of Example of the Valley - Institute Justice Team", false).name());
    }

    @Test
    void readsBoldNamesInListsLettersAfterNamesAndBusinessesNamedForPeople() {
        Signer bold = SignerParser.parse("- **Carla del Ejemplo Modelo** Política Sectorial y Sostenibilidad", true);
        assertEquals("Carla del Ejemplo Modelo", bold.name());
        Signer guild = SignerParser.parse("Jane Q. Roe BFS, Editor of \u2018An Example,\u2019 Feature Film", true);
        assertEquals("Jane Q. Roe", guild.name());
        Signer business = SignerParser.parse("Eric Q. Example, Photographer, LLC", false);
        assertEquals("Eric Q. Example, Photographer, LLC", business.name());
        assertEquals(Signer.Kind.organization, business.kind());
    }

    @Test
    void aLegalFormClosingAPersonsEntryBelongsToTheOrganisationBeforeIt() {
        Signer s = SignerParser.parse("Jane Example, Fund for the Western Valley Rivers, LLC", false);
        assertEquals("Jane Example", s.name());
        assertEquals(Signer.Kind.person, s.kind());
        assertEquals("Fund for the Western Valley Rivers, LLC", s.affiliation());
        // a business named for the person stays one name
        assertEquals(Signer.Kind.organization, SignerParser.parse("Eric Q. Example, Photographer, LLC", false).kind());
    }

    @Test
    void readsATownWithParticlesAfterADashAndRegionInitialsAsLocation() {
        Signer town = SignerParser.parse("Friends of the Valley Rivers ASBL – San Martín de los Ejemplos", false);
        assertEquals("Friends of the Valley Rivers ASBL", town.name());
        assertEquals("San Martín de los Ejemplos", town.location());
        Signer initials = SignerParser.parse("Alliance for Example Rivers Inc., Springfield, N.X.", false);
        assertEquals("Alliance for Example Rivers Inc.", initials.name());
        assertEquals("Springfield, N.X.", initials.location());
        Signer legalLike = SignerParser.parse("Alliance for Example Rivers Inc., Springfield, B.C.", false);
        assertEquals("Alliance for Example Rivers Inc.", legalLike.name());
        assertEquals("Springfield, B.C.", legalLike.location());
        Signer comma = SignerParser.parse("Council on Example Rights \"Valley\", San Martín de los Ejemplos", false);
        assertEquals("Council on Example Rights \"Valley\"", comma.name());
        assertEquals("San Martín de los Ejemplos", comma.location());
        // an organisation's name after a dash is no town
        assertEquals("Example Church - General Board of the Valley", SignerParser.parse("Example Church - General Board of the Valley", false).name());
        assertFalse(SignerParser.townName("Centro del Valle"));
        assertTrue(SignerParser.townName("San Martín de los Ejemplos"));
    }

    @Test
    void readsTownAndRegionAfterNameAsLocation() {
        Signer s = SignerParser.parse("Friends of the River (FR) – Springfield, IL", false);
        assertEquals("Friends of the River", s.name());
        assertEquals("FR", s.acronym());
        assertEquals("Springfield, IL", s.location());
        assertEquals("Lyon, France", SignerParser.parse("Example Water Alliance, Lyon, France", false).location());
        // a person's title and employer are no town and region
        assertEquals(Signer.Kind.person, SignerParser.parse("Jane Example, Director, Example Fund", false).kind());
    }

    @Test
    void aSurnameSharedWithAWordOfALegalFormsNameIsStillAPerson() {
        Signer s = SignerParser.parse("Alicia Morales, Research Fellow, Institute of Social Studies", false);
        assertEquals(Signer.Kind.person, s.kind());
        assertEquals("Alicia Morales", s.name());
    }

    @Test
    void tellsAnOfficeFromTheBodyItIsOf() {
        Signer dash = SignerParser.withOffice(SignerParser.parse("Jane Roe – Executive Director of the Example Rivers Fund", false));
        assertEquals("Jane Roe", dash.name());
        assertEquals("Executive Director", dash.title());
        assertEquals("Example Rivers Fund", dash.affiliation());
        Signer comma = SignerParser.withOffice(Signer.person("Ana Pérez", "Vice Presidenta, Red de Ejemplo"));
        assertEquals("Vice Presidenta", comma.title(), "an office qualified by a capitalised word");
        assertEquals("Red de Ejemplo", comma.affiliation());
        Signer joined = SignerParser.withOffice(Signer.organization("Jean Exemple Président du Consortium Exemple"));
        assertEquals(Signer.Kind.person, joined.kind(), "a person's name with their office after it, on one line");
        assertEquals("Jean Exemple", joined.name());
        assertEquals("Président", joined.title());
        assertEquals("Consortium Exemple", joined.affiliation());
    }

    @Test
    void aShortPositionBeforeTheBodyIsTheTitle() {
        Signer s = SignerParser.withOffice(Signer.person("John Example", "Campaigns Manager, Coal Free Future"));
        assertEquals("Campaigns Manager", s.title());
        assertEquals("Coal Free Future", s.affiliation());
        // a body before a comma, a place after it, or a legal form, is no position and its body
        Signer body = Signer.person("Jane Roe", "Example University, Department of Physics");
        assertEquals(body, SignerParser.withOffice(body));
        Signer place = Signer.person("Jane Roe", "Field Organizer, Argentina");
        assertEquals(place, SignerParser.withOffice(place));
        Signer business = Signer.person("Jane Roe", "Photographer, LLC");
        assertEquals(business, SignerParser.withOffice(business));
        // an organisation's name is split only by the list of offices: "Example Productions, LLC" stays whole
        Signer firm = Signer.organization("Astonishing Example Productions, LLC");
        assertEquals(firm, SignerParser.withOffice(firm));
    }

    @Test
    void leavesWhatNoOfficeOpensAsItIs() {
        Signer unit = Signer.person("Jane Roe", "Director of communications");
        assertEquals(unit, SignerParser.withOffice(unit), "no body after the office: a title alone");
        Signer org = Signer.organization("Friends of the Valley Director Fund");
        assertEquals(org, SignerParser.withOffice(org));
        Signer titled = Signer.person("Jane Roe", "Example Fund").withTitle("Chair of the Board");
        assertEquals(titled, SignerParser.withOffice(titled));
    }

    @Test
    void takesAnAcronymAfterADashWhenItIsTheInitials() {
        Signer spaced = SignerParser.parse("Núcleo de Apoio Jurídico Exemplar – NAJE (UFEX)", false);
        assertEquals("Núcleo de Apoio Jurídico Exemplar", spaced.name());
        assertEquals("NAJE", spaced.acronym());
        Signer joined = SignerParser.parse("Alliance for Clean Rivers in East Africa-ACREA", false);
        assertEquals("Alliance for Clean Rivers in East Africa", joined.name());
        assertEquals("ACREA", joined.acronym());
        Signer mixed = SignerParser.parse("Centro Acadêmico de Exemplo – CAEx", false);
        assertEquals("Centro Acadêmico de Exemplo", mixed.name());
        assertEquals("CAEx", mixed.acronym());
        // a word after a dash that is not the initials stays in the name
        assertEquals("Third Example Network-Africa", SignerParser.parse("Third Example Network-Africa", false).name());
    }

    @Test
    void aPersonWithTheirBodyInBrackets() {
        Signer s = SignerParser.parse("Jane Roe (Example University)", false);
        assertEquals(Signer.Kind.person, s.kind());
        assertEquals("Example University", s.affiliation());
        // an acronym, a place, or a bracket naming no body, is not a person's body
        assertEquals("River Keepers Alliance", SignerParser.parse("River Keepers Alliance (RKA)", false).name());
        assertEquals(Signer.Kind.organization, SignerParser.parse("Seed Savers Kenya (Nairobi, Kenya)", false).kind());
        assertEquals(Signer.Kind.organization, SignerParser.parse("Internet Sans Exemple (Internet Beyond Examples)", false).kind());
    }
}
