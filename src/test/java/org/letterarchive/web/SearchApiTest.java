package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.exportIds;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchFixture;

/**
 * The search API over six hand-made letters, so that every facet count, date and order is known exactly.
 *
 * <pre>
 *   L1 en 2019-03-10  2 signers  Centro Prodh, Amnesty International  "asylum seekers at the border", México, Migrants
 *   L2 es 2019-12-31 12 signers  Centro Prodh, WOLA                    "seekers of asylum", Mexico, migrantes
 *   L3 en 2020-01-01 60 signers  Amnesty International, WOLA, Access Now   encryption
 *   L4 en undated     1 signer   Jane Doe (Access Now)                 formula title, markup in text, border
 *   L5 es 2018-06-15  1 signer   Centro de Estudios en Cooperación Internacional
 *   L6 en 2017-05-05  1 signer   Expansion Test Org                    600 words zq0001 … zq0600
 * </pre>
 */
class SearchApiTest {

    @TempDir
    static Path dir;
    static Archive archive;
    static String l1, l2, l3, l4, l5, l6;

    @BeforeAll
    static void build() throws Exception {
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        Recipient nielsen = new Recipient("Kirstjen Nielsen", "Secretary of Homeland Security", null, false);
        Recipient amlo = new Recipient("Andrés Manuel López Obrador", "Presidente", null, false);
        String words = IntStream.rangeClosed(1, 600).mapToObj(i -> String.format("zq%04d", i)).collect(Collectors.joining(" "));
        List<String> ids = SearchFixture.store(archive,
                letter("en", "text/plain", "Asylum seekers at the border", LocalDate.of(2019, 3, 10), List.of(nielsen),
                        List.of(Signer.organization("Centro Prodh"), Signer.organization("Amnesty International")), 2,
                        "We write about asylum seekers at the border of México. Migrants deserve protection."),
                letter("es", "application/pdf", "Carta sobre asilo", LocalDate.of(2019, 12, 31), List.of(amlo),
                        List.of(Signer.organization("Centro Prodh"), Signer.organization("WOLA")), 12,
                        "Las personas migrantes en Mexico. At the border, seekers of asylum wait."),
                letter("en", "text/html", "Open letter on encryption", LocalDate.of(2020, 1, 1), List.of(),
                        List.of(Signer.organization("Amnesty International"), Signer.organization("WOLA"),
                                Signer.organization("Access Now")), 60,
                        "Encryption protects human rights defenders."),
                letter("en", "text/plain", "=HYPERLINK(\"http://example.org\",\"x\")", null, List.of(),
                        List.of(Signer.person("Jane Doe", "Access Now")), 1,
                        "An undated statement with <script>alert(1)</script> about the border & more."),
                letter("es", "text/plain", "Centros de derechos humanos", LocalDate.of(2018, 6, 15), List.of(),
                        List.of(Signer.organization("Centro de Estudios en Cooperación Internacional")), 1,
                        "Cooperación internacional para los derechos humanos."),
                letter("en", "text/plain", "Word list", LocalDate.of(2017, 5, 5), List.of(),
                        List.of(Signer.organization("Expansion Test Org")), 1, words));
        l1 = ids.get(0); l2 = ids.get(1); l3 = ids.get(2); l4 = ids.get(3); l5 = ids.get(4); l6 = ids.get(5);
    }

    @AfterAll
    static void close() throws Exception {
        archive.close();
    }

    private static void api(BiConsumer<io.javalin.Javalin, HttpClient> test) {
        JavalinTest.test(WebApp.create(archive, null), test::accept);
    }

    private static Set<String> set(String... ids) {
        return Set.of(ids);
    }

    private static Set<String> hitSet(HttpClient c, String... params) {
        return Set.copyOf(ids(ok(c, "/api/search", params)));
    }

    private static void refused(HttpClient c, String path, String expectInError, String... params) {
        Response r = get(c, path, params);
        assertEquals(400, r.code(), () -> List.of(params) + " → " + r.body().string());
        JsonNode body = json(r);
        assertEquals(400, body.get("status").asInt());
        String error = body.get("error").asText();
        assertTrue(error.contains(expectInError), () -> "'" + error + "' should mention '" + expectInError + "'");
    }

