package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.letterarchive.search.SearchFixture.letter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.letter.Signer;

/** Facet value lists over several index segments and deleted letters agree with the search's facet counts. */
class SearchFacetListTest {

    @TempDir
    Path dir;

    @Test
    void countsAcrossSegmentsAndDeletions() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            List<String> first = SearchFixture.store(archive,
                    letter("en", "text/plain", "A", LocalDate.of(2010, 1, 1), List.of(),
                            List.of(Signer.organization("Centro Uno"), Signer.organization("Beta")), 2, "alpha"),
                    letter("es", "text/plain", "B", LocalDate.of(2011, 1, 1), List.of(),
                            List.of(Signer.organization("Centro Dos")), 1, "beta"));
            SearchFixture.store(archive, // a second commit: a second segment
                    letter("en", "text/plain", "C", LocalDate.of(2012, 1, 1), List.of(),
                            List.of(Signer.organization("Centro Uno"), Signer.organization("Centro Dos")), 2, "gamma"),
                    letter("en", "text/plain", "D", LocalDate.of(2013, 1, 1), List.of(),
                            List.of(Signer.organization("Beta")), 1, "delta"));
            FacetLister facets = archive.search().facets();
            assertEquals(Map.of("centro uno", 2L, "centro dos", 2L),
                    counts(facets.list("signer", "cen", FacetLister.Order.count, 10, null)));
            assertEquals(Map.of("centro uno", 2L, "centro dos", 1L, "beta", 2L),
                    counts(facets.list("signer", null, FacetLister.Order.count, 10, SearchRequest.of("").withFilter("language", "en"))));
            assertEquals(Map.of("centro uno", 1L, "centro dos", 1L),
                    counts(facets.list("signer", "centro", FacetLister.Order.name, 10, SearchRequest.of("gamma"))));

            archive.store().index().delete(first.get(0));
            archive.store().index().commit();
            FacetLister.Page after = facets.list("signer", null, FacetLister.Order.name, 10, null);
            assertEquals(Map.of("centro uno", 1L, "centro dos", 2L, "beta", 1L), counts(after));
            assertEquals(List.of("beta", "centro dos", "centro uno"), after.values().stream().map(SearchResult.FacetValue::value).toList());
            Map<String, Long> fromSearch = new HashMap<>();
            archive.search().search(SearchRequest.of("")).facets().get("signer").forEach(v -> fromSearch.put(v.value(), v.count()));
            assertEquals(fromSearch, counts(after));
        }
    }

    private static Map<String, Long> counts(FacetLister.Page page) {
        Map<String, Long> m = new HashMap<>();
        page.values().forEach(v -> m.put(v.value(), v.count()));
        return m;
    }
}
