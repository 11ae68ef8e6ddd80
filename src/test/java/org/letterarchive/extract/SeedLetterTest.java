package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** The project's seed letter: six addressees in a "To:" block and 27 signing organizations. */
class SeedLetterTest {

    @Test
    void seedLetterYieldsItsRecipientsAndSignerOrganizations() throws Exception {
        Path file = SharedLetters.dir().resolve("letters").resolve("seed-2018-09-14-safe-third-country.txt");
        Letter l = new LetterExtractor().extract(Files.readAllBytes(file), file.getFileName().toString());
        assertEquals(6, l.recipients().size());
        assertTrue(l.recipients().stream().anyMatch(r -> r.name().equals("Michael Pompeo") && r.role().equals("Secretary of State")));
        assertEquals(27, l.signers().size());
        assertTrue(l.signers().stream().allMatch(Signer::isOrganization));
        Set<String> acronyms = l.signers().stream().map(Signer::acronym).filter(Objects::nonNull).collect(Collectors.toSet());
        assertTrue(acronyms.containsAll(Set.of("WOLA", "KIND", "LAWG", "IMUMI", "CARECEN", "AAMX")), acronyms.toString());
        assertEquals(LocalDate.of(2018, 9, 14), l.date());
        assertEquals("en", l.language());
        assertTrue(l.recipients().stream().map(Recipient::name).noneMatch(n -> n.contains("Sept")));
    }
}