    @Test
    void phraseMatchesWordsInOrderWordsMatchAnywhere() {
        api((app, c) -> {
            assertEquals(set(l1), hitSet(c, "q", "\"asylum seekers\""));
            assertEquals(set(l1, l2), hitSet(c, "q", "asylum seekers"));
            assertEquals(set(l1, l2, l3), hitSet(c, "q", "encryption OR asylum"));
            assertEquals(set(l2), hitSet(c, "q", "asylum NOT protection"));
            assertEquals(set(l3, l4, l5, l6), hitSet(c, "q", "NOT asylum"), "exclusions alone: every other letter");
        });
    }

    @Test
    void quotedTextMatchesTheExactWordsOnly() {
        api((app, c) -> {
            assertEquals(set(l1, l2), hitSet(c, "q", "migrants"), "a word finds its other forms");
            assertEquals(set(l1), hitSet(c, "q", "\"migrants\""), "a quoted word finds itself");
            assertEquals(set(), hitSet(c, "q", "\"asylum seeker\""), "a phrase's words are not stemmed");
            assertEquals(set(l1), hitSet(c, "q", "text:\"asylum seekers\""));
            assertEquals(set(l1, l2), hitSet(c, "q", "\"asylum seekers\"~3"), "with slop: seekers of asylum");
            String snippet = ok(c, "/api/search", "q", "\"asylum seekers\"").get("hits").get(0).get("snippets").get(0).asText();
            assertTrue(snippet.contains("<mark>asylum seekers</mark>"), snippet);
        });
    }

    @Test
    void accentsFoldBothWays() {
        api((app, c) -> {
            assertEquals(set(l1, l2), hitSet(c, "q", "Mexico"));
            assertEquals(set(l1, l2), hitSet(c, "q", "México"));
            assertEquals(set(l2), hitSet(c, "q", "recipient:Andres"));
            assertEquals(set(l5), hitSet(c, "q", "cooperacion"));
            assertEquals(set(l1, l2), hitSet(c, "q", "Méxi*"));
        });
    }

    @Test
    void stemmingFindsOtherFormsScoresExactHigherAndLeavesNamesAlone() {
        api((app, c) -> {
            JsonNode r = ok(c, "/api/search", "q", "migrants");
            assertEquals(List.of(l1, l2), ids(r), "exact 'Migrants' first, 'migrantes' through the stemmed text");
            assertEquals(set(), hitSet(c, "q", "signer:centros"), "names are not stemmed");
            assertEquals(set(l1, l2, l5), hitSet(c, "q", "signer:centro"));
            assertEquals(set(l1, l2), hitSet(c, "q", "signer:\"centro prodh\""));
            assertEquals(set(l2), hitSet(c, "q", "asilo~"), "fuzzy");
            assertEquals(set(l1, l2), hitSet(c, "q", "asilo~ OR asylum"));
            assertEquals(set(l3), hitSet(c, "q", "encryp*"), "prefix");
        });
    }

    @Test
    void drillSidewaysKeepsTheSelectedFacetsOtherCounts() {
        api((app, c) -> {
            JsonNode all = ok(c, "/api/search");
            assertEquals(6, all.get("total").asInt());
            Map<String, Integer> languages = counts(all.get("facets").get("language"));
            assertEquals(Map.of("en", 4, "es", 2), languages);

            JsonNode es = ok(c, "/api/search", "language", "es");
            assertEquals(2, es.get("total").asInt());
            assertEquals(languages, counts(es.get("facets").get("language")), "the selected facet keeps every count");
            assertEquals(Map.of("1", 1, "11-50", 1), counts(es.get("facets").get("signers")), "other facets are filtered");

            // two values of one facet OR; two facets AND
            assertEquals(6, ok(c, "/api/search", "language", "es", "language", "en").get("total").asInt());
            assertEquals(set(l5), hitSet(c, "language", "es", "signers", "1"));
            assertEquals(set(l2, l3), hitSet(c, "signers", "11-50", "signers", "51+"));

            JsonNode signer = all.get("facets").get("signer");
            JsonNode prodh = null;
            for (JsonNode v : signer) if (v.get("value").asText().equals("centro prodh")) prodh = v;
            assertNotNull(prodh, signer::toString);
            assertEquals("Centro Prodh", prodh.get("label").asText());
            assertEquals(2, prodh.get("count").asInt());
            assertEquals(Map.of("organization", 5, "person", 1), counts(all.get("facets").get("signerKind")));
        });
    }

