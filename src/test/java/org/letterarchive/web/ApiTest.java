package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.TestLetters;
import org.letterarchive.corpus.Json;

/** The foundation's API, through a real server over a real index. */
class ApiTest {

    @TempDir
    Path dir;
    Archive archive;
    String id;
    byte[] original;

    @BeforeEach
    void fill() throws Exception {
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        original = TestLetters.signOnLetter("Safe third country agreement must be abandoned for asylum seekers", "Sept. 14, 2018",
                "Washington Office on Latin America (WOLA)", "Kids in Need of Defense (KIND)");
        id = archive.ingest(original, "letter.txt").stored().id();
        archive.ingest(TestLetters.signOnLetter("Another letter on trade and the world economy", "May 2, 2021", "Our World Is Not For Sale"), "other.txt");
    }

    @AfterEach
    void close() throws Exception {
        archive.close();
    }

    private static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    @Test
    void searchFindsTheLetterWithSnippetsAndSignerFacet() throws Exception {
        JavalinTest.test(WebApp.create(archive, null), (server, client) -> {
            var res = client.get("/api/search?q=asylum");
            assertEquals(200, res.code());
            JsonNode body = json(res.body().string());
            assertEquals(1, body.get("total").asInt());
            JsonNode hit = body.get("hits").get(0);
            assertEquals(id, hit.get("id").asText());
            assertEquals("2018-09-14", hit.get("date").asText());
            assertEquals(2, hit.get("signerCount").asInt());
            assertTrue(hit.get("snippets").get(0).asText().contains("<mark>asylum</mark>"));
            boolean wola = false;
            for (JsonNode v : body.get("facets").get("signer")) wola |= v.get("label").asText().equals("Washington Office on Latin America");
            assertTrue(wola, "WOLA among signer facet values");
            for (String facet : new String[] {"signer", "recipient", "year", "language", "format"}) {
                assertTrue(body.get("facets").has(facet), facet);
            }
        });
    }

    @Test
    void facetValueFilters() throws Exception {
        JavalinTest.test(WebApp.create(archive, null), (server, client) -> {
            JsonNode all = json(client.get("/api/search").body().string());
            assertEquals(2, all.get("total").asInt());
            JsonNode y = json(client.get("/api/search?year=2021").body().string());
            assertEquals(1, y.get("total").asInt());
            assertEquals("Another letter on trade and the world economy", y.get("hits").get(0).get("title").asText());
        });
    }

    @Test
    void letterAndOriginalAreServed() throws Exception {
        JavalinTest.test(WebApp.create(archive, null), (server, client) -> {
            JsonNode letter = json(client.get("/api/letters/" + id).body().string());
            assertEquals("Safe third country agreement must be abandoned for asylum seekers", letter.get("title").asText());
            assertEquals(2, letter.get("signers").size());
            assertTrue(letter.get("text").asText().contains("asylum"));
            var file = client.get("/api/letters/" + id + "/file");
            assertEquals(200, file.code());
            assertTrue(file.headers().get("Content-Disposition").get(0).startsWith("attachment"));
            assertTrue(file.headers().get("Content-Type").get(0).startsWith("text/plain"));
            assertArrayEquals(original, file.body().string().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    @Test
    void unknownIdIs404Json() throws Exception {
        JavalinTest.test(WebApp.create(archive, null), (server, client) -> {
            var res = client.get("/api/letters/" + "0".repeat(64));
            assertEquals(404, res.code());
            assertTrue(json(res.body().string()).get("error").asText().contains("not found"));
            assertEquals(404, client.get("/api/letters/../../etc/passwd").code());
        });
    }

    @Test
    void malformedQueryIs400WithTheParsersMessage() throws Exception {
        JavalinTest.test(WebApp.create(archive, null), (server, client) -> {
            var res = client.get("/api/search?q=%22unclosed");
            assertEquals(400, res.code());
            assertTrue(json(res.body().string()).get("error").asText().startsWith("cannot parse the query"));
            assertEquals(400, client.get("/api/search?page=zero").code());
            assertEquals(400, client.get("/api/search?from=2020-13-45").code());
        });
    }

    @Test
    void healthCountsLetters() throws Exception {
        JavalinTest.test(WebApp.create(archive, null), (server, client) -> {
            JsonNode h = json(client.get("/api/health").body().string());
            assertEquals("ok", h.get("status").asText());
            assertEquals(2, h.get("letters").asInt());
        });
    }

    @Test
    void webPagesAreServedWithAContentSecurityPolicy() throws Exception {
        Path web = Path.of("web");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(web));
        JavalinTest.test(WebApp.create(archive, web), (server, client) -> {
            var res = client.get("/");
            assertEquals(200, res.code());
            assertTrue(res.body().string().contains("Letter Archive"));
            assertTrue(res.headers().get("Content-Security-Policy").get(0).contains("script-src 'self'"));
        });
    }
}
