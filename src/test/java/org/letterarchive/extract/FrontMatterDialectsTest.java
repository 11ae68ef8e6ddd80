package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Front matter in the dialects static-site tools write, and dates written the ways letters write them. */
class FrontMatterDialectsTest {

    @Test
    void yamlWithAnyDateField() {
        FrontMatter f = FrontMatter.read("---\ntitle: \"A letter: on water\"\ncreatedAt: 2023-04-05\ntags:\n - a\n---\nDear all,\n");
        assertEquals("A letter: on water", f.field("title"));
        assertEquals("2023-04-05", f.dateField());
        assertTrue(f.bodyStart() > 0);
    }

    @Test
    void tomlBetweenPlusLines() {
        String text = "+++\ntitle = 'Open letter on rivers'\ndate = 2019-02-03T10:00:00Z\ndraft = false\n+++\n\nDear Minister,\n";
        FrontMatter f = FrontMatter.read(text);
        assertEquals("Open letter on rivers", f.field("title"));
        assertEquals(LocalDate.of(2019, 2, 3), Dates.parseValue(f.dateField()));
        assertTrue(text.substring(f.bodyStart()).contains("Dear Minister"));
    }

    @Test
    void pelicanHeadersUpToABlankLine() {
        FrontMatter f = FrontMatter.read("Title: Letter to the council\nDate: 2020-11-02 10:20\nCategory: letters\n\nDear Council,\n");
        assertEquals("Letter to the council", f.field("title"));
        assertEquals(LocalDate.of(2020, 11, 2), Dates.parseValue(f.dateField()));
    }

    @Test
    void plainLinesWithColonsAreNoFrontMatter() {
        FrontMatter f = FrontMatter.read("Subject: water\nRe: the plan\n\nDear all,\n");
        assertNull(f.field("subject"));
        assertEquals(0, f.bodyStart());
    }

    @Test
    void dateLinesInSeveralLanguages() {
        assertEquals(LocalDate.of(2018, 9, 14), DateFinder.dateLine("Berlin, 14. September 2018", true));
        assertEquals(LocalDate.of(2018, 8, 21), DateFinder.dateLine("Lyon, le 21 août 2018", true));
        assertEquals(LocalDate.of(2015, 5, 6), DateFinder.dateLine("Porto Alegre 06 de maio de 2015.", true));
        assertEquals(LocalDate.of(2024, 3, 1), DateFinder.dateLine("March 1, 2024", false));
        assertNull(DateFinder.dateLine("We met on March 1, 2024 and agreed", false));
    }
}