    @Test
    void signerMatchAllMeansCoSignedByEveryChosenOrganization() {
        api((app, c) -> {
            assertEquals(set(l1, l2, l3), hitSet(c, "signer", "centro prodh", "signer", "wola"));
            assertEquals(set(l1, l2, l3), hitSet(c, "signer", "centro prodh", "signer", "wola", "signerMatch", "any"));
            assertEquals(set(l2), hitSet(c, "signer", "centro prodh", "signer", "wola", "signerMatch", "all"));
            assertEquals(set(l3), hitSet(c, "signer", "amnesty international", "signer", "access now", "signerMatch", "all"));
            assertEquals(set(l3, l4), hitSet(c, "signer", "access now"), "a person counts for their organization");
        });
    }

    @Test
    void dateRangeEdgesAreInclusive() {
        api((app, c) -> {
            assertEquals(set(l1, l2), hitSet(c, "from", "2019-03-10", "to", "2019-12-31"));
            assertEquals(set(l2, l3), hitSet(c, "from", "2019-03-11"));
            assertEquals(set(l1, l5, l6), hitSet(c, "to", "2019-03-10"));
            assertEquals(set(l5, l6), hitSet(c, "to", "2019-03-09"));
            assertEquals(set(l1, l2), hitSet(c, "from", "2019", "to", "2019"), "a year is its first to last day");
            assertEquals(set(l2), hitSet(c, "from", "2019-12", "to", "2019-12"));
            assertEquals(set(l1, l2), hitSet(c, "year", "2019"));
            JsonNode months = ok(c, "/api/search", "year", "2019").get("facets").get("month");
            assertEquals(Map.of("2019-03", 1, "2019-12", 1), counts(months));
        });
    }

    @Test
    void histogramCountsSumToTheDatedHits() {
        api((app, c) -> {
            JsonNode all = ok(c, "/api/search");
            assertEquals("year", all.get("histogramUnit").asText());
            assertEquals(Map.of("2017", 1, "2018", 1, "2019", 2, "2020", 1), counts(all.get("histogram")));
            assertEquals(1, all.get("undated").asInt());
            assertEquals(all.get("total").asInt(), sum(all.get("histogram")) + all.get("undated").asInt());

            JsonNode narrow = ok(c, "/api/search", "from", "2019-01-01");
            assertEquals("month", narrow.get("histogramUnit").asText(), "two years or less: per month");
            assertEquals(Map.of("2019-03", 1, "2019-12", 1, "2020-01", 1), counts(narrow.get("histogram")));
            assertEquals(0, narrow.get("undated").asInt());

            for (String q : List.of("border", "asylum", "the", "zq0001 OR encryption")) {
                JsonNode r = ok(c, "/api/search", "q", q);
                assertEquals(r.get("total").asInt(), sum(r.get("histogram")) + r.get("undated").asInt(), q);
            }
        });
    }

    @Test
    void sortOrders() {
        api((app, c) -> {
            assertEquals(List.of(l3, l2, l1, l5, l6, l4), ids(ok(c, "/api/search")), "empty query: newest first, undated last");
            assertEquals(List.of(l3, l2, l1, l5, l6, l4), ids(ok(c, "/api/search", "sort", "newest")));
            assertEquals(List.of(l6, l5, l1, l2, l3, l4), ids(ok(c, "/api/search", "sort", "oldest")));
            assertEquals(List.of(l3, l2, l1, l5, l6, l4), ids(ok(c, "/api/search", "sort", "signers")));
            JsonNode rel = ok(c, "/api/search", "q", "border", "sort", "relevance");
            float prev = Float.MAX_VALUE;
            for (JsonNode h : rel.get("hits")) {
                assertTrue(h.get("score").floatValue() <= prev);
                prev = h.get("score").floatValue();
            }
        });
    }

