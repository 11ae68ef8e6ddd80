package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateFinderTest {

    private static final LocalDate SEPT_14 = LocalDate.of(2016, 9, 14);

    @Test
    void readsAbbreviatedEnglishMonth() {
        assertEquals(SEPT_14, DateFinder.dateLine("Sept. 14, 2016", false));
    }

    @Test
    void readsOrdinalEnglishDate() {
        assertEquals(SEPT_14, DateFinder.dateLine("September 14th, 2016", false));
    }

    @Test
    void readsDayMonthYear() {
        assertEquals(SEPT_14, DateFinder.dateLine("14 September 2016", false));
    }

    @Test
    void readsSpanishDate() {
        assertEquals(SEPT_14, DateFinder.dateLine("14 de septiembre de 2016", true));
    }

    @Test
    void readsSpanishDateWithCityPrefix() {
        assertEquals(SEPT_14, DateFinder.dateLine("Ciudad de México, a 14 de septiembre de 2016", true));
    }

    @Test
    void readsIsoDate() {
        assertEquals(SEPT_14, DateFinder.dateLine("2016-09-14", false));
    }

    @Test
    void readsNumericDateDayFirstInSpanishLetters() {
        assertEquals(LocalDate.of(2018, 4, 3), DateFinder.dateLine("03/04/2018", true));
        assertEquals(LocalDate.of(2018, 3, 4), DateFinder.dateLine("03/04/2018", false));
    }

    @Test
    void readsClosingDateWithTrailingOccasion() {
        assertEquals(LocalDate.of(2024, 3, 22), DateFinder.dateLine("22 de marzo de 2024, Día Mundial del Agua", true));
    }

    @Test
    void ignoresDateInsideSentence() {
        assertNull(DateFinder.dateLine("The petition was started on September 29, 2015, by a coalition of groups.", false));
    }

    @Test
    void prefersTheLetterDateLineOverBodyDates() {
        var lines = TextLines.of("Dear friends,\nOn 12 March 2017 we met.\n4 February 2019\nMore text.");
        DateFinder.Result r = DateFinder.find(lines, -1, false, FrontMatter.NONE, null);
        assertEquals(LocalDate.of(2019, 2, 4), r.date());
        assertEquals("text", r.source());
    }

    @Test
    void fallsBackToFrontMatterThenFileMetadata() {
        var lines = TextLines.of("No date here at all.");
        FrontMatter fm = new FrontMatter(Map.of("date", "2017-06-02T09:15:30+00:00"), 0);
        assertEquals("front-matter", DateFinder.find(lines, -1, false, fm, null).source());
        ParsedDocument doc = new ParsedDocument("x", "application/pdf", Map.of("dcterms:created", List.of("2016-06-28T10:00:00Z")), false, List.of());
        DateFinder.Result r = DateFinder.find(lines, -1, false, FrontMatter.NONE, doc);
        assertEquals(LocalDate.of(2016, 6, 28), r.date());
        assertEquals("file-metadata", r.source());
    }
}
