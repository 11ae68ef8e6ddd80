package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.letter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.cli.SearchCommand;
import org.letterarchive.corpus.Json;
import org.letterarchive.letter.Signer;
import picocli.CommandLine;

/** `letters search`: the API's filters in the terminal. */
class SearchCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            SearchFixture.store(archive,
                    letter("en", "text/plain", "Letter one", LocalDate.of(2019, 3, 10), List.of(),
                            List.of(Signer.organization("Centro Prodh"), Signer.organization("WOLA")), 2, "About asylum."),
                    letter("es", "application/pdf", "Carta dos", LocalDate.of(2021, 7, 1), List.of(),
                            List.of(Signer.organization("Centro Prodh")), 1, "Sobre asilo y asylum."),
                    letter("en", "text/plain", "Letter three", null, List.of(),
                            List.of(Signer.organization("WOLA")), 1, "Nothing dated about asylum."));
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--corpus", dir.resolve("corpus").toString(), "--index", dir.resolve("index").toString()));
        all.addAll(List.of(args));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new SearchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(all.toArray(String[]::new));
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static JsonNode json(Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void filtersAsInTheApi() throws Exception {
        assertEquals(3, json(run("asylum", "--json")).get("total").asInt());
        assertEquals(2, json(run("--signer", "Centro Prodh", "--json")).get("total").asInt());
        assertEquals(3, json(run("--signer", "Centro Prodh", "--signer", "WOLA", "--json")).get("total").asInt());
        assertEquals(1, json(run("--signer", "Centro Prodh", "--signer", "wola", "--all-signers", "--json")).get("total").asInt());
        assertEquals(1, json(run("--year", "2021", "--json")).get("total").asInt());
        assertEquals(1, json(run("--language", "es", "--json")).get("total").asInt());
        assertEquals(1, json(run("--format", "application/pdf", "--json")).get("total").asInt());
        assertEquals(2, json(run("--from", "2019", "--to", "2021-07-01", "--json")).get("total").asInt());
        JsonNode oldest = json(run("--sort", "oldest", "--size", "1", "--json"));
        assertEquals("2019-03-10", oldest.get("hits").get(0).get("date").asText());
        String next = oldest.get("next").asText();
        assertEquals("2021-07-01", json(run("--sort", "oldest", "--size", "1", "--after", next, "--json")).get("hits").get(0).get("date").asText());
        assertEquals("2021-07-01", json(run("--sort", "oldest", "--size", "1", "--page", "2", "--json")).get("hits").get(0).get("date").asText());
    }

    @Test
    void textOutputAndRefusals() {
        Run text = run("asylum");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("3 letter(s), 1 undated"), text.out());
        Run bad = run("*sylum");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("leading wildcards"), bad.err());
        Run size = run("--size", "500");
        assertEquals(2, size.code());
        assertTrue(size.err().contains("at most 100"), size.err());
        Run date = run("--from", "yesterday");
        assertEquals(2, date.code());
        assertTrue(date.err().contains("--from must be a date"), date.err());
    }
}
