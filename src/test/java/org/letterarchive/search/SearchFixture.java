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

    static final List<String> COALITION = org.letterarchive.TestLetters.FAMILY_COALITION;
    /** The paragraph the version rewrites. */
    public static final String CHANGED = "After our meeting on 15 March the licensing authority still has not given any written reasons to the stations.";

    /** The family letters' ids: a letter with its version and translation, a campaign of 12 copies, a letter alone. */
    public record FamilyLetters(String earliest, String version, String translation, List<String> copies, String alone) {}

    /** Stages the family letters (families detected as they are stored); the caller commits. */
    public static FamilyLetters stageFamilies(Archive archive) throws IOException {
        String[] en = org.letterarchive.TestLetters.FAMILY_EN;
        String earliest = stageFamilyLetter(archive, "Restore the community radio licences", "en", LocalDate.of(2021, 3, 3),
                "Dear Minister,", en, COALITION);
        String[] changed = en.clone();
        changed[2] = CHANGED;
        List<String> grown = new ArrayList<>(COALITION.subList(0, 3));
        grown.addAll(List.of("Northern Journalists Network", "Digital Freedom Foundation"));
        String version = stageFamilyLetter(archive, "Restore the community radio licences", "en", LocalDate.of(2021, 3, 20),
                "Dear Minister,", changed, grown);
        String translation = stageFamilyLetter(archive, "Restablezcan las licencias de las radios comunitarias", "es",
                LocalDate.of(2021, 3, 4), "Estimado Ministro:", org.letterarchive.TestLetters.FAMILY_ES, COALITION);
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String[] text = org.letterarchive.TestLetters.FAMILY_CAMPAIGN.clone();
            if (i % 4 == 0) text[1] = text[1] + " My own garden flooded twice last year.";
            copies.add(stageFamilyLetter(archive, "Stop the wetland motorway", "en", LocalDate.of(2022, 6, 1 + i), "Dear Minister,", text,
                    List.of("Residents Association of Block " + (char) ('A' + i))));
        }
        String alone = stageFamilyLetter(archive, "Fund the public libraries", "en", LocalDate.of(2020, 5, 2), "Dear Minister,", new String[] {
            "Public libraries in our region have lost half of their budget over the last five years of cuts.",
            "Many branches now open only two days a week and children have nowhere to study after school.",
            "We ask you to restore the library budget in the next spending review without further delay."},
            List.of("Friends of the Library", "Readers Alliance"));
        return new FamilyLetters(earliest, version, translation, List.copyOf(copies), alone);
    }

    private static String stageFamilyLetter(Archive archive, String title, String language, LocalDate date, String salutation,
                                            String[] paragraphs, List<String> signers) throws IOException {
        StringBuilder b = new StringBuilder(title).append("\n\n").append(date).append("\n\n").append(salutation).append("\n\n");
        for (String p : paragraphs) b.append(p).append("\n\n");
        for (String s : signers) b.append(s).append('\n');
        String text = b.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Letter l = new Letter(null, "letter.txt", "text/plain", language, title, date, "text",
                List.of(Recipient.of(null, "Minister of Communications")), signers.stream().map(Signer::organization).toList(),
                signers.size(), text, List.of());
        return archive.store().stage(bytes, org.letterarchive.letter.LetterId.of(bytes), "letter.txt", l).letter().id();
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
