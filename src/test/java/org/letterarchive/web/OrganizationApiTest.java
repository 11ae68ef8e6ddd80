package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.get;
import static org.letterarchive.search.SearchFixture.json;
import static org.letterarchive.search.SearchFixture.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.xml.parsers.DocumentBuilderFactory;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.letter.Organization;
import org.letterarchive.search.SearchFixture;

/**
 * Organizations as records over the shared real letters. Expectations come from the search API itself: a
 * profile's counts against the signer facet, a network's edge weights against {@code signerMatch=all} totals.
 */
class OrganizationApiTest {

    @TempDir
    static Path dir;
    static Archive archive;

    @BeforeAll
    static void build() throws Exception {
        SearchFixture.sharedLetters();
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        SearchFixture.ingestShared(archive);
    }

    @AfterAll
    static void close() throws Exception {
        if (archive != null) archive.close();
    }

    private static void api(BiConsumer<io.javalin.Javalin, HttpClient> test) {
        JavalinTest.test(WebApp.create(archive, null, org.letterarchive.web.ApiToken.of("t0123456789"), 2, 8, "http://letters.example.org"), test::accept);
    }

    private static long total(HttpClient c, String... params) {
        return ok(c, "/api/search", params).get("total").asLong();
    }

    private static List<JsonNode> top(HttpClient c, int n) {
        List<JsonNode> out = new ArrayList<>();
        ok(c, "/api/organizations", "size", Integer.toString(n)).get("organizations").forEach(out::add);
        return out;
    }

    @Test
    void profileCountsEqualTheSignerFacets() {
        api((app, c) -> {
            int[] recipientsCounted = {0};
            for (JsonNode o : top(c, 6)) {
                String key = o.get("key").asText();
                JsonNode p = ok(c, "/api/organizations/" + enc(key));
                long letters = p.get("letters").asLong();
                assertEquals(o.get("letters").asLong(), letters, key);
                assertEquals(total(c, "signer", key), letters, "profile of " + key + " against the signer filter");
                long years = 0;
                for (JsonNode y : p.get("years")) {
                    years += y.get("count").asLong();
                    assertEquals(total(c, "signer", key, "year", y.get("value").asText()), y.get("count").asLong());
                }
                assertTrue(years <= letters);
                for (JsonNode co : p.get("coSigners")) {
                    long together = total(c, "signer", key, "signer", co.get("value").asText(), "signerMatch", "all");
                    assertEquals(together, co.get("count").asLong(), key + " with " + co.get("value").asText());
                    assertEquals(Math.round(1000.0 * together / letters) / 1000.0, co.get("share").asDouble(), 1e-9);
                }
                for (JsonNode l : p.get("languages")) {
                    assertEquals(total(c, "signer", key, "language", l.get("value").asText()), l.get("count").asLong());
                }
                // whom it writes to: each recipient and recipient role counted as the search's filters count them
                for (String dim : new String[] {"recipient", "recipientRole"}) {
                    JsonNode counted = p.get(dim.equals("recipient") ? "recipients" : "recipientRoles");
                    long prev = Long.MAX_VALUE;
                    for (JsonNode r : counted) {
                        long n = r.get("count").asLong();
                        assertEquals(total(c, "signer", key, dim, r.get("value").asText()), n, key + " to " + dim + " " + r.get("value").asText());
                        assertTrue(n <= prev, dim + " most first");
                        prev = n;
                        recipientsCounted[0]++;
                    }
                }
                // its top recipients and recipient roles are the signer search's top facet values (its signer
                // facet counts sideways, over the letters without the signer filter, so co-signers are checked above)
                JsonNode facets = ok(c, "/api/search", "signer", key, "size", "1",
                        "facets", "recipient:20,recipientRole:20").get("facets");
                assertEquals(counts(facets.get("recipient")), counts(p.get("recipients")), "recipients of " + key);
                assertEquals(counts(facets.get("recipientRole")), counts(p.get("recipientRoles")), "recipient roles of " + key);
                // its latest letters are the signer search's newest
                List<String> latest = new ArrayList<>();
                p.get("latest").forEach(h -> latest.add(h.get("id").asText()));
                List<String> newest = new ArrayList<>();
                ok(c, "/api/search", "signer", key, "sort", "newest", "size", Integer.toString(latest.size())).get("hits")
                        .forEach(h -> newest.add(h.get("id").asText()));
                assertEquals(newest, latest, "latest letters of " + key);
                long spelled = 0;
                for (JsonNode s : p.get("spellings")) spelled += s.get("count").asLong();
                assertTrue(spelled >= letters, "every letter writes the organization somehow: " + key);
                assertTrue(p.get("latest").size() <= 10 && p.get("latest").size() > 0);
                String first = p.get("latest").get(0).get("date").asText(null);
                if (first != null) assertEquals(o.get("lastDate").asText(), first);
            }
            assertTrue(recipientsCounted[0] > 0, "some recipients to check");
        });
    }

