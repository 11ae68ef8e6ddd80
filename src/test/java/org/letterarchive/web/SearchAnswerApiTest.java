package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.get;
import static org.letterarchive.search.SearchFixture.ids;
import static org.letterarchive.search.SearchFixture.json;
import static org.letterarchive.search.SearchFixture.letter;
import static org.letterarchive.search.SearchFixture.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchFixture;

/**
 * {@code facets=dim:size,...} and {@code snippets=N}: a search answers only what it is asked for, and left out
 * they give the full answer. Five letters:
 *
 * <pre>
 *   A en 2019-03-10  Centro Prodh, Amnesty, WOLA   to Nielsen   asylum ×3 paragraphs
 *   B es 2019-12-31  Centro Prodh, WOLA            to AMLO      asylum
 *   C en 2022-01-01  Amnesty, WOLA                 to Nielsen   asylum
 *   D en 2018-06-15  Access Now                    –            encryption
 *   E es undated     Centro Prodh                  to AMLO      asylum
 * </pre>
 */
class SearchAnswerApiTest {

    @TempDir
    static Path dir;
    static Archive archive;

    @BeforeAll
    static void build() throws Exception {
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        Recipient nielsen = new Recipient("Kirstjen Nielsen", "Secretary of Homeland Security", null, false);
        Recipient amlo = new Recipient("Andrés Manuel López Obrador", "Presidente", null, false);
        String filler = " The letter goes on about other matters at some length, with nothing to mark in it at all. ".repeat(6);
        SearchFixture.store(archive,
                letter("en", "text/plain", "On asylum", LocalDate.of(2019, 3, 10), List.of(nielsen),
                        List.of(Signer.organization("Centro Prodh"), Signer.organization("Amnesty International"),
                                Signer.organization("WOLA")), 3,
                        "Asylum seekers wait at the border." + filler + "Asylum is a right." + filler
                                + "We ask that asylum be granted." + filler),
                letter("es", "text/plain", "Carta sobre asilo", LocalDate.of(2019, 12, 31), List.of(amlo),
                        List.of(Signer.organization("Centro Prodh"), Signer.organization("WOLA")), 2,
                        "Las personas que piden asylum esperan en la frontera."),
                letter("en", "text/plain", "Asylum again", LocalDate.of(2022, 1, 1), List.of(nielsen),
                        List.of(Signer.organization("Amnesty International"), Signer.organization("WOLA")), 2,
                        "Asylum must be protected."),
                letter("en", "text/html", "Encryption", LocalDate.of(2018, 6, 15), List.of(),
                        List.of(Signer.organization("Access Now")), 1, "Encryption protects defenders."),
                letter("es", "text/plain", "Sin fecha", null, List.of(amlo),
                        List.of(Signer.organization("Centro Prodh")), 1, "Una carta sin fecha sobre asylum."));
    }

    @AfterAll
    static void close() throws Exception {
        archive.close();
    }

