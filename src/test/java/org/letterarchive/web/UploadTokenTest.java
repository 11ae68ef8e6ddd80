package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;

/** The generated token file: private, stable across restarts, and the only key to writes. */
class UploadTokenTest {

    @TempDir
    Path dir;

    @Test
    void generatedTokenIsPrivateStableAndRequired() throws Exception {
        Path file = dir.resolve("corpus").resolve(".token");
        // whatever LETTERS_TOKEN this test runs under, the file's token is what is tested here
        ApiToken first = ApiToken.load(file, null);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String token = Files.readString(file).strip();
        assertEquals(43, token.length(), "32 random bytes in base64url without padding");
        assertTrue(token.matches("[A-Za-z0-9_-]+"));
        assertFalse(first.source().contains(token), "the token itself is never shown");

        // a restart reads the same token; a loosened file is tightened again
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ApiToken second = ApiToken.load(file, null);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            Javalin app = WebApp.create(archive, null, second, 1, 1).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                String url = "http://127.0.0.1:" + app.port() + "/api/letters/" + "b".repeat(64);
                assertEquals(404, delete(http, url, "Bearer " + token).statusCode());
                assertEquals(404, delete(http, url, "bearer   " + token + " ").statusCode());
                assertEquals(401, delete(http, url, "Bearer " + token.substring(1)).statusCode());
                assertEquals(401, delete(http, url, token).statusCode());
                HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, none.statusCode());
                assertTrue(none.body().contains("\"status\":401"));
                assertTrue(none.headers().firstValue("WWW-Authenticate").isPresent());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void environmentTokenWinsAndNothingIsGenerated() throws Exception {
        Path file = dir.resolve("corpus").resolve(".token");
        ApiToken t = ApiToken.load(file, " from-the-environment ");
        assertFalse(Files.exists(file), "no token file is written when the environment gives one");
        assertTrue(t.source().contains(ApiToken.ENV));
    }

    private static HttpResponse<String> delete(HttpClient http, String url, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