    @Test
    void anySpellingOfAnOrganizationFindsItsLettersAndAnUnknownNameSaysSo() {
        api((app, c) -> {
            JsonNode org = top(c, 1).get(0);
            String key = org.get("key").asText();
            long letters = org.get("letters").asLong();
            String label = org.get("label").asText();
            for (String spelling : List.of(label, label.toUpperCase(), label + ", Inc.", "The " + label + " A.C.")) {
                JsonNode r = ok(c, "/api/search", "signer", spelling);
                assertEquals(letters, r.get("total").asLong(), spelling);
                assertEquals(key, r.get("signerResolution").get(0).get("key").asText());
                assertEquals(letters, ok(c, "/api/organizations/" + enc(spelling)).get("letters").asLong());
            }
            JsonNode none = ok(c, "/api/search", "signer", "Zyxwv Imaginary Coalition of Nobody");
            assertEquals(0, none.get("total").asLong());
            assertEquals("none", none.get("signerResolution").get(0).get("match").asText());
            assertTrue(none.get("notice").asText().contains("matches no organization"), none.toString());
            // a typo is no filter match, but its closest organization is named
            String typo = label.substring(0, label.length() - 1);
            JsonNode near = ok(c, "/api/search", "signer", typo + "x");
            assertTrue(near.get("notice").asText().contains(key), near.get("notice").asText());
            Response missing = get(c, "/api/organizations/" + enc("Zyxwv Imaginary Coalition of Nobody"));
            assertEquals(404, missing.code());
            // acronyms resolve to the organization written beside them
            for (JsonNode o : ok(c, "/api/organizations", "size", "500").get("organizations")) {
                if (o.get("acronyms").isEmpty()) continue;
                String acronym = o.get("acronyms").get(0).asText();
                if (!o.get("key").asText().equals(ok(c, "/api/search", "signer", acronym).get("signerResolution").get(0).get("key").asText(""))) continue;
                assertEquals(o.get("letters").asLong(), total(c, "signer", acronym), acronym);
                return;
            }
            throw new AssertionError("no organization with an acronym in the shared letters");
        });
    }

