package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.letter.Assessment;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** The review queue over the API: what it lists and in which order, and how a curator takes a letter off it. */
class ReviewApiTest {

    @TempDir
    Path dir;
    UploadTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = UploadTestServer.trusted(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Stores a letter with the given assessment as if the analysis had found it; returns its id. */
    private String store(String title, LocalDate date, Assessment assessment, String... signers) throws Exception {
        String text = title + "\n\nDear Minister,\n\nWe write about " + title + ".\n\n" + String.join("\n", signers) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Signer> s = java.util.Arrays.stream(signers).map(n -> Signer.organization(n).withConfidence(0.9)).toList();
        Letter letter = new Letter(null, title.replace(' ', '-') + ".txt", "text/plain", "en", title, date, date == null ? null : "text",
                List.of(Recipient.of("Minister of Testing", null).withConfidence(0.9)), s, s.size(), text, List.of(), assessment);
        String id = server.archive.store().stage(bytes, LetterId.of(bytes), title.replace(' ', '-') + ".txt", letter).letter().id();
        server.archive.commit();
        return id;
    }

    private static Assessment unsure(double least, String... doubts) {
        return new Assessment(0.9, 0.9, 0.9, least, List.of(doubts));
    }

    private JsonNode review(String query) throws Exception {
        var r = server.get("/api/review" + query);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        return UploadTestServer.list(page.get("letters"), "id");
    }

    @Test
    void queueListsTheUnsureLettersNewestOrLeastConfidentFirst() throws Exception {
        String recent = store("Letter on kelpforests", LocalDate.of(2021, 5, 1), unsure(0.3, "1 signer uncertain"), "Kelp Keepers");
        String older = store("Letter on seagrassmeadows", LocalDate.of(2019, 2, 1), unsure(0.55, "2 signers uncertain"), "Seagrass Union", "Dune Friends");
        String undated = store("Letter on saltmarshes", null, new Assessment(0.9, 0, 0.9, 0.8, List.of("no date found")), "Marsh Guild");
        store("Letter on mudflats", LocalDate.of(2020, 1, 1), new Assessment(0.9, 0.9, 0.9, 0.9, List.of()), "Mudflat Watch");
        store("Letter on reefs analysed long ago", LocalDate.of(2022, 1, 1), null, "Reef Circle");

        JsonNode newest = review("");
        assertEquals(3, newest.get("total").asInt());
        assertEquals("newest", newest.get("sort").asText());
        assertEquals(List.of(recent, older, undated), ids(newest), "newest first, the undated letter last");
        JsonNode first = newest.get("letters").get(0);
        assertEquals("Letter on kelpforests", first.get("title").asText());
        assertEquals("2021-05-01", first.get("date").asText());
        assertEquals(1, first.get("signerCount").asInt());
        assertEquals(List.of("1 signer uncertain"), List.of(first.get("doubts").get(0).asText()));
        assertEquals(0.3, first.get("confidence").get("least").asDouble(), 1e-9);
        assertEquals(0.3, first.get("confidence").get("signers").asDouble(), 1e-9);
        assertEquals(0.9, first.get("confidence").get("title").asDouble(), 1e-9);
        assertEquals(2, newest.get("letters").get(1).get("signerCount").asInt());

        assertEquals(List.of(undated, recent, older), ids(review("?sort=confidence")), "least confident first");
        JsonNode second = review("?sort=confidence&page=2&size=2");
        assertEquals(3, second.get("total").asInt());
        assertEquals(List.of(older), ids(second));

        assertEquals(400, server.get("/api/review?sort=sideways").status());
        assertEquals(400, server.get("/api/review?size=101").status());
        assertEquals(400, server.get("/api/review?page=0").status());
    }

    @Test
    void aCorrectionSettlesTheLetterAndItStaysSettledThroughReindexAndReanalysis() throws Exception {
        String id = store("Letter on oysterbeds", LocalDate.of(2021, 3, 3), unsure(0.2, "1 signer uncertain"), "Oyster Allies");
        String other = store("Letter on musselbanks", LocalDate.of(2020, 3, 3), unsure(0.4, "1 signer uncertain"), "Mussel Network");
        assertEquals(List.of(id, other), ids(review("")));
        assertTrue(server.get("/api/letters/" + id).json().get("needsReview").asBoolean());

        var patched = server.json("PATCH", "/api/letters/" + id,
                Map.of("signers", List.of(Map.of("name", "Oyster Allies International", "kind", "organization"))), UploadTestServer.TOKEN);
        assertEquals(200, patched.status(), patched.raw().body());
        assertFalse(patched.json().get("needsReview").asBoolean());
        assertTrue(patched.json().get("corrected").asBoolean());
        assertEquals(List.of(other), ids(review("")), "the corrected letter left the queue");
        assertEquals(1, review("").get("total").asInt());

        // the confidences stay, the doubts are settled
        StoredLetter stored = server.archive.get(id).orElseThrow();
        assertEquals(List.of(), stored.letter().assessment().doubts());
        assertEquals(0.2, stored.letter().assessment().signers(), 1e-9);
        assertEquals(List.of("1 signer uncertain"), stored.extracted().assessment().doubts(), "the analysis's own record is kept");

        server.archive.maintenance().reindex();
        assertFalse(ids(review("")).contains(id));
        var report = server.archive.ingest().reanalyze();
        assertEquals(0, report.failed(), report.failures().toString());
        server.archive.maintenance().reindex();
        assertFalse(ids(review("")).contains(id), "a re-analysis keeps a corrected letter settled");
        assertFalse(server.archive.get(id).orElseThrow().letter().needsReview());
        assertEquals("Oyster Allies International", server.archive.get(id).orElseThrow().letter().signers().get(0).name());
    }

    @Test
    void markReviewedNeedsTheTokenKeepsTheLetterAndTakesItOffTheQueue() throws Exception {
        String id = store("Letter on eelgrass", LocalDate.of(2021, 7, 7), unsure(0.1, "1 signer uncertain"), "Eelgrass Trust");
        String path = "/api/letters/" + id + "/reviewed";
        Letter before = server.archive.get(id).orElseThrow().letter();

        var noToken = server.json("POST", path, null, null);
        assertEquals(401, noToken.status());
        assertEquals(401, noToken.json().get("status").asInt());
        assertEquals(401, server.json("POST", path, null, "not-the-token").status());
        assertEquals(List.of(id), ids(review("")), "a refused request changes nothing");
        assertEquals(404, server.json("POST", "/api/letters/" + "b".repeat(64) + "/reviewed", null, UploadTestServer.TOKEN).status());
        assertEquals(400, server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .header("Authorization", "Bearer " + UploadTestServer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[1, 2"))).status());

        var ok = server.json("POST", path, Map.of("editedBy", "rosa"), UploadTestServer.TOKEN);
        assertEquals(200, ok.status(), ok.raw().body());
        assertFalse(ok.json().get("needsReview").asBoolean());
        assertTrue(ok.json().get("reviewed").asBoolean());
        assertFalse(ok.json().get("corrected").asBoolean(), "reviewed as it stands is no correction");
        assertEquals("rosa", ok.json().get("corrections").get("editedBy").asText());
        assertNotNull(ok.json().get("corrections").get("editedAt").asText());
        assertEquals(0, review("").get("total").asInt());

        Letter after = server.archive.get(id).orElseThrow().letter();
        assertEquals(before.title(), after.title());
        assertEquals(before.signers(), after.signers());
        assertEquals(before.date(), after.date());

        // a second time is harmless
        assertEquals(200, server.json("POST", path, null, UploadTestServer.TOKEN).status());
    }

    @Test
    void anUndatedUploadIsListedWithTheAnalysisDoubt() throws Exception {
        byte[] letter = ("Open letter on heronries\n\nDear Minister,\n\nWe write about the heronries of the estuary, which "
                + "deserve the protection the law promises them.\n\nSincerely,\n\nHeron Society\nEstuary Friends\n").getBytes(StandardCharsets.UTF_8);
        var r = server.upload(letter, "heronries.txt");
        assertEquals(201, r.status(), r.raw().body());
        String id = r.json().get("id").asText();
        JsonNode page = review("");
        assertEquals(List.of(id), ids(page));
        List<String> doubts = UploadTestServer.list(page.get("letters"), "id").isEmpty() ? List.of()
                : java.util.stream.StreamSupport.stream(page.get("letters").get(0).get("doubts").spliterator(), false).map(JsonNode::asText).toList();
        assertTrue(doubts.contains("no date found"), doubts.toString());
        var shown = server.get("/api/letters/" + id).json();
        assertTrue(shown.get("needsReview").asBoolean());
        assertEquals(0.0, shown.get("assessment").get("date").asDouble(), 1e-9);
    }

    @Test
    void theOpenApiDescriptionHasTheReviewRoutes() throws Exception {
        JsonNode paths = server.get("/api/openapi.json").json().get("paths");
        assertTrue(paths.path("/api/review").has("get"));
        assertTrue(paths.path("/api/letters/{id}/reviewed").has("post"));
        assertTrue(paths.path("/api/letters/{id}/reviewed").get("post").has("security"));
    }
}