    @Test
    void pagingEdgesAndCursor() {
        api((app, c) -> {
            List<String> newest = List.of(l3, l2, l1, l5, l6, l4);
            assertEquals(newest.subList(4, 6), ids(ok(c, "/api/search", "size", "2", "page", "3")));
            JsonNode beyond = ok(c, "/api/search", "size", "2", "page", "4");
            assertEquals(List.of(), ids(beyond));
            assertEquals(6, beyond.get("total").asInt());
            assertNull(ok(c, "/api/search", "size", "2", "page", "3").get("next").textValue(), "last page has no next");
            assertEquals(6, ids(ok(c, "/api/search", "size", "100")).size());

            // walk with the cursor
            List<String> walked = new ArrayList<>();
            JsonNode page = ok(c, "/api/search", "size", "4");
            walked.addAll(ids(page));
            String next = page.get("next").asText();
            page = ok(c, "/api/search", "size", "4", "searchAfter", next);
            walked.addAll(ids(page));
            assertTrue(page.get("next").isNull());
            assertEquals(newest, walked);

            JsonNode first = ok(c, "/api/search", "q", "border OR encryption", "size", "1");
            List<String> relWalk = new ArrayList<>(ids(first));
            String cur = first.get("next").asText();
            while (cur != null) {
                JsonNode p = ok(c, "/api/search", "q", "border OR encryption", "size", "1", "searchAfter", cur);
                relWalk.addAll(ids(p));
                cur = p.get("next").isNull() ? null : p.get("next").asText();
            }
            assertEquals(ids(ok(c, "/api/search", "q", "border OR encryption")), relWalk, "relevance cursor");
        });
    }