    @Test
    void networkEdgeWeightsEqualCoSignedTotals() throws Exception {
        api((app, c) -> {
            JsonNode n = ok(c, "/api/network", "limit", "12");
            assertEquals(12, n.get("nodes").size());
            for (JsonNode node : n.get("nodes")) {
                assertEquals(total(c, "signer", node.get("id").asText()), node.get("letters").asLong());
            }
            assertFalse(n.get("edges").isEmpty());
            for (JsonNode e : n.get("edges")) {
                assertEquals(total(c, "signer", e.get("source").asText(), "signer", e.get("target").asText(), "signerMatch", "all"),
                        e.get("weight").asLong(), e.toString());
            }
            // a search's network counts only its letters; a period likewise
            JsonNode spanish = ok(c, "/api/network", "limit", "8", "language", "es");
            for (JsonNode e : spanish.get("edges")) {
                assertEquals(total(c, "language", "es", "signer", e.get("source").asText(), "signer", e.get("target").asText(), "signerMatch", "all"),
                        e.get("weight").asLong());
            }
            String center = n.get("nodes").get(0).get("id").asText();
            for (String[] period : new String[][] {{null, null}, {"2016", "2017"}, {"2019", "2019"}}) {
                List<String> params = new ArrayList<>(List.of("min", "1"));
                if (period[0] != null) params.addAll(List.of("from", period[0], "to", period[1]));
                JsonNode ego = ok(c, "/api/organizations/" + enc(center) + "/network", params.toArray(String[]::new));
                for (JsonNode e : ego.get("edges")) {
                    List<String> q = new ArrayList<>(List.of("signer", e.get("source").asText(), "signer", e.get("target").asText(), "signerMatch", "all"));
                    if (period[0] != null) q.addAll(List.of("from", period[0], "to", period[1]));
                    assertEquals(total(c, q.toArray(String[]::new)), e.get("weight").asLong(), e + " in " + String.join("-", List.of(String.valueOf(period[0]), String.valueOf(period[1]))));
                }
            }
            // downloads: GEXF and GraphML are XML with every node and edge; CSV is an edge list
            String base = "/api/organizations/" + enc(center) + "/network";
            JsonNode ego = ok(c, base, "min", "2");
            int nodes = ego.get("nodes").size(), edges = ego.get("edges").size();
            // min: the neighbours are exactly the co-signers of at least min letters together (min taken so
            // that some co-signers have fewer), each linked to the centre by at least min
            JsonNode cos = ok(c, "/api/organizations/" + enc(center), "top", "100").get("coSigners");
            long min = Math.max(2, cos.get(Math.min(4, cos.size() - 1)).get("count").asLong());
            Set<String> expected = new HashSet<>();
            boolean fewer = false;
            for (JsonNode co : cos) {
                if (co.get("count").asLong() >= min) expected.add(co.get("value").asText());
                else fewer = true;
            }
            assertTrue(fewer, "some co-signers of " + center + " with fewer than " + min + " letters together");
            JsonNode minEgo = ok(c, base, "min", Long.toString(min), "limit", "100");
            Set<String> neighbours = new HashSet<>();
            for (JsonNode node : minEgo.get("nodes")) if (!node.get("id").asText().equals(center)) neighbours.add(node.get("id").asText());
            assertEquals(expected, neighbours, "neighbours of " + center + " with min " + min);
            for (String nb : neighbours) {
                JsonNode toCenter = null;
                for (JsonNode e : minEgo.get("edges")) {
                    if (Set.of(e.get("source").asText(), e.get("target").asText()).equals(Set.of(nb, center))) toCenter = e;
                }
                assertNotNull(toCenter, nb + " linked to " + center);
                assertTrue(toCenter.get("weight").asLong() >= min, toCenter.toString());
            }
            var gexf = xml(get(c, base, "min", "2", "format", "gexf"));
            assertEquals(nodes, gexf.getElementsByTagName("node").getLength());
            assertEquals(edges, gexf.getElementsByTagName("edge").getLength());
            assertEquals("http://gexf.net/1.3", gexf.getDocumentElement().getNamespaceURI());
            var graphml = xml(get(c, base, "min", "2", "format", "graphml"));
            assertEquals(nodes, graphml.getElementsByTagName("node").getLength());
            assertEquals(edges, graphml.getElementsByTagName("edge").getLength());
            Response csv = get(c, base, "min", "2", "format", "csv");
            assertTrue(csv.headers().get("Content-Type").get(0).startsWith("text/csv"));
            assertEquals(edges + 1, csv.body().string().split("\r\n").length);
        });
    }

