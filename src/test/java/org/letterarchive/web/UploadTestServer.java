package org.letterarchive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.IsolatedParser;

/** A real server over a temporary archive, with isolated parsing, and an HTTP client for the tests. */
final class UploadTestServer implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";
    static final String HANG_MARKER = "PARSE-NEVER-ENDS-7f3a";

    record Response(int status, JsonNode json, HttpResponse<String> raw) {}

    final Archive archive;
    final IsolatedParser parser;
    final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    UploadTestServer(Path dir, IngestLimits limits, int workers, int queue) throws IOException {
        this(dir, limits, workers, queue, new IsolatedParser(limits, workers, HangingParserChild.class));
        parser.prestart();
    }

    /**
     * A server parsing in the standard parser processes, reading scans in background OCR jobs on a separate
     * OCR parser process (pending jobs in {@code dir} resume).
     */
    static UploadTestServer withOcr(Path dir, IngestLimits limits) throws IOException {
        UploadTestServer s = new UploadTestServer(dir, limits, 2, 8, new IsolatedParser(limits, 1));
        WebApp.startOcrJobs(s.archive, IsolatedParser.forOcr(limits));
        return s;
    }

    /** A server parsing in-process (for tests about what happens after parsing). */
    static UploadTestServer trusted(Path dir) throws IOException {
        IngestLimits limits = IngestLimits.defaults();
        return new UploadTestServer(dir, limits, 2, 8, new org.letterarchive.extract.TrustedParser(limits));
    }

    private UploadTestServer(Path dir, IngestLimits limits, int workers, int queue, org.letterarchive.extract.ParserBackend backend) throws IOException {
        this.parser = backend instanceof IsolatedParser ip ? ip : null;
        this.archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"), limits, backend);
        this.app = WebApp.create(archive, null, ApiToken.of(TOKEN), workers, queue).start("127.0.0.1", 0);
    }

    /** Waits until every parser process of the pool is started and warm (the machine may be slow). */
    void awaitWarmPool(int n) throws InterruptedException {
        for (int i = 0; i < 1200 && parser.warmCount() < n; i++) Thread.sleep(100);
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            if (!r.body().isEmpty()) json = Json.mapper().readTree(r.body());
        } catch (IOException ignored) {
            // not JSON: the test looks at raw
        }
        return new Response(r.statusCode(), json, r);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** Uploads one file as the raw body. */
    Response upload(byte[] bytes, String name, String token, String query) throws IOException, InterruptedException {
        String q = "?filename=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + (query == null ? "" : "&" + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/letters" + q)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b);
    }

    Response upload(byte[] bytes, String name) throws IOException, InterruptedException {
        return upload(bytes, name, TOKEN, null);
    }

    /** Uploads files as multipart/form-data, each in a part named 'file'. */
    Response multipart(Map<String, byte[]> files, String token) throws IOException, InterruptedException {
        String boundary = "----letters" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/letters")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b);
    }

    Response json(String method, String path, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b);
    }

    /** Total hits of a search. */
    long hits(String query) throws IOException, InterruptedException {
        Response r = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (r.status() != 200) throw new AssertionError("search failed: " + r.raw().body());
        return r.json().get("total").asLong();
    }

    static byte[] letter(String title, String... signers) {
        StringBuilder b = new StringBuilder(title).append("\n\nMarch 3, 2021\n\nTo:\nMinister of Testing, Government\n\n")
                .append("We, the undersigned organizations, write about ").append(title).append(".\n\nSigned:\n");
        for (String s : signers) b.append(s).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> list(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    @Override
    public void close() throws IOException {
        app.stop();
        archive.close();
    }
}
