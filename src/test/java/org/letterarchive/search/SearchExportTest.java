package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.letter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.letter.Signer;

/** The export stops at its cap and says so; rows follow the search's order. */
class SearchExportTest {

    @TempDir
    Path dir;

    @Test
    void capTruncatesAndSaysSo() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            List<String> ids = SearchFixture.store(archive,
                    letter("en", "text/plain", "One", LocalDate.of(2001, 1, 1), List.of(), List.of(Signer.organization("A")), 1, "one"),
                    letter("en", "text/plain", "Two", LocalDate.of(2002, 1, 1), List.of(), List.of(Signer.organization("B")), 1, "two"),
                    letter("en", "text/plain", "Three", LocalDate.of(2003, 1, 1), List.of(), List.of(Signer.organization("C")), 1, "three"));
            Exporter exporter = archive.search().exporter();
            long[] head = new long[3];
            List<String> rows = new ArrayList<>();
            Exporter.Sink sink = new Exporter.Sink() {
                @Override
                public void begin(long total, int count, boolean truncated) {
                    head[0] = total;
                    head[1] = count;
                    head[2] = truncated ? 1 : 0;
                }

                @Override
                public void row(Exporter.Row row) {
                    rows.add(row.id());
                }
            };
            exporter.export(SearchRequest.of(""), 2, sink);
            assertEquals(3, head[0]);
            assertEquals(2, head[1]);
            assertEquals(1, head[2], "truncated");
            assertEquals(List.of(ids.get(2), ids.get(1)), rows, "newest first, cut at the cap");

            rows.clear();
            exporter.export(SearchRequest.of(""), Exporter.MAX_ROWS, sink);
            assertEquals(3, head[1]);
            assertEquals(0, head[2]);
            assertEquals(3, rows.size());
            assertThrows(SearchException.class, () -> exporter.export(SearchRequest.of(""), Exporter.MAX_ROWS + 1, sink));
            SearchException bad = assertThrows(SearchException.class, () -> exporter.export(SearchRequest.of("*x"), 10, sink));
            assertTrue(bad.getMessage().contains("leading wildcards"));
            assertFalse(rows.size() > 3);
        }
    }
}
