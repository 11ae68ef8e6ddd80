package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.extract.TextLines.Line;

class TextLinesTest {

    private static List<String> clean(String text) {
        return TextLines.of(text).stream().map(Line::clean).toList();
    }

    @Test
    void readsPlainTextColumnsAsTheCellsOfARow() {
        assertEquals(List.of("The Hon. Mara Quill | Hon. Teo Brandt", "Minister for Rivers | Attorney General"),
                clean("The Hon. Mara Quill        Hon. Teo Brandt\nMinister for Rivers\t\tAttorney General"));
    }

    @Test
    void keepsSentenceSpacingAndListMarkersAsText() {
        // two spaces after a full stop are no column gap; nor is the gap after a list marker
        assertEquals(List.of("We write. We ask.", "- Stop the dam now.", "2. Publish the study."),
                clean("We write.  We ask.\n-   Stop the dam now.\n2.  Publish the study."));
    }
}
