package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.TestLetters;
import org.letterarchive.cli.Main;
import picocli.CommandLine;

/** Defaults that keep an archive safe: local listening, links from the configured address, sandboxed originals. */
class SafeDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void exportLinksComeFromTheBaseUrlAndOriginalsAreSandboxed() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            String id = archive.ingest(TestLetters.signOnLetter("A letter on quollhabitat", "May 1, 2019", "Quoll Trust"), "q.html")
                    .stored().id();
            Javalin app = WebApp.create(archive, null, ApiToken.of("t0123456789"), 1, 1, "https://letters.example.org").start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export?q=quollhabitat")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertTrue(csv.body().contains("https://letters.example.org/api/letters/" + id), csv.body());
                assertFalse(csv.body().contains("127.0.0.1"), "never the request's Host: " + csv.body());
                HttpResponse<String> original = http.send(HttpRequest.newBuilder(URI.create(base + "/api/letters/" + id + "/file")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, original.statusCode());
                assertEquals("sandbox", original.headers().firstValue("Content-Security-Policy").orElse(""));
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void serveListensOnThisMachineUnlessTold() {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult parsed = cli.parseArgs("serve");
        assertEquals("127.0.0.1", parsed.subcommand().commandSpec().findOption("--host").getValue(), "no --host given: the default applies");
    }
}
