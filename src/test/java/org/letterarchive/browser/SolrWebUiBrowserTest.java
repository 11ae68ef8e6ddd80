package org.letterarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.bench.LocalSolrCloud;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.search.SearchFixture;
import org.letterarchive.solr.SharedSolrCloud;
import org.letterarchive.web.ApiToken;
import org.letterarchive.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web UI served by {@code letters serve --solr ZK --collection web} (the command line in a JVM of its own, its
 * searches answered by a SolrCloud collection of the test run's local cluster, {@link SharedSolrCloud}), in
 * Chromium: the search page, a facet chosen and removed, a letter page, the one-hit-per-family switch. What the
 * page shows is checked against the same archive served from its embedded index first, so "unchanged" means the
 * same numbers, not only a page that loads. Screenshots land in target/screenshots/solr-*.png.
 */
@ExtendWith(SharedSolrCloud.class)
class SolrWebUiBrowserTest {

    private static final List<String> COMPARED = List.of("/api/search?q=rights", "/api/search?q=encryption&sort=oldest",
            "/api/search?language=en", "/api/search?sort=newest&collapse=family", "/api/search?q=derechos&page=2&size=5",
            "/api/facets/signer?prefix=a");

    @TempDir
    static Path tmp;

    private static Process server;
    private static String base;
    private static Browser browser;
    private static final List<String> output = new ArrayList<>();
    /** The embedded index's answers to {@link #COMPARED}, taken before the server on SolrCloud starts. */
    private static final Map<String, JsonNode> embedded = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServeOnSolrCloudAndBrowser(LocalSolrCloud cluster) throws Exception {
        Browser.assumeInstalled();
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        // the archive: the shared letters and the family letters, then its embedded answers over HTTP
        try (Archive archive = Archive.open(corpus, index)) {
            try (Stream<Path> files = Files.list(SearchFixture.sharedLetters())) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        archive.ingestWithoutCommit(Files.readAllBytes(f), f.getFileName().toString());
                    } catch (ExtractionException e) {
                        System.out.println("not ingested: " + f.getFileName() + ": " + e.getMessage());
                    }
                }
            }
            SearchFixture.stageFamilies(archive);
            archive.commit();
            Javalin app = WebApp.create(archive, Path.of("web"), ApiToken.of("embedded-" + java.util.UUID.randomUUID()), 1, 1).start(0);
            try {
                for (String path : COMPARED) embedded.put(path, get("http://localhost:" + app.port(), path));
            } finally {
                app.stop();
            }
        }
        server = serve(cluster.zkHost(), corpus, index);
        browser = Browser.start(1280, 900);
    }

    /** `letters serve --solr ZK --collection web` on the archive, as the launcher runs it; returns once it listens. */
    private static Process serve(String zk, Path corpus, Path index) throws IOException, InterruptedException {
        Path home = Path.of("").toAbsolutePath();
        String classPath = home.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(home.resolve("target/runtime.classpath")).strip();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classPath, "-Dletters.home=" + home, "org.letterarchive.cli.Main", "serve",
                "--solr", zk, "--collection", "web", "--corpus", corpus.toString(), "--index", index.toString(),
                "--port", "0", "--parsers", "1", "--token-file", tmp.resolve("token").toString())
                .redirectError(home.resolve("target/solr-serve.log").toFile());
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) lines.add(line);
            } catch (IOException e) {
                // the server ended
            }
            lines.add("(ended)");
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            String line = lines.poll(240, TimeUnit.SECONDS);
            if (line == null || line.equals("(ended)")) {
                p.destroyForcibly();
                throw new IOException("letters serve --solr did not start (see target/solr-serve.log): " + output);
            }
            System.out.println("serve: " + line);
            output.add(line);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Serving on (http://[^/ ]+)/").matcher(line);
            if (m.find()) {
                base = m.group(1).replace("127.0.0.1", "localhost");
                return p;
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (browser != null) browser.close();
        } finally {
            if (server != null) {
                server.destroy(); // its shutdown hook stops the server and closes the index
                if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
            }
        }
    }

    @BeforeEach
    void freshPage() {
        browser.resize(1280, 900);
        browser.driver.get(base + "/upload.html");
        browser.scriptProblems();
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), browser.scriptProblems(), "console of the last page");
    }

    @Test
    void theServerSearchesTheCollectionAndAnswersAsTheEmbeddedIndex() throws Exception {
        assertTrue(output.stream().anyMatch(l -> l.startsWith("Searches: SolrCloud collection 'web'")), output.toString());
        for (String path : COMPARED) {
            JsonNode a = embedded.get(path);
            JsonNode b = get(base, path);
            if (path.startsWith("/api/facets/")) {
                assertEquals(a, b, path);
                continue;
            }
            for (String field : List.of("total", "facets", "histogram", "histogramUnit", "undated", "families")) {
                assertEquals(a.get(field), b.get(field), field + " of " + path);
            }
            assertEquals(a.get("hits").size(), b.get("hits").size(), "hits of " + path);
        }
    }

    @Test
    void searchPageShowsTheCollectionsAnswer() throws Exception {
        JsonNode api = get(base, "/api/search?q=rights");
        open("/?q=rights");
        assertEquals(api.get("total").asText() + " letters match “rights”", count());
        assertEquals(embedded.get("/api/search?q=rights").get("total").asLong(), api.get("total").asLong());
        List<WebElement> hits = driver().findElements(By.cssSelector("#hits .hit"));
        assertEquals(api.get("hits").size(), hits.size());
        assertFalse(driver().findElements(By.cssSelector("#hits .snippet mark")).isEmpty(), "snippets mark the query's words");
        for (WebElement m : driver().findElements(By.cssSelector("#hits .snippet mark"))) {
            assertTrue(m.getText().toLowerCase().startsWith("right"), m.getText());
        }
        api.get("facets").fields().forEachRemaining(e -> {
            if (e.getValue().size() > 0) {
                assertFalse(driver().findElements(By.cssSelector("section.facet[data-facet='" + e.getKey() + "'] .count")).isEmpty(),
                        "panel for " + e.getKey());
            }
        });
        assertEquals(api.get("histogram").size(), driver().findElements(By.cssSelector("#bars button.year:not(.empty)")).size(),
                "one bar per year with letters");
        browser.screenshot("solr-search");
    }

    @Test
    void aChosenFacetKeepsTheOtherValuesCountsAndComesOffAgain() throws Exception {
        JsonNode all = get(base, "/api/search");
        Map<String, Long> languages = new LinkedHashMap<>();
        all.get("facets").get("language").forEach(v -> languages.put(v.get("value").asText(), v.get("count").asLong()));
        assertTrue(languages.size() >= 2, languages.toString());
        String pick = languages.keySet().iterator().next();
        open("/");
        browser.facetCheckbox("language", pick).click();
        awaitUrl("language=" + pick);
        assertTrue(count().startsWith(languages.get(pick) + " letter"), count());
        assertEquals(languages, browser.facetCounts("language"), "drill-sideways: every language keeps its count");
        long formats = browser.facetCounts("format").values().stream().mapToLong(Long::longValue).sum();
        assertTrue(formats >= languages.get(pick) && formats < all.get("total").asLong(), "the other panels count within the choice");
        driver().executeScript("window.scrollTo(0, 0)");
        browser.screenshot("solr-facet");
        driver().findElement(By.cssSelector("#chips button.chip")).click();
        browser.await("the filter is removed", () -> !driver().getCurrentUrl().contains("language="));
        awaitIdle();
        assertTrue(count().startsWith(all.get("total").asText() + " letter"), count());
    }

    @Test
    void aHitLeadsToItsLetterPage() throws Exception {
        open("/?q=encryption");
        String id = get(base, "/api/search?q=encryption").get("hits").get(0).get("id").asText();
        JsonNode letter = get(base, "/api/letters/" + id);
        driver().findElement(By.cssSelector("#hits .hit h2 a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
        assertTrue(driver().getCurrentUrl().contains("id=" + id), driver().getCurrentUrl());
        assertEquals(letter.get("title").asText().strip(), driver().findElement(By.id("letter-title")).getText());
        List<WebElement> marks = driver().findElements(By.cssSelector("#letter-text mark"));
        assertFalse(marks.isEmpty());
        marks.forEach(m -> assertTrue(m.getText().toLowerCase().startsWith("encryption"), m.getText()));
        browser.await("related letters listed", () -> !driver().findElements(By.cssSelector("#related-list a")).isEmpty()
                || driver().findElement(By.id("related-status")).getText().startsWith("No other"));
        browser.screenshot("solr-letter");
        driver().navigate().back();
        browser.await("back on the search", () -> driver().getCurrentUrl().contains("q=encryption"));
        awaitIdle();
        assertTrue(count().startsWith(get(base, "/api/search?q=encryption").get("total").asText() + " letter"), count());
    }

    @Test
    void theFamilySwitchShowsOneHitPerFamily() throws Exception {
        JsonNode collapsed = get(base, "/api/search?sort=newest&collapse=family");
        open("/?sort=newest");
        driver().findElement(By.id("collapse")).click();
        awaitUrl("collapse=family");
        assertTrue(driver().findElement(By.id("family-count")).getText().contains(collapsed.get("families").asText() + " families"),
                driver().findElement(By.id("family-count")).getText());
        List<WebElement> hits = driver().findElements(By.cssSelector("#hits .hit"));
        assertEquals(collapsed.get("hits").size(), hits.size());
        WebElement campaign = hits.stream().filter(h -> h.getText().contains("Stop the wetland motorway")).findFirst().orElseThrow();
        assertEquals("+10 copies, 1 earliest letter", campaign.findElement(By.cssSelector(".family-others")).getText());
        browser.screenshot("solr-collapsed");
    }

    // ---------- helpers ----------

    private static org.openqa.selenium.chrome.ChromeDriver driver() {
        return browser.driver;
    }

    private static void open(String path) {
        driver().get(base + path);
        awaitIdle();
    }

    private static void awaitIdle() {
        browser.awaitResults();
    }

    private static void awaitUrl(String part) {
        browser.await("URL with " + part, () -> driver().getCurrentUrl().contains(part));
        awaitIdle();
    }

    private static String count() {
        return driver().findElement(By.id("count")).getText();
    }

    private static JsonNode get(String server, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.mapper().readTree(r.body());
    }
}
