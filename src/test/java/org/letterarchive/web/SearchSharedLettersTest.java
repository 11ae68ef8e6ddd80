package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.exportIds;
import static org.letterarchive.search.SearchFixture.get;
import static org.letterarchive.search.SearchFixture.ids;
import static org.letterarchive.search.SearchFixture.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.search.SearchFixture;

/**
 * The search API over the shared real letters (English and Spanish, PDF/HTML/Markdown/text, the seed letter
 * among them). The letter analysis changes, so expectations come from the API itself: totals against facet
 * counts, exports and cursors against totals, id sets against each other.
 */
class SearchSharedLettersTest {

    @TempDir
    static Path dir;
    static Archive archive;
    static int stored;

    @BeforeAll
    static void build() throws Exception {
        SearchFixture.sharedLetters();
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        stored = SearchFixture.ingestShared(archive);
    }

    @AfterAll
    static void close() throws Exception {
        if (archive != null) archive.close();
    }

    private static void api(BiConsumer<io.javalin.Javalin, HttpClient> test) {
        JavalinTest.test(WebApp.create(archive, null), test::accept);
    }

    @Test
    void emptyQueryListsEveryLetterAndTheHistogramAddsUp() {
        api((app, c) -> {
            JsonNode all = ok(c, "/api/search", "size", "100");
            assertEquals(stored, all.get("total").asInt());
            assertEquals(Math.min(stored, 100), all.get("hits").size());
            for (String q : List.of("", "rights", "derechos", "\"human rights\"", "encrypt*", "privacy OR privacidad")) {
                JsonNode r = ok(c, "/api/search", "q", q);
                int sum = 0;
                for (JsonNode b : r.get("histogram")) sum += b.get("count").asInt();
                assertEquals(r.get("total").asInt(), sum + r.get("undated").asInt(), "histogram of '" + q + "'");
            }
        });
    }

    @Test
    void phraseHitsAreASubsetOfTheWordHits() {
        api((app, c) -> {
            Set<String> words = exportIds(c, "q", "human rights");
            Set<String> phrase = exportIds(c, "q", "\"human rights\"");
            assertFalse(phrase.isEmpty(), "the shared letters speak of human rights");
            assertTrue(words.containsAll(phrase));
            Set<String> either = exportIds(c, "q", "human OR rights");
            assertTrue(either.containsAll(words));
        });
    }

    @Test
    void accentFoldingBothWays() {
        api((app, c) -> {
            Set<String> plain = exportIds(c, "q", "Mexico");
            assertEquals(plain, exportIds(c, "q", "México"));
            Set<String> es = exportIds(c, "q", "expresion");
            assertFalse(es.isEmpty(), "the Spanish letters use 'expresión'");
            assertEquals(es, exportIds(c, "q", "expresión"));
        });
    }

    @Test
    void drillSidewaysOnLanguage() {
        api((app, c) -> {
            JsonNode all = ok(c, "/api/search");
            Map<String, Integer> languages = counts(all.get("facets").get("language"));
            assertTrue(languages.size() >= 2, "English and Spanish letters: " + languages);
            String top = all.get("facets").get("language").get(0).get("value").asText();
            JsonNode picked = ok(c, "/api/search", "language", top);
            assertEquals((int) languages.get(top), picked.get("total").asInt());
            assertEquals(languages, counts(picked.get("facets").get("language")), "the selected facet keeps its counts");
            int sumYears = 0;
            for (JsonNode y : picked.get("facets").get("year")) sumYears += y.get("count").asInt();
            assertTrue(sumYears <= picked.get("total").asInt(), "other facets count only the selection");
        });
    }

    @Test
    void signerMatchAnyIsTheUnionAllTheIntersection() {
        api((app, c) -> {
            JsonNode signers = ok(c, "/api/search").get("facets").get("signer");
            assertTrue(signers.size() >= 2, signers::toString);
            String a = signers.get(0).get("value").asText();
            String b = signers.get(1).get("value").asText();
            Set<String> onlyA = exportIds(c, "signer", a);
            Set<String> onlyB = exportIds(c, "signer", b);
            assertEquals(signers.get(0).get("count").asInt(), onlyA.size());
            Set<String> union = new HashSet<>(onlyA);
            union.addAll(onlyB);
            Set<String> both = new HashSet<>(onlyA);
            both.retainAll(onlyB);
            assertEquals(union, exportIds(c, "signer", a, "signer", b));
            assertEquals(both, exportIds(c, "signer", a, "signer", b, "signerMatch", "all"));
        });
    }

