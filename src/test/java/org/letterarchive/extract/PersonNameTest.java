package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One shape of a person's name for signers and recipients; only names in capitals are read differently. */
class PersonNameTest {

    private static final List<String> NAMES = List.of("Ana da Silva", "Jan van der Berg", "Dr. Jane Doe", "María José López",
            "Jane Doe Foundation", "Room 101 Committee", "Ana & Co", "Acme", "Ana Pérez Gómez Ruiz Díaz Soto");

    @Test
    void signersAndRecipientsReadNamesWrittenInMixedCaseAlike() {
        for (String n : NAMES) assertEquals(PersonName.shaped(n), RecipientFinder.personish(n), n);
        assertTrue(RecipientFinder.personish("Ana da Silva"), "a name particle in lower case");
        assertFalse(RecipientFinder.personish("Jane Doe Foundation"), "a word of an organisation's name");
    }

    @Test
    void namesInCapitalsArePeopleAmongRecipientsOnly() {
        // a signer line in capitals is far more often an organisation or an acronym; an addressee in a heading is often set in capitals
        assertFalse(PersonName.shaped("JANE DOE"));
        assertFalse(PersonName.shaped("JANE DOE", PersonName.AllCaps.REJECT));
        assertTrue(PersonName.shaped("JANE DOE", PersonName.AllCaps.ACCEPT));
        assertTrue(RecipientFinder.personish("JANE DOE"));
        assertFalse(RecipientFinder.personish("MINISTRY OF HEALTH"), "an office or body is no person, in any case");
        // initials with dots and two-letter words are no words in capitals
        assertTrue(PersonName.shaped("J.R. Doe"));
    }

    @Test
    void wordsWrittenAsBrandsAreNoNames() {
        assertFalse(PersonName.shaped("BlueWater Action"));
        assertFalse(PersonName.shaped("Stop TiSA"));
        assertFalse(PersonName.shaped("RiverKeep Kenya"));
        assertTrue(PersonName.shaped("Mary McDonald"));
        assertTrue(PersonName.shaped("Douglas MacArthur"));
        assertTrue(PersonName.shaped("DeShawn Smith-Jones"));
        assertTrue(PersonName.shaped("Conan O'Brien"));
    }
}
