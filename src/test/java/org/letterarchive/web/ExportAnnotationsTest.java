package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.cli.ExportAnnotationsCommand;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.extract.Annotations;
import org.letterarchive.extract.Annotations.Annotated;
import org.letterarchive.extract.DocumentParser;
import org.letterarchive.extract.Evaluation;
import org.letterarchive.letter.Letter;
import picocli.CommandLine;

/**
 * {@code letters export-annotations}: letters a curator corrected or reviewed come out in the format of the
 * hand annotations, and score perfectly against the archive's letters under the scorer's rules.
 */
class ExportAnnotationsTest {

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

    private String upload(String name, String text) throws Exception {
        var r = server.upload(text.getBytes(StandardCharsets.UTF_8), name);
        assertEquals(201, r.status(), r.raw().body());
        return r.json().get("id").asText();
    }

    private int export(String... args) {
        List<String> all = new ArrayList<>(List.of("--corpus", dir.resolve("corpus").toString()));
        all.addAll(List.of(args));
        return new CommandLine(new ExportAnnotationsCommand()).execute(all.toArray(String[]::new));
    }

    private static List<JsonNode> jsonl(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(Json.mapper().readTree(line));
        return out;
    }

    @Test
    void curatedLettersRoundTripThroughTheScorersRules() throws Exception {
        String corrected = upload("puffins.txt", "Open letter on puffin burrows\n\nMarch 3, 2021\n\nDear Minister,\n\n"
                + "We ask you to protect the puffin burrows of the northern cliffs.\n\nSigned,\n\nPuffin Society\nCliff Watch\n");
        String reviewed = upload("terns.txt", "Joint letter on tern colonies\n\nJune 9, 2020\n\nTo the Ministry of Coasts,\n\n"
                + "The undersigned organizations ask for tern colonies to be fenced.\n\nSincerely,\n\nTern Trust (TT)\nShorebird Alliance\n");
        upload("plovers.txt", "A note on plovers\n\nWe saw plovers on the beach.\n");

        var patch = server.json("PATCH", "/api/letters/" + corrected, Map.of(
                "title", "Open letter on puffin burrows",
                "date", "2021-03-03",
                "recipients", List.of(Map.of("name", "Ana Gull", "role", "Minister of the Environment"),
                        Map.of("name", "Bo Skua", "role", "Governor", "cc", true)),
                "signers", List.of(Map.of("name", "Puffin Society", "kind", "organization", "acronym", "PS", "location", "Iceland"),
                        Map.of("name", "Cliff Watch", "kind", "organization"),
                        Map.of("name", "Dr. Rita Auk", "kind", "person", "affiliation", "University of the Isles", "title", "Professor",
                                "capacity", "personal"))), UploadTestServer.TOKEN);
        assertEquals(200, patch.status(), patch.raw().body());
        assertEquals(200, server.json("POST", "/api/letters/" + reviewed + "/reviewed", null, UploadTestServer.TOKEN).status());

        Path out = dir.resolve("export/curated.jsonl");
        assertEquals(0, export("--out", out.toString()));
        List<JsonNode> rows = jsonl(out);
        assertEquals(List.of("puffins.txt", "terns.txt"), rows.stream().map(r -> r.get("file").asText()).toList(),
                "only the corrected and the reviewed letter, by file name");

        // the format of letters.gold.jsonl
        JsonNode puffins = rows.get(0);
        assertEquals(List.of("file", "date", "title", "recipients", "signers", "language"), fields(puffins));
        assertEquals("2021-03-03", puffins.get("date").asText());
        assertEquals("Open letter on puffin burrows", puffins.get("title").asText());
        assertEquals(server.archive.get(corrected).orElseThrow().letter().language(), puffins.get("language").textValue());
        JsonNode gull = puffins.get("recipients").get(0);
        assertEquals(List.of("name", "role"), fields(gull));
        assertEquals("Minister of the Environment", gull.get("role").asText());
        assertTrue(puffins.get("recipients").get(1).get("cc").asBoolean());
        JsonNode society = puffins.get("signers").get(0);
        assertEquals(List.of("name", "kind", "acronym", "location"), fields(society));
        assertEquals("PS", society.get("acronym").asText());
        assertEquals("Iceland", society.get("location").asText());
        assertTrue(puffins.get("signers").get(1).get("acronym").isNull());
        JsonNode auk = puffins.get("signers").get(2);
        assertEquals(List.of("name", "kind", "acronym", "location", "affiliation", "title", "capacity"), fields(auk));
        assertEquals("person", auk.get("kind").asText());
        assertEquals("individual", auk.get("capacity").asText());

        // scored with the scorer's rules against the stored letters: every part agrees
        Map<String, Letter> byFile = new HashMap<>();
        for (String id : List.of(corrected, reviewed)) {
            StoredLetter s = server.archive.get(id).orElseThrow();
            byFile.put(s.originalName(), s.letter());
        }
        List<Annotated> gold = rows.stream().map(r -> new Annotated(r.get("file").asText(), r.get("file").asText(), r, null)).toList();
        Evaluation.Scores scores = Evaluation.with(gold, a -> byFile.get(a.file()));
        assertPerfect(scores);
        assertEquals(3 + server.archive.get(reviewed).orElseThrow().letter().signers().size(), scores.signers[1]);

        // --all adds the letter nobody looked at
        Path everything = dir.resolve("export/all.jsonl");
        assertEquals(0, export("--all", "--out", everything.toString()));
        assertEquals(List.of("plovers.txt", "puffins.txt", "terns.txt"), jsonl(everything).stream().map(r -> r.get("file").asText()).toList());
    }

    @Test
    void aTrainingFolderReadsBackAsAnnotatedLetters() throws Exception {
        String id = upload("gannets.txt", "Letter on gannet colonies\n\nMay 5, 2022\n\nDear Minister,\n\n"
                + "We ask you to protect the gannet colonies.\n\nSigned,\n\nGannet Guild\n");
        assertEquals(200, server.json("PATCH", "/api/letters/" + id,
                Map.of("signers", List.of(Map.of("name", "Gannet Guild", "kind", "organization"), Map.of("name", "Bass Rock Friends"))),
                UploadTestServer.TOKEN).status());
        Path data = dir.resolve("training");
        assertEquals(0, export("--data", data.toString()));
        assertTrue(Files.isRegularFile(data.resolve("letters").resolve("gannets.txt")));
        // read as `letters train --data` reads it: originals parsed, annotations paired by file name
        List<Annotated> read = Annotations.read(data, new DocumentParser());
        assertEquals(1, read.size());
        assertEquals("gannets.txt", read.get(0).file());
        Letter stored = server.archive.get(id).orElseThrow().letter();
        Evaluation.Scores scores = Evaluation.with(read, a -> stored);
        assertPerfect(scores);
        assertEquals(2, scores.signers[0]);
        assertNull(read.get(0).gold().get("signers").get(1).get("affiliation"));
    }

    private static void assertPerfect(Evaluation.Scores s) {
        assertEquals(1.0, s.signerF1(), 1e-9, s.perLetter.toString());
        if (s.recipients[1] > 0) assertEquals(1.0, s.recipientF1(), 1e-9, s.perLetter.toString());
        assertEquals(1.0, s.dateAccuracy(), 1e-9, s.perLetter.toString());
        assertEquals(1.0, s.titleAccuracy(), 1e-9, s.perLetter.toString());
        assertEquals(1.0, s.languageAccuracy(), 1e-9, s.perLetter.toString());
    }

    private static List<String> fields(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return List.copyOf(out);
    }
}
