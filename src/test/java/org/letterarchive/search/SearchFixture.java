package org.letterarchive.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** Archives for search tests: hand-made letters, or the shared real letters; and HTTP helpers. */
public final class SearchFixture {

    private SearchFixture() {}

    /** A hand-made letter; the text also makes the stored bytes, so each letter gets its own id. */
    public static Letter letter(String language, String format, String title, LocalDate date, List<Recipient> recipients,
                                List<Signer> signers, int signerCount, String text) {
        return new Letter(null, "letter.txt", format, language, title, date, date == null ? null : "text", recipients,
                signers, signerCount, text, List.of());
    }

    /** Stores hand-made letters and commits; returns their ids in the given order. */
    public static List<String> store(Archive archive, Letter... letters) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Letter l : letters) {
            byte[] bytes = (l.title() + "\n" + l.text()).getBytes(StandardCharsets.UTF_8);
            ids.add(archive.store().stage(bytes, org.letterarchive.letter.LetterId.of(bytes), "letter.txt", l).letter().id());
        }
        archive.commit();
        return ids;
    }

    /**
     * The shared real letters folder, {@code ../shared/letters}. Missing: a failure under CI, else the test
     * is skipped with a notice.
     */
    public static Path sharedLetters() {
        return org.letterarchive.TestLetters.shared().resolve("letters");
    }

    /** Ingests every shared letter (the seed letter is among them) and commits; returns how many were stored. */
    public static int ingestShared(Archive archive) throws IOException {
        int n = 0;
        try (var files = Files.list(sharedLetters())) {
            for (Path f : files.sorted().toList()) {
                if (!Files.isRegularFile(f)) continue;
                try {
                    archive.ingestWithoutCommit(Files.readAllBytes(f), f.getFileName().toString());
                    n++;
                } catch (ExtractionException e) {
                    System.out.println("not ingested: " + f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        archive.commit();
        return n;
    }

    public static JsonNode json(Response r) {
        try {
            return Json.mapper().readTree(r.body().string());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body().string(), e);
        }
    }

    /** GET with the query's parameter values URL-encoded: {@code get(client, "/api/search", "q", "a b")}. */
    public static Response get(HttpClient client, String path, String... params) {
        StringBuilder sb = new StringBuilder(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            sb.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(java.net.URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return client.get(sb.toString());
    }

    public static JsonNode ok(HttpClient client, String path, String... params) {
        Response r = get(client, path, params);
        if (r.code() != 200) throw new AssertionError(path + " " + List.of(params) + " → " + r.code() + " " + r.body().string());
        return json(r);
    }

    public static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        for (JsonNode h : result.get("hits")) ids.add(h.get("id").asText());
        return ids;
    }

    /** Every id a search matches, through the JSON export. */
    public static Set<String> exportIds(HttpClient client, String... params) {
        String[] p = java.util.Arrays.copyOf(params, params.length + 2);
        p[params.length] = "format";
        p[params.length + 1] = "json";
        JsonNode rows = ok(client, "/api/export", p);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode row : rows) ids.add(row.get("id").asText());
        return ids;
    }
}
