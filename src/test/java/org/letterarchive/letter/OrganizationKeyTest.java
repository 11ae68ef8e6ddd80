package org.letterarchive.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Organization keys fold away the legal forms of the one ISO 20275 list, and only legal forms. */
class OrganizationKeyTest {

    @Test
    void legalFormsOfTheIsoListFoldAway() {
        // ISO 20275 forms from Sweden, France, Italy, Poland and Brazil, written as the list and as people write them
        assertEquals("nordlys digital", Organization.keyOf("Nordlys Digital AB"));
        assertEquals(Organization.keyOf("Atelier Libre"), Organization.keyOf("Atelier Libre SARL"));
        assertEquals(Organization.keyOf("Atelier Libre"), Organization.keyOf("Atelier Libre S.A.R.L."));
        assertEquals(Organization.keyOf("Verdeza"), Organization.keyOf("Verdeza S.r.l."));
        assertEquals(Organization.keyOf("Kowalski i Partnerzy"), Organization.keyOf("Kowalski i Partnerzy sp. z o.o."));
        assertEquals(Organization.keyOf("Rede Aberta"), Organization.keyOf("Rede Aberta Ltda."));
        // forms written the short way and with their dots, and one form after another
        assertEquals(Organization.keyOf("Centro Comunitario"), Organization.keyOf("Centro Comunitario AC"));
        assertEquals(Organization.keyOf("Centro Comunitario"), Organization.keyOf("Centro Comunitario A. C."));
        assertEquals(Organization.keyOf("Harbour Works"), Organization.keyOf("Harbour Works Pty. Ltd."));
    }

    @Test
    void aLegalFormThatNamesAKindOfOrganisationStaysInTheKey() {
        // "Trust", "Fund", "Society", "Association" are ISO abbreviations too, but they tell organizations apart
        assertNotEquals(Organization.keyOf("Wildlife Trust"), Organization.keyOf("Wildlife Fund"));
        assertEquals("internet society", Organization.keyOf("Internet Society"));
        assertEquals("library association", Organization.keyOf("Library Association"));
        // nor does a form the list gives only as its own name written out ("Unlimited Company", "Administration du district")
        assertNotEquals(Organization.keyOf("Open Water"), Organization.keyOf("Open Water Unlimited"));
        assertEquals("valley school district", Organization.keyOf("Valley School District"));
    }

    @Test
    void aNameThatIsOnlyALegalFormKeepsIt() {
        assertEquals("inc", Organization.keyOf("Inc."));
        assertEquals("s a", Organization.keyOf("S.A."));
        assertTrue(Organization.keyOf("").isEmpty());
    }

    @Test
    void aKeyOfTheEarlierListIsFoldedAsTheNameIsToday() {
        // the earlier list lacked "AB" and "SARL": its keys kept them
        assertEquals(Organization.keyOf("Nordlys Digital AB"), Organization.refold("nordlys digital ab"));
        assertEquals(Organization.keyOf("Atelier Libre SARL"), Organization.refold("atelier libre sarl"));
        assertEquals("wildlife trust", Organization.refold("wildlife trust"));
    }
}