    private static org.w3c.dom.Document xml(Response r) {
        try {
            assertEquals(200, r.code());
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().string().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void batchMatchesExactAcronymAliasFuzzyAndUnknownNames() throws Exception {
        String exact = null, acronym = null, acronymKey = null;
        List<JsonNode> orgs = new ArrayList<>();
        JavalinTest.test(WebApp.create(archive, null), (app, c) -> ok(c, "/api/organizations", "size", "500").get("organizations").forEach(orgs::add));
        JsonNode first = orgs.get(0);
        exact = first.get("label").asText() + ", Inc.";
        for (JsonNode o : orgs) {
            if (!o.get("acronyms").isEmpty() && o.get("acronyms").get(0).asText().length() >= 3) {
                acronym = o.get("acronyms").get(0).asText();
                acronymKey = o.get("key").asText();
                break;
            }
        }
        assertNotNull(acronym, "an organization with an acronym");
        String target = orgs.get(1).get("key").asText();
        archive.curation().merge(List.of(Organization.keyOf("Old Name Of The Second Organization")), target, null);
        String label = orgs.get(2).get("label").asText();
        String fuzzy = label.substring(0, label.length() / 2) + label.substring(label.length() / 2 + 1);
        List<String> names = List.of(exact, acronym, "Old Name of the Second Organization", fuzzy, "Zyxwv Imaginary Coalition of Nobody");
        String fuzzyTarget = orgs.get(2).get("key").asText();
        String expectAcronymKey = acronymKey;
        api((app, c) -> {
            String list = "name,country\n" + String.join("\n", names.stream().map(n -> "\"" + n + "\",XX").toList()) + "\n";
            Response r = c.request("/api/batch", b -> b.header("Content-Type", "text/csv").post(java.net.http.HttpRequest.BodyPublishers.ofString(list)));
            assertEquals(200, r.code());
            JsonNode body = json(r);
            assertEquals(5, body.get("names").asInt());
            JsonNode rows = body.get("results");
            assertEquals(List.of("exact", "acronym", "alias", "fuzzy", "none"),
                    List.of(rows.get(0).get("status").asText(), rows.get(1).get("status").asText(), rows.get(2).get("status").asText(),
                            rows.get(3).get("status").asText(), rows.get(4).get("status").asText()), rows.toString());
            assertEquals(first.get("key").asText(), rows.get(0).get("matches").get(0).get("key").asText());
            assertEquals(first.get("letters").asLong(), rows.get(0).get("matches").get(0).get("letters").asLong());
            assertEquals(expectAcronymKey, rows.get(1).get("matches").get(0).get("key").asText());
            assertEquals(target, rows.get(2).get("matches").get(0).get("key").asText());
            JsonNode fz = rows.get(3).get("matches").get(0);
            assertEquals(fuzzyTarget, fz.get("key").asText());
            assertTrue(fz.get("score").asDouble() < 1 && fz.get("reason").asText().contains("apart"), fz.toString());
            assertTrue(rows.get(4).get("matches").isEmpty());
            // the same as CSV, one row per input, and as a plain list
            Response csv = c.request("/api/batch?format=csv", b -> b.header("Content-Type", "text/plain").post(java.net.http.HttpRequest.BodyPublishers.ofString(String.join("\n", names))));
            String[] lines = csv.body().string().split("\r\n");
            assertEquals(names.size() + 1, lines.length);
            assertTrue(lines[4].contains(",fuzzy,"), lines[4]);
            assertTrue(lines[1].startsWith("1,") && lines[1].contains(",exact,"), lines[1]);
            // a list longer than the limit is refused
            String tooMany = String.join("\n", java.util.Collections.nCopies(5001, "x"));
            assertEquals(400, c.request("/api/batch", b -> b.header("Content-Type", "text/plain").post(java.net.http.HttpRequest.BodyPublishers.ofString(tooMany))).code());
        });
        // the same from the command line
        Path file = dir.resolve("names.csv");
        Files.writeString(file, "organization\n" + String.join("\n", names.stream().map(n -> "\"" + n + "\"").toList()) + "\n");
        var out = new java.io.ByteArrayOutputStream();
        var old = System.out;
        int code;
        archive.close();
        try {
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            code = new picocli.CommandLine(new org.letterarchive.cli.Main()).execute("batch", file.toString(),
                    "--corpus", dir.resolve("corpus").toString(), "--index", dir.resolve("index").toString());
        } finally {
            System.setOut(old);
            archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        }
        assertEquals(0, code);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(names.size() + 1, lines.length);
        assertTrue(lines[2].contains(",acronym,"), lines[2]);
        assertTrue(lines[5].contains(",none,"), lines[5]);
    }

    @Test
    void feedsAreValidAtomNewestFirstWithStableIds() {
        api((app, c) -> {
            SyndFeed all = feed(get(c, "/api/search.atom"));
            assertEquals("atom_1.0", all.getFeedType());
            assertFalse(all.getEntries().isEmpty());
            assertOrdered(all);
            SyndFeed again = feed(get(c, "/api/search.atom"));
            assertEquals(all.getUri(), again.getUri());
            assertEquals(all.getEntries().stream().map(SyndEntry::getUri).toList(), again.getEntries().stream().map(SyndEntry::getUri).toList());
            Set<String> ids = new HashSet<>();
            for (SyndEntry e : all.getEntries()) {
                assertTrue(e.getUri().matches("urn:letter-archive:letter:[0-9a-f]{64}"), e.getUri());
                assertTrue(ids.add(e.getUri()));
                assertTrue(e.getLink().contains("/letter.html?id="));
            }
            // a search's feed: its letters, newest first; a different search, a different feed id
            SyndFeed q = feed(get(c, "/api/search.atom", "q", "rights", "language", "en"));
            assertOrdered(q);
            assertFalse(q.getUri().equals(all.getUri()));
            assertEquals(Math.min(FeedController.ENTRIES, total(c, "q", "rights", "language", "en")), q.getEntries().size());
            JsonNode org = top(c, 1).get(0);
            SyndFeed of = feed(get(c, "/api/organizations/" + enc(org.get("label").asText()) + "/letters.atom"));
            assertEquals(Math.min(FeedController.ENTRIES, org.get("letters").asLong()), of.getEntries().size());
            assertOrdered(of);
            assertEquals(404, get(c, "/api/organizations/" + enc("Zyxwv Imaginary Coalition") + "/letters.atom").code());
        });
    }

    private static SyndFeed feed(Response r) {
        try {
            assertEquals(200, r.code());
            assertTrue(r.headers().get("Content-Type").get(0).startsWith("application/atom+xml"));
            return new SyndFeedInput().build(new StringReader(r.body().string()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertOrdered(SyndFeed f) {
        java.util.Date prev = null;
        for (SyndEntry e : f.getEntries()) {
            java.util.Date d = e.getUpdatedDate();
            assertNotNull(d);
            if (prev != null) assertFalse(d.after(prev), "newest first");
            prev = d;
        }
    }

    @Test
    void citationsParseInEachFormat() throws Exception {
        api((app, c) -> {
            JsonNode hit = ok(c, "/api/search", "sort", "signers", "size", "1").get("hits").get(0);
            String id = hit.get("id").asText();
            String ris = get(c, "/api/letters/" + id + "/cite", "format", "ris").body().string();
            List<String> tags = new ArrayList<>();
            for (String line : ris.split("\r\n")) {
                assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), line);
                tags.add(line.substring(0, 2));
            }
            assertEquals("TY", tags.get(0));
            assertEquals("ER", tags.get(tags.size() - 1));
            assertTrue(tags.contains("TI") && tags.contains("UR") && tags.contains("AU"));
            assertTrue(ris.contains("UR  - http://") && ris.contains("/letter.html?id=" + id));
            String bib = get(c, "/api/letters/" + id + "/cite", "format", "bibtex").body().string();
            assertTrue(bib.startsWith("@misc{letter" + id.substring(0, 12) + ","), bib);
            int depth = 0;
            for (int i = 0; i < bib.length(); i++) {
                char ch = bib.charAt(i);
                if (ch == '\\') { i++; continue; }
                if (ch == '{') depth++;
                if (ch == '}') depth--;
                assertTrue(depth >= 0, "balanced braces");
            }
            assertEquals(0, depth);
            assertTrue(bib.contains("title = {{"));
            JsonNode csl = SearchFixture.json(get(c, "/api/letters/" + id + "/cite", "format", "csl-json"));
            assertEquals(id, csl.get(0).get("id").asText());
            assertEquals("personal_communication", csl.get(0).get("type").asText());
            assertFalse(csl.get(0).get("title").asText().isBlank());
            assertTrue(csl.get(0).get("author").size() > 0);
            if (hit.hasNonNull("date")) assertEquals(Integer.parseInt(hit.get("date").asText().substring(0, 4)), csl.get(0).get("issued").get("date-parts").get(0).get(0).asInt());
            assertEquals(400, get(c, "/api/letters/" + id + "/cite", "format", "mla").code());
            assertEquals(404, get(c, "/api/letters/" + "0".repeat(64) + "/cite").code());
        });
    }

    @Test
    void relatedLettersShareOrganizationsMostFirst() {
        api((app, c) -> {
            String center = top(c, 1).get(0).get("key").asText();
            String id = ok(c, "/api/search", "signer", center, "size", "1").get("hits").get(0).get("id").asText();
            Set<String> mine = orgsOf(c, id);
            JsonNode related = ok(c, "/api/letters/" + id + "/related");
            assertFalse(related.get("hits").isEmpty());
            int prev = Integer.MAX_VALUE;
            for (JsonNode h : related.get("hits")) {
                assertFalse(h.get("id").asText().equals(id));
                Set<String> theirs = orgsOf(c, h.get("id").asText());
                theirs.retainAll(mine);
                assertEquals(theirs.size(), h.get("shared").asInt(), h.get("id").asText());
                assertTrue(h.get("shared").asInt() <= prev);
                prev = h.get("shared").asInt();
            }
            assertEquals(404, get(c, "/api/letters/" + "0".repeat(64) + "/related").code());
        });
    }

    private static Set<String> orgsOf(HttpClient c, String id) {
        Set<String> keys = new HashSet<>();
        for (JsonNode s : ok(c, "/api/letters/" + id).get("signers")) if (s.hasNonNull("organization")) keys.add(s.get("organization").asText());
        return keys;
    }

    @Test
    void organizationListFiltersByPrefixAndSorts() {
        api((app, c) -> {
            JsonNode byName = ok(c, "/api/organizations", "sort", "name", "prefix", "Am", "size", "100");
            assertTrue(byName.get("matching").asInt() > 0);
            String prev = "";
            for (JsonNode o : byName.get("organizations")) {
                String folded = Organization.keyOf(o.get("label").asText());
                assertTrue(folded.compareTo(prev) >= 0, folded + " after " + prev);
                prev = folded;
                boolean matches = o.get("key").asText().startsWith("am") || o.get("key").asText().contains(" am") || folded.startsWith("am")
                        || folded.contains(" am") || o.toString().toLowerCase().contains("\"am");
                assertTrue(matches, o.toString());
            }
            JsonNode recent = ok(c, "/api/organizations", "sort", "recent", "size", "20");
            String last = "9999";
            for (JsonNode o : recent.get("organizations")) {
                String d = o.get("lastDate").asText("0000");
                assertTrue(d.compareTo(last) <= 0);
                last = d;
            }
            JsonNode p2 = ok(c, "/api/organizations", "page", "2", "size", "10");
            JsonNode p1 = ok(c, "/api/organizations", "page", "1", "size", "20");
            assertEquals(p1.get("organizations").get(10).get("key"), p2.get("organizations").get(0).get("key"));
        });
    }

    private static List<Long> counts(JsonNode values) {
        List<Long> out = new ArrayList<>();
        values.forEach(v -> out.add(v.get("count").asLong()));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