    @Test
    void refusedRequestsAnswer400WithTheReason() {
        api((app, c) -> {
            refused(c, "/api/search", "leading wildcards", "q", "*igrants");
            refused(c, "/api/search", "leading wildcards", "q", "?igrants");
            refused(c, "/api/search", "too short", "q", "m*");
            refused(c, "/api/search", "expansion limit", "q", "zq*");
            refused(c, "/api/search", "expansion limit", "q", "/zq[0-9]+/");
            refused(c, "/api/search", "too broad", "q", "/.*grants/");
            refused(c, "/api/search", "too long", "q", "a".repeat(1001));
            refused(c, "/api/search", "query too complex",
                    "q", IntStream.range(0, 65).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")));
            refused(c, "/api/search", "too many wildcard",
                    "q", IntStream.range(0, 9).mapToObj(i -> "wor" + i + "*").collect(Collectors.joining(" OR ")));
            refused(c, "/api/search", "unknown field", "q", "author:smith");
            refused(c, "/api/search", "cannot parse", "q", "\"unclosed");
            refused(c, "/api/search", "not supported", "q", "title:[a TO b]");
            refused(c, "/api/search", "at most 100", "size", "101");
            refused(c, "/api/search", "'size' must be 1 or more", "size", "0");
            refused(c, "/api/search", "'page' must be", "page", "x");
            refused(c, "/api/search", "searchAfter", "page", "101", "size", "100");
            refused(c, "/api/search", "'sort' must be one of", "sort", "random");
            refused(c, "/api/search", "'signerMatch' must be one of", "signerMatch", "most");
            refused(c, "/api/search", "'from' must be a date", "from", "2019-13-01");
            refused(c, "/api/search", "is after 'to'", "from", "2020-01-01", "to", "2019-01-01");
            refused(c, "/api/search", "not a cursor", "searchAfter", "bm9wZQ");
            String newestCursor = ok(c, "/api/search", "size", "1").get("next").asText();
            refused(c, "/api/search", "made for sort=newest", "searchAfter", newestCursor, "sort", "oldest");
            refused(c, "/api/facets/colour", "unknown facet", "prefix", "x");
            refused(c, "/api/facets/signer", "'limit' must be at most", "limit", "5000");
            refused(c, "/api/export", "'format' must be csv or json", "format", "xlsx");
            refused(c, "/api/export", "leading wildcards", "q", "*x");
            refused(c, "/api/letters/" + l1, "leading wildcards", "q", "*x");
        });
    }

    @Test
    void snippetsAreEscapedWithOnlyMarkTags() {
        api((app, c) -> {
            JsonNode r = ok(c, "/api/search", "q", "border");
            JsonNode hit4 = null;
            for (JsonNode h : r.get("hits")) if (h.get("id").asText().equals(l4)) hit4 = h;
            assertNotNull(hit4);
            String snippet = hit4.get("snippets").get(0).asText();
            assertTrue(snippet.contains("<mark>border</mark>"), snippet);
            assertTrue(snippet.contains("&lt;script&gt;"), snippet);
            for (JsonNode h : r.get("hits")) {
                for (JsonNode s : h.get("snippets")) {
                    String rest = s.asText().replace("<mark>", "").replace("</mark>", "");
                    assertFalse(rest.contains("<") || rest.contains(">"), s.asText());
                }
            }
            String stemmed = ok(c, "/api/search", "q", "migrants").get("hits").get(1).get("snippets").get(0).asText();
            assertTrue(stemmed.contains("<mark>migrantes</mark>"), "stemmed matches are marked: " + stemmed);
            JsonNode hit = r.get("hits").get(0);
            assertTrue(hit.has("title") && hit.has("date") && hit.has("recipients") && hit.has("signerCount")
                    && hit.has("topSigners"), hit::toString);
        });
    }

    @Test
    void facetValuesByPrefixAndSort() {
        api((app, c) -> {
            JsonNode cen = ok(c, "/api/facets/signer", "prefix", "Cen");
            assertEquals(2, cen.get("matching").asInt());
            assertEquals(List.of("centro prodh", "centro de estudios en cooperacion internacional"), values(cen), "by count");
            assertEquals("Centro Prodh", cen.get("values").get(0).get("label").asText());
            assertEquals(2, cen.get("values").get(0).get("count").asInt());
            assertEquals(values(cen), values(ok(c, "/api/facets/signer", "prefix", "CÉN")), "case and accents folded");
            assertEquals(List.of("centro de estudios en cooperacion internacional", "centro prodh"),
                    values(ok(c, "/api/facets/signer", "prefix", "cen", "sort", "name")));
            assertEquals(List.of("centro de estudios en cooperacion internacional"),
                    values(ok(c, "/api/facets/signer", "prefix", "Cooperación")), "a word of the label");
            JsonNode one = ok(c, "/api/facets/signer", "prefix", "cen", "limit", "1");
            assertEquals(1, one.get("values").size());
            assertEquals(2, one.get("matching").asInt());
            JsonNode es = ok(c, "/api/facets/signer", "prefix", "cen", "language", "es");
            assertEquals(Map.of("centro prodh", 1, "centro de estudios en cooperacion internacional", 1), countsByValue(es.get("values")));
            JsonNode all = ok(c, "/api/facets/signer", "limit", "1000");
            assertEquals(6, all.get("matching").asInt());
            JsonNode recipients = ok(c, "/api/facets/recipient", "prefix", "andres");
            assertEquals(List.of("Andrés Manuel López Obrador"), values(recipients));
        });
    }

    @Test
    void explainSaysWhichFieldsAndTermsMatched() {
        api((app, c) -> {
            JsonNode plain = ok(c, "/api/letters/" + l2);
            assertFalse(plain.has("match"));
            JsonNode m = ok(c, "/api/letters/" + l2, "q", "migrants border").get("match");
            assertTrue(m.get("matches").asBoolean());
            assertTrue(m.get("score").floatValue() > 0);
            List<String> text = new ArrayList<>();
            m.get("fields").get("text").forEach(t -> text.add(t.asText()));
            assertTrue(text.contains("border"), text::toString);
            assertTrue(text.contains("migrant (stemmed)"), text::toString);
            JsonNode fuzzy = ok(c, "/api/letters/" + l2, "q", "asilo~").get("match");
            assertTrue(fuzzy.get("fields").get("title").toString().contains("asilo"), fuzzy::toString);
            JsonNode miss = ok(c, "/api/letters/" + l2, "q", "encryption", "signer", "wola").get("match");
            assertFalse(miss.get("matches").asBoolean());
            assertTrue(miss.get("filters").get("signer").get("passes").asBoolean());
            assertEquals(404, c.get("/api/letters/" + "0".repeat(64) + "?q=x").code());
        });
    }

    @Test
    void exportHasEveryMatchingLetterSafelyQuoted() {
        api((app, c) -> {
            Response csv = get(c, "/api/export", "format", "csv");
            assertEquals(200, csv.code(), csv.body()::string);
            assertEquals("6", csv.headers().get("X-Export-Count").get(0));
            assertEquals("6", csv.headers().get("X-Export-Total").get(0));
            assertEquals("false", csv.headers().get("X-Export-Truncated").get(0));
            List<List<String>> rows = parseCsv(csv.body().string());
            assertEquals(List.of(ExportController.COLUMNS), rows.get(0));
            assertEquals(ok(c, "/api/search").get("total").asInt(), rows.size() - 1);
            List<String> formula = rows.stream().filter(r -> r.get(0).equals(l4)).findFirst().orElseThrow();
            assertEquals("'=HYPERLINK(\"http://example.org\",\"x\")", formula.get(1), "formula neutralised, quotes kept");
            List<String> three = rows.stream().filter(r -> r.get(0).equals(l3)).findFirst().orElseThrow();
            assertEquals("Amnesty International; WOLA; Access Now", three.get(6));
            assertTrue(three.get(7).endsWith("/api/letters/" + l3));

            assertEquals(set(l1, l2), exportIds(c, "q", "asylum"));
            assertEquals(set(l2), exportIds(c, "signer", "centro prodh", "signer", "wola", "signerMatch", "all"));
            Response js = get(c, "/api/export", "format", "json", "from", "2019", "to", "2019");
            assertEquals("2", js.headers().get("X-Export-Count").get(0));
            assertEquals(2, json(js).size());
            // format: csv/json choose the output, a media type filters like the facet
            assertEquals(set(l1, l4, l5, l6), exportIds(c, "format", "text/plain"));
            assertEquals("4", get(c, "/api/export", "format", "text/plain").headers().get("X-Export-Count").get(0));
        });
    }

    /** One cell as a line of its own writes it, without the line's end. */
    private static String cell(String value) {
        String line = Csv.line(java.util.Arrays.asList(value));
        assertTrue(line.endsWith("\r\n"), line);
        return line.substring(0, line.length() - 2);
    }

    @Test
    void csvCells() {
        assertEquals("plain", cell("plain"));
        assertEquals("\"a,b\"", cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", cell("say \"hi\""));
        assertEquals("\"two\nlines\"", cell("two\nlines"));
        assertEquals("'+1", cell("+1"));
        assertEquals("'-2", cell("-2"));
        assertEquals("'@SUM(A1)", cell("@SUM(A1)"));
        assertEquals("\"'=1,2\"", cell("=1,2"));
        assertEquals("", cell(null));
    }

    // ---- helpers ----

    private static Map<String, Integer> counts(JsonNode values) {
        Map<String, Integer> m = new HashMap<>();
        for (JsonNode v : values) m.put(v.get("value").asText(), v.get("count").asInt());
        return m;
    }

    private static Map<String, Integer> countsByValue(JsonNode values) {
        return counts(values);
    }

    private static int sum(JsonNode values) {
        int s = 0;
        for (JsonNode v : values) s += v.get("count").asInt();
        return s;
    }

    private static List<String> values(JsonNode page) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : page.get("values")) out.add(v.get("value").asText());
        return out;
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