    @Test
    void facetValueListAgreesWithTheSearchFacet() {
        api((app, c) -> {
            JsonNode top = ok(c, "/api/search").get("facets").get("signer").get(0);
            String label = top.get("label").asText();
            JsonNode list = ok(c, "/api/facets/signer", "prefix", label.substring(0, Math.min(4, label.length())).toUpperCase(),
                    "limit", "1000");
            boolean found = false;
            for (JsonNode v : list.get("values")) {
                if (v.get("value").asText().equals(top.get("value").asText())) {
                    found = true;
                    assertEquals(top.get("count").asInt(), v.get("count").asInt());
                }
            }
            assertTrue(found, () -> label + " not in " + list);
        });
    }

    @Test
    void sortOrdersAndCursorWalk() {
        api((app, c) -> {
            assertOrdered(ok(c, "/api/search", "size", "100", "sort", "newest"), "date", true);
            assertOrdered(ok(c, "/api/search", "size", "100", "sort", "oldest"), "date", false);
            JsonNode bySigners = ok(c, "/api/search", "size", "100", "sort", "signers");
            int prev = Integer.MAX_VALUE;
            for (JsonNode h : bySigners.get("hits")) {
                assertTrue(h.get("signerCount").asInt() <= prev);
                prev = h.get("signerCount").asInt();
            }
            // cursor paging sees every letter once, and the same set as the export
            Set<String> walked = new LinkedHashSet<>();
            JsonNode page = ok(c, "/api/search", "size", "7", "sort", "oldest");
            List<String> order = new ArrayList<>(ids(page));
            while (!page.get("next").isNull()) {
                page = ok(c, "/api/search", "size", "7", "sort", "oldest", "searchAfter", page.get("next").asText());
                order.addAll(ids(page));
            }
            walked.addAll(order);
            assertEquals(order.size(), walked.size(), "no letter twice");
            assertEquals(stored, walked.size());
            assertEquals(exportIds(c), walked);
        });
    }

    @Test
    void exportHasEveryMatchingLetter() {
        api((app, c) -> {
            var csv = get(c, "/api/export", "format", "csv", "q", "rights");
            int total = ok(c, "/api/search", "q", "rights").get("total").asInt();
            assertEquals(Integer.toString(total), csv.headers().get("X-Export-Count").get(0));
            assertEquals(total + 1, SearchApiTest.parseCsv(csv.body().string()).size());
        });
    }

    @Test
    void snippetsCarryOnlyMarkTags() {
        api((app, c) -> {
            JsonNode r = ok(c, "/api/search", "q", "the OR los OR rights", "size", "100");
            int marked = 0;
            for (JsonNode h : r.get("hits")) {
                for (JsonNode s : h.get("snippets")) {
                    if (s.asText().contains("<mark>")) marked++;
                    String rest = s.asText().replace("<mark>", "").replace("</mark>", "");
                    assertFalse(rest.contains("<") || rest.contains(">"), s.asText());
                }
            }
            assertTrue(marked > 0);
        });
    }

    private static void assertOrdered(JsonNode result, String field, boolean descending) {
        String prev = null;
        boolean undatedSeen = false;
        for (JsonNode h : result.get("hits")) {
            JsonNode d = h.get(field);
            if (d.isNull()) {
                undatedSeen = true;
                continue;
            }
            assertFalse(undatedSeen, "undated letters come last");
            if (prev != null) {
                int cmp = d.asText().compareTo(prev);
                assertTrue(descending ? cmp <= 0 : cmp >= 0, prev + " then " + d.asText());
            }
            prev = d.asText();
        }
    }

    private static Map<String, Integer> counts(JsonNode values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (JsonNode v : values) m.put(v.get("value").asText(), v.get("count").asInt());
        return m;
    }
}