    private static void api(BiConsumer<io.javalin.Javalin, HttpClient> test) {
        JavalinTest.test(WebApp.create(archive, null), test::accept);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Map<String, Integer> counts(JsonNode values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (JsonNode v : values) m.put(v.get("value").asText(), v.get("count").asInt());
        return m;
    }

    private static int maxSnippets(JsonNode result) {
        int max = 0;
        for (JsonNode h : result.get("hits")) max = Math.max(max, h.get("snippets").size());
        return max;
    }

    private static void refused(HttpClient c, String expectInError, String... params) {
        Response r = get(c, "/api/search", params);
        assertEquals(400, r.code(), () -> List.of(params) + " → " + r.body().string());
        String error = json(r).get("error").asText();
        assertTrue(error.contains(expectInError), () -> "'" + error + "' should mention '" + expectInError + "'");
    }

    @Test
    void leftOutTheAnswerIsTheFullOne() {
        api((app, c) -> {
            JsonNode all = ok(c, "/api/search", "q", "asylum");
            assertEquals(List.of(IndexSchema.FACETS), keys(all.get("facets")), "every facet, in the schema's order");
            assertEquals(Map.of("2019", 2, "2022", 1), counts(all.get("histogram")));
            assertEquals("year", all.get("histogramUnit").asText());
            assertEquals(1, all.get("undated").asInt());
            assertEquals(3, maxSnippets(all), "three snippets of the letter that says asylum three times apart");
        });
    }

    @Test
    void onlyTheAskedFacetsAtTheirSizesAndNoHistogramUnlessAsked() {
        api((app, c) -> {
            JsonNode all = ok(c, "/api/search", "q", "asylum");
            JsonNode two = ok(c, "/api/search", "q", "asylum", "facets", "signer:2,language:10");
            assertEquals(List.of("signer", "language"), keys(two.get("facets")));
            assertEquals(2, two.get("facets").get("signer").size(), "the two most frequent signers");
            assertEquals(Map.of("centro prodh", 3, "wola", 3), counts(two.get("facets").get("signer")));
            assertEquals(counts(all.get("facets").get("language")), counts(two.get("facets").get("language")));
            assertEquals(0, two.get("histogram").size(), "no histogram unless asked for");
            assertEquals(all.get("total").asInt(), two.get("total").asInt());
            assertEquals(ids(all), ids(two), "the same hits in the same order");

            JsonNode year = ok(c, "/api/search", "q", "asylum", "facets", "year:1");
            assertEquals(Map.of("2019", 2), counts(year.get("facets").get("year")), "the most frequent year");
            assertEquals(Map.of("2019", 2, "2022", 1), counts(year.get("histogram")), "year brings the histogram");

            JsonNode histogram = ok(c, "/api/search", "q", "asylum", "facets", "histogram");
            assertEquals(List.of(), keys(histogram.get("facets")));
            assertEquals(Map.of("2019", 2, "2022", 1), counts(histogram.get("histogram")));

            JsonNode none = ok(c, "/api/search", "q", "asylum", "facets", "");
            assertEquals(List.of(), keys(none.get("facets")));
            assertEquals(0, none.get("histogram").size());
            assertEquals(ids(all), ids(none));
        });
    }

    @Test
    void askedFacetsKeepTheirDrillSidewaysCounts() {
        api((app, c) -> {
            JsonNode en = ok(c, "/api/search", "q", "asylum", "language", "en", "facets", "language:10,recipient:10");
            assertEquals(Map.of("en", 2, "es", 2), counts(en.get("facets").get("language")),
                    "the selected facet still counts its other values");
            assertEquals(Map.of("Kirstjen Nielsen", 2), counts(en.get("facets").get("recipient")),
                    "other facets count the filtered letters");
            assertEquals(2, en.get("total").asInt());
        });
    }

    @Test
    void snippetsPerHitAsAsked() {
        api((app, c) -> {
            assertEquals(1, maxSnippets(ok(c, "/api/search", "q", "asylum", "snippets", "1")));
            assertEquals(2, maxSnippets(ok(c, "/api/search", "q", "asylum", "snippets", "2")));
            JsonNode none = ok(c, "/api/search", "q", "asylum", "snippets", "0");
            assertEquals(0, maxSnippets(none));
            assertEquals(4, none.get("hits").size());
            JsonNode one = ok(c, "/api/search", "q", "asylum", "snippets", "1", "facets", "");
            for (JsonNode h : one.get("hits")) {
                assertEquals(1, h.get("snippets").size(), () -> "every hit says asylum: " + h);
                assertTrue(h.get("snippets").get(0).asText().toLowerCase().contains("<mark>asylum</mark>"), h::toString);
            }
        });
    }

    @Test
    void aWordFoundThroughTheStemmedCopyIsMarkedOnTheExactWordsAndQuotingAsksForTheExactWords() {
        api((app, c) -> {
            JsonNode r = ok(c, "/api/search", "q", "piden asylums", "facets", "");
            assertEquals(1, r.get("total").asInt(), "'asylums' is only in the stemmed copy of letter B");
            String snippet = r.get("hits").get(0).get("snippets").get(0).asText();
            assertTrue(snippet.matches(".*<mark>piden</mark> <mark>asylum</mark>.*"), snippet);
            assertEquals(0, ok(c, "/api/search", "q", "\"piden asylums\"", "facets", "").get("total").asInt(),
                    "a quoted phrase is not stemmed");
            JsonNode exact = ok(c, "/api/search", "q", "\"piden asylum\"", "facets", "");
            assertEquals(1, exact.get("total").asInt());
            assertTrue(exact.get("hits").get(0).get("snippets").get(0).asText().contains("<mark>piden asylum</mark>"),
                    exact::toString);
        });
    }

    @Test
    void malformedAnswersAreRefusedByName() {
        api((app, c) -> {
            refused(c, "unknown facet 'author'", "q", "asylum", "facets", "signer:5,author:3");
            refused(c, "between 1 and 1000", "facets", "signer:0");
            refused(c, "between 1 and 1000", "facets", "signer:1001");
            refused(c, "whole number", "facets", "signer:many");
            refused(c, "'snippets' must be between 0 and 10", "q", "asylum", "snippets", "11");
            refused(c, "'snippets' must be between 0 and 10", "q", "asylum", "snippets", "-1");
            refused(c, "'snippets' must be a whole number", "q", "asylum", "snippets", "all");
            assertFalse(ok(c, "/api/search", "facets", "signer").get("facets").get("signer").isEmpty(),
                    "a facet without a size gets the default size");
        });
    }
}
