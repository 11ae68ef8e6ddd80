package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.letter.Recipient;

/** How the addressees the line model tags and those the grammar reads are joined into one list. */
class RecipientMergeTest {

    private static Recipient r(String name, String role) {
        return new Recipient(name, role, null, false, 0.9);
    }

    private static List<String> labels(List<Recipient> rs) {
        return rs.stream().map(Recipient::label).toList();
    }

    @Test
    void theBodyTheAddressBlockNamesWinsOverTheGroupTheGreetingNames() {
        Recipient greeting = r("Members of the Valley River Commission", null);
        List<Recipient> out = LetterAnalyzer.recipients(List.of(greeting), List.of(r("V.R. Commission", null)), List.of(greeting));
        assertEquals(List.of("V.R. Commission"), labels(out));
        // a group the address block does not name stays
        out = LetterAnalyzer.recipients(List.of(greeting), List.of(), List.of(greeting));
        assertEquals(List.of("Members of the Valley River Commission"), labels(out));
    }

    @Test
    void aLineCutFromAGridWhoseWordsAreTheOfficesBesideItIsNoAddressee() {
        List<Recipient> tagged = List.of(r("North Shore South Hills", null));
        List<Recipient> ruled = List.of(r("Hon. Mara Quill", "Minister for Rivers, North Shore"), r("Hon. Teo Brandt", "Minister for Roads, South Hills"));
        assertEquals(List.of("Hon. Mara Quill", "Hon. Teo Brandt"), labels(LetterAnalyzer.recipients(tagged, ruled, List.of())));
        // a body whose words are not all in those offices stays
        tagged = List.of(r("North Shore Ferry Board", null));
        assertEquals(3, LetterAnalyzer.recipients(tagged, ruled, List.of()).size());
    }
}
