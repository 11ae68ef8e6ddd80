package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.corpus.StoredLetter;

/** Corrections, organization merges and splits through the API, and their survival. */
class CurationApiTest {

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

    private String upload(String title, String... signers) throws Exception {
        var r = server.upload(UploadTestServer.letter(title, signers), title.replace(' ', '-') + ".txt");
        assertEquals(201, r.status(), r.raw().body());
        return r.json().get("id").asText();
    }

    @Test
    void correctionWinsAndSurvivesReindexAndReanalysis() throws Exception {
        String id = upload("Letter about gannetcolonies on the coast", "Seabird Society");
        Map<String, Object> patch = Map.of(
                "title", "Corrected heading on pelicanroosts",
                "date", "2020-02-29",
                "signers", List.of(Map.of("name", "Pelican Partnership", "kind", "organization"), Map.of("name", "Jane Doe", "kind", "person")),
                "recipients", List.of(Map.of("name", "Ministry of Birds")),
                "editedBy", "ana");
        var r = server.json("PATCH", "/api/letters/" + id, patch, UploadTestServer.TOKEN);
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("Corrected heading on pelicanroosts", r.json().get("title").asText());
        assertEquals("2020-02-29", r.json().get("date").asText());
        assertEquals("human", r.json().get("dateSource").asText());
        assertEquals("ana", r.json().get("corrections").get("editedBy").asText());
        assertNotNull(r.json().get("corrections").get("editedAt").asText());
        assertEquals(1, server.hits("pelicanroosts"));

        // a later correction of one field keeps the others
        var second = server.json("PATCH", "/api/letters/" + id, Map.of("title", "Final heading on pelicanroosts"), UploadTestServer.TOKEN);
        assertEquals(200, second.status(), second.raw().body());
        assertEquals("2020-02-29", second.json().get("date").asText());
        assertEquals(2, second.json().get("signers").size());

        server.archive.maintenance().reindex();
        assertEquals(1, server.hits("\"Final heading\""));
        org.letterarchive.ingest.IngestPipeline.Reanalysis report = server.archive.ingest().reanalyze();
        server.archive.maintenance().reindex();
        assertEquals(0, report.failed(), report.failures().toString());
        StoredLetter stored = server.archive.get(id).orElseThrow();
        assertEquals(Archive.ANALYSIS_VERSION, stored.analysisVersion());
        assertEquals("Final heading on pelicanroosts", stored.letter().title());
        assertEquals("Pelican Partnership", stored.letter().signers().get(0).name());
        assertEquals("Seabird Society", stored.extracted().signers().get(0).name());
        assertEquals(1, server.hits("\"Final heading\""));
        var shown = server.get("/api/letters/" + id);
        assertEquals("Final heading on pelicanroosts", shown.json().get("title").asText());
        assertTrue(shown.json().get("corrected").asBoolean());
    }

    @Test
    void badCorrectionsAre400AndUnknownLettersAre404() throws Exception {
        String id = upload("Letter about ternnesting grounds", "Tern Trust");
        String path = "/api/letters/" + id;
        StoredLetter before = server.archive.get(id).orElseThrow();
        assertEquals(400, server.json("PATCH", path, Map.of("date", "29/02/2020"), UploadTestServer.TOKEN).status());
        assertEquals(400, server.json("PATCH", path, Map.of("colour", "red"), UploadTestServer.TOKEN).status());
        assertEquals(400, server.json("PATCH", path, Map.of(), UploadTestServer.TOKEN).status());
        assertEquals(400, server.json("PATCH", path, Map.of("signers", List.of(Map.of("kind", "person"))), UploadTestServer.TOKEN).status());
        assertEquals(400, server.json("PATCH", path, Map.of("title", ""), UploadTestServer.TOKEN).status());
        var notJson = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .header("Authorization", "Bearer " + UploadTestServer.TOKEN)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{not json")));
        assertEquals(400, notJson.status());
        assertEquals(400, notJson.json().get("status").asInt());
        assertEquals(404, server.json("PATCH", "/api/letters/" + "a".repeat(64), Map.of("title", "x"), UploadTestServer.TOKEN).status());
        assertEquals(before, server.archive.get(id).orElseThrow());
    }

    @Test
    void mergeAndSplitOrganizationsReindexTheirLetters() throws Exception {
        upload("First letter about ospreynests", "Osprey Watch");
        upload("Second letter about ospreynests", "Osprey Watchers Network");
        assertEquals(1, signerHits("osprey watch"));

        var merge = server.json("POST", "/api/organizations/merge",
                Map.of("keys", List.of("osprey watchers network"), "into", "osprey watch", "name", "Osprey Watch (all chapters)"),
                UploadTestServer.TOKEN);
        assertEquals(200, merge.status(), merge.raw().body());
        assertEquals(2, signerHits("osprey watch"));
        assertEquals("Osprey Watch (all chapters)", server.archive.store().organizations().label("osprey watch"));

        var split = server.json("POST", "/api/organizations/split", Map.of("keys", List.of("osprey watchers network")), UploadTestServer.TOKEN);
        assertEquals(200, split.status(), split.raw().body());
        assertEquals(1, signerHits("osprey watch"));
        assertEquals(1, signerHits("osprey watchers network"));

        // the table lives in the corpus: a full reindex keeps the split
        server.archive.maintenance().reindex();
        assertEquals(1, signerHits("osprey watch"));
        assertEquals(400, server.json("POST", "/api/organizations/merge", Map.of("keys", List.of()), UploadTestServer.TOKEN).status());
        assertEquals(400, server.json("POST", "/api/organizations/merge", Map.of("keys", List.of("a")), UploadTestServer.TOKEN).status());
    }

    private long signerHits(String key) throws Exception {
        var r = server.get("/api/search?signer=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.raw().body());
        return r.json().get("total").asLong();
    }
}
