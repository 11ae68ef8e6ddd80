package org.letterarchive.web;

import org.letterarchive.TestLetters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letter families through the API: the family of a letter with its diff, collapse=family, the facet, split and join. */
class FamilyApiTest {

    static final String[] EN = TestLetters.FAMILY_EN;
    static final String[] ES = TestLetters.FAMILY_ES;
    static final String[] CAMPAIGN = TestLetters.FAMILY_CAMPAIGN;

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

    String upload(byte[] bytes, String name) throws Exception {
        var r = server.upload(bytes, name);
        assertEquals(201, r.status(), r.raw().body());
        return r.json().get("id").asText();
    }

    JsonNode get(String path) throws Exception {
        var r = server.get(path);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    static final List<String> COALITION = TestLetters.FAMILY_COALITION;

    @Test
    void familiesThroughTheApi() throws Exception {
        String base = upload(TestLetters.familyLetter("Restore the community radio licences", "March 3, 2021", "Dear Minister,", EN, "Sincerely,", COALITION), "base.txt");
        String[] changed = EN.clone();
        changed[2] = "After our meeting on 15 March the licensing authority still has not given any written reasons to the stations.";
        List<String> grown = new ArrayList<>(COALITION.subList(0, 3));
        grown.addAll(List.of("Northern Journalists Network", "Digital Freedom Foundation"));
        String version = upload(TestLetters.familyLetter("Restore the community radio licences", "March 20, 2021", "Dear Minister,", changed, "Sincerely,", grown), "version.txt");
        String translation = upload(TestLetters.familyLetter("Restablezcan las licencias de las radios comunitarias", "4 de marzo de 2021", "Estimado Ministro:", ES,
                "Atentamente,", COALITION), "es.txt");
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String[] text = CAMPAIGN.clone();
            if (i % 4 == 0) text[1] = text[1] + " My own garden flooded twice last year.";
            copies.add(upload(TestLetters.familyLetter("Stop the wetland motorway", "June " + (1 + i) + ", 2022", "Dear Minister,", text, "Sincerely,",
                    List.of("Residents Association of Block " + (char) ('A' + i))), "copy-" + i + ".txt"));
        }
        String alone = upload(TestLetters.familyLetter("Fund the public libraries", "May 2, 2022", "Dear Minister,", new String[] {
            "Public libraries in our region have lost half of their budget over the last five years of cuts.",
            "Many branches now open only two days a week and children have nowhere to study after school.",
            "We ask you to restore the library budget in the next spending review without further delay."}, "Sincerely,",
            List.of("Friends of the Library", "Readers Alliance")), "library.txt");

        // the family of a version: the earliest letter, the diff of signers and paragraphs
        JsonNode f = get("/api/letters/" + version + "/family");
        assertEquals(base, f.get("family").asText());
        assertEquals("version", f.get("relation").asText());
        assertEquals(3, f.get("size").asInt(), f.toString());
        Map<String, JsonNode> members = new HashMap<>();
        f.get("members").forEach(m -> members.put(m.get("id").asText(), m));
        assertEquals("earliest", members.get(base).get("relation").asText());
        assertEquals("translation", members.get(translation).get("relation").asText());
        assertEquals("es", members.get(translation).get("language").asText());
        JsonNode diff = members.get(version).get("diff");
        assertEquals(List.of("Northern Journalists Network", "Digital Freedom Foundation"), UploadTestServer.list(wrap(diff.get("signersAdded")), "v"));
        assertEquals(List.of("Open Airwaves Foundation"), UploadTestServer.list(wrap(diff.get("signersRemoved")), "v"));
        assertEquals(1, diff.get("paragraphsAdded").size(), diff.toString());
        assertTrue(diff.get("paragraphsAdded").get(0).asText().contains("15 March"));
        assertEquals(1, diff.get("paragraphsRemoved").size());

        // a campaign: one family, its count, pooled signers and the share of copies that changed the text
        JsonNode c = get("/api/letters/" + copies.get(5) + "/family");
        assertEquals("campaign copy", c.get("relation").asText());
        assertEquals(12, c.get("campaign").get("count").asInt());
        assertEquals(11, c.get("campaign").get("copies").asInt());
        assertEquals(12, c.get("campaign").get("signers").size());
        assertTrue(c.get("kinds").toString().contains("campaign"));
        double share = c.get("campaign").get("changedTextShare").asDouble();
        assertEquals(0.25, share, 1e-9, "3 of 12 letters differ from the campaign's common text");

        JsonNode single = get("/api/letters/" + alone + "/family");
        assertEquals(1, single.get("size").asInt());
        assertEquals("[\"single\"]", single.get("kinds").toString());

        // collapse=family: one hit per family, with the family's make-up; the facet counts letters per kind
        JsonNode all = get("/api/search?size=50");
        assertEquals(16, all.get("total").asInt());
        JsonNode collapsed = get("/api/search?size=50&collapse=family");
        assertEquals(16, collapsed.get("total").asInt());
        assertEquals(3, collapsed.get("families").asInt());
        assertEquals(3, collapsed.get("hits").size());
        for (JsonNode h : collapsed.get("hits")) {
            int size = h.get("family").get("size").asInt();
            assertTrue(size == 1 || size == 3 || size == 12, h.toString());
            if (size == 3) assertEquals("{\"version\":1,\"translation\":1}", h.get("family").get("others").toString());
        }
        Map<String, Integer> facet = new HashMap<>();
        all.get("facets").get("family").forEach(v -> facet.put(v.get("value").asText(), v.get("count").asInt()));
        assertEquals(Map.of("campaign", 12, "versions", 3, "translations", 3, "single", 1), facet);
        assertEquals(12, get("/api/search?family=campaign").get("total").asInt());
        assertEquals(400, server.get("/api/search?collapse=letters").status());

        // split: the translation leaves its family, also after a rebuild of the index; it needs the token
        assertEquals(401, server.json("POST", "/api/letters/" + translation + "/family/split", null, null).status());
        var split = server.json("POST", "/api/letters/" + translation + "/family/split", null, UploadTestServer.TOKEN);
        assertEquals(200, split.status(), split.raw().body());
        assertEquals(1, split.json().get("size").asInt());
        assertEquals(2, get("/api/letters/" + base + "/family").get("size").asInt());
        // join: the library letter joins the radio family
        var join = server.json("POST", "/api/letters/" + alone + "/family/join", Map.of("with", base), UploadTestServer.TOKEN);
        assertEquals(200, join.status(), join.raw().body());
        assertEquals(3, join.json().get("size").asInt());
        assertEquals(base, join.json().get("family").asText());
        server.archive.maintenance().reindex();
        assertEquals(1, get("/api/letters/" + translation + "/family").get("size").asInt());
        JsonNode after = get("/api/letters/" + base + "/family");
        assertEquals(3, after.get("size").asInt());
        assertFalse(after.get("members").toString().contains(translation));
        assertTrue(after.get("members").toString().contains(alone));
        // the radio letters with the library letter, the translation alone, the campaign
        assertEquals(3, get("/api/search?collapse=family").get("families").asInt());
    }

    private static JsonNode wrap(JsonNode strings) {
        var arr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        strings.forEach(s -> arr.addObject().put("v", s.asText()));
        return arr;
    }
}
