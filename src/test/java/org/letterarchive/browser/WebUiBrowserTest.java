package org.letterarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web UI in a real browser (headless Chromium) against the server running in-process over an archive of
 * the shared letters. Screenshots of every page land in target/screenshots/.
 */
class WebUiBrowserTest {

    private static final String XSS_WORD = "zanzibarquux";
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">";

    @TempDir
    static Path tmp;

    private static Archive archive;
    private static Javalin app;
    private static String base;
    private static Browser browser;
    private static final String TOKEN = "browser-test-" + java.util.UUID.randomUUID();
    private static String serverToken;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startArchiveServerAndBrowser() throws Exception {
        Browser.assumeInstalled();
        Path letters = org.letterarchive.TestLetters.shared().resolve("letters");
        archive = Archive.open(tmp.resolve("corpus"), tmp.resolve("index"));
        try (Stream<Path> files = Files.list(letters)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    archive.ingestWithoutCommit(Files.readAllBytes(f), f.getFileName().toString());
                } catch (ExtractionException e) {
                    System.out.println("not ingested: " + f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        storeHostileLetter();
        archive.commit();
        app = createServer().start(0);
        base = "http://localhost:" + app.port();
        browser = Browser.start(1280, 900);
    }

    /** The server with a token for the write endpoints. */
    private static Javalin createServer() {
        serverToken = TOKEN;
        return WebApp.create(archive, Path.of("web"), org.letterarchive.web.ApiToken.of(TOKEN), 2, 8);
    }

    /** A letter whose every field carries markup that would run if it were ever inserted as HTML. */
    private static void storeHostileLetter() throws IOException {
        String text = "Dear <b>friends</b>,\n\nWe write about " + XSS_WORD + " <script>window.__xss=1</script> and "
                + HOSTILE + " and <svg onload=\"window.__xss=1\"></svg>.\n\nSigned,\n" + HOSTILE + " Coalition\n";
        Letter letter = new Letter(null, "hostile.txt", "text/plain", "en",
                "Open letter " + HOSTILE + " on " + XSS_WORD, LocalDate.of(2019, 5, 5), "text",
                List.of(Recipient.of("<svg onload=\"window.__xss=1\"> Minister", "Minister of <i>Truth</i>")),
                List.of(new Signer(HOSTILE + " Coalition", Signer.Kind.organization, "<b>XSS</b>", "<script>x</script>", null, null, null),
                        Signer.organization("Zanzibar <script>window.__xss=1</script> Network")),
                2, text, List.of());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        archive.store().stage(bytes, org.letterarchive.letter.LetterId.of(bytes), "<img src=x onerror=alert(1)>.txt", letter);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stopAll(browser, app, archive);
    }

    @BeforeEach
    void freshPage() {
        browser.resize(1280, 900);
        browser.driver.get(base + "/upload.html");
        browser.driver.executeScript("sessionStorage.clear()");
        browser.scriptProblems(); // start each test with an empty console
    }

    @org.junit.jupiter.api.AfterEach
    void noScriptErrorsNorPolicyRefusals() {
        assertEquals(List.of(), browser.scriptProblems(), "console of the last page");
    }

    // ---------- search page ----------

    @Test
    void searchShowsCountHitsSnippetsFacetsAndHistogram() throws Exception {
        JsonNode api = api("/api/search?q=encryption");
        open("/?q=encryption");
        assertEquals("encryption", driver().findElement(By.id("q")).getAttribute("value"));
        assertTrue(countText().startsWith(api.get("total").asText() + " letter"), countText());
        List<WebElement> hits = driver().findElements(By.cssSelector("#hits .hit"));
        assertEquals(api.get("hits").size(), hits.size());
        assertEquals(clip(api.get("hits").get(0).get("title").asText()), hits.get(0).findElement(By.cssSelector("h2 a")).getText());
        assertTrue(hits.get(0).findElement(By.cssSelector(".meta")).getText().contains("signer"));
        assertFalse(driver().findElements(By.cssSelector("#hits .snippet mark")).isEmpty(), "snippets mark the query's words");
        for (WebElement m : driver().findElements(By.cssSelector("#hits .snippet mark"))) {
            assertTrue(m.getText().toLowerCase().contains("encrypt"), m.getText());
        }
        // every facet the answer has a value for gets a panel with counts
        api.get("facets").fields().forEachRemaining(e -> {
            if (e.getValue().size() > 0) {
                assertFalse(driver().findElements(By.cssSelector("section.facet[data-facet='" + e.getKey() + "'] .count")).isEmpty(),
                        "panel for " + e.getKey());
            }
        });
        // one bar per year (or month) of the result's span
        assertFalse(driver().findElements(By.cssSelector("#bars button.year")).isEmpty());
        // the syntax help is tied to the box for screen readers and opens from the keyboard, not by hover only
        String describedBy = driver().findElement(By.id("q")).getAttribute("aria-describedby");
        WebElement help = driver().findElement(By.id(describedBy));
        assertTrue(help.getAttribute("textContent").contains("phrase"));
        assertFalse(help.isDisplayed());
        driver().findElement(By.id("syntax-toggle")).sendKeys(Keys.ENTER);
        assertTrue(help.isDisplayed());
        driver().findElement(By.id("syntax-toggle")).sendKeys(Keys.ESCAPE);
        assertFalse(help.isDisplayed());

        Number painted = (Number) driver().executeScript(
                "const m = performance.getEntriesByName('results-painted'); return m.length ? m[0].startTime : null");
        assertNotNull(painted, "the page marks when its first results are painted");
        System.out.printf("first results painted %.0f ms after navigation start%n", painted.doubleValue());
        browser.screenshot("search");
        open("/?q=rights");
        browser.screenshot("search-rights");
    }

    @Test
    void facetValueKeepsTheOtherCountsAndShowsARemovableChip() throws Exception {
        JsonNode all = api("/api/search");
        Map<String, Long> languages = counts(all.get("facets").get("language"));
        assertTrue(languages.size() >= 2, "the shared letters hold more than one language: " + languages);
        String pick = languages.keySet().iterator().next();
        open("/");
        browser.screenshot("search-all");
        browser.facetCheckbox("language", pick).click();
        awaitUrl("language=" + pick);
        assertTrue(countText().startsWith(languages.get(pick) + " letter"), countText());
        // drill-sideways: the language panel still shows every language with its count over all letters
        assertEquals(languages, browser.facetCounts("language"));
        assertTrue(browser.facetCheckbox("language", pick).isSelected());
        // other panels count within the selection
        long formats = browser.facetCounts("format").values().stream().mapToLong(Long::longValue).sum();
        assertTrue(formats >= languages.get(pick) && formats < all.get("total").asLong() + 1);
        WebElement chip = driver().findElement(By.cssSelector("#chips button.chip"));
        assertTrue(chip.getText().startsWith("Language:"), chip.getText());
        chip.click();
        browser.await("the filter is removed", () -> !driver().getCurrentUrl().contains("language="));
        awaitIdle();
        assertTrue(countText().startsWith(all.get("total").asText() + " letter"), countText());
        assertTrue(driver().findElements(By.cssSelector("#chips button.chip")).isEmpty());
    }

    @Test
    void signersSwitchFromAnyOfToAllOfAndFilterAsYouType() throws Exception {
        JsonNode signers = api("/api/search").get("facets").get("signer");
        String[] pair = null;
        long any = 0, all = 0;
        search:
        for (int i = 0; i < Math.min(6, signers.size()); i++) {
            for (int j = i + 1; j < Math.min(6, signers.size()); j++) {
                String a = signers.get(i).get("value").asText(), b = signers.get(j).get("value").asText();
                String qs = "signer=" + enc(a) + "&signer=" + enc(b);
                long n = api("/api/search?" + qs).get("total").asLong();
                long m = api("/api/search?" + qs + "&signerMatch=all").get("total").asLong();
                if (pair == null || (m > 0 && m < n)) {
                    pair = new String[] {a, b};
                    any = n;
                    all = m;
                    if (m > 0 && m < n) break search;
                }
            }
        }
        assertNotNull(pair, "the shared letters have signers");
        open("/");
        browser.facetCheckbox("signer", pair[0]).click();
        awaitUrl("signer=");
        browser.facetCheckbox("signer", pair[1]).click();
        browser.await("two signers chosen", () -> driver().getCurrentUrl().split("signer=", -1).length == 3);
        awaitIdle();
        assertTrue(countText().startsWith(any + " letter"), countText() + " for any of " + List.of(pair));
        assertTrue(driver().findElement(By.id("signer-match-any")).isSelected());
        driver().findElement(By.cssSelector("label[for='signer-match-all']")).click();
        awaitUrl("signerMatch=all");
        awaitIdle();
        assertTrue(countText().startsWith(all + " letter"), countText() + " for all of " + List.of(pair));
        assertTrue(driver().findElement(By.id("signer-match-all")).isSelected());
        assertEquals(2, driver().findElements(By.cssSelector("#chips button.chip")).size());

        // filter-as-you-type reaches values beyond those shown at first
        open("/");
        JsonNode target = signers.get(Math.min(signers.size() - 1, 12));
        String label = target.get("label").asText();
        String typed = label.substring(0, Math.min(label.length(), 6));
        WebElement filter = driver().findElement(By.id("facet-signer-filter"));
        filter.sendKeys(typed);
        browser.await("the list shows '" + label + "'", () -> signerLabels().contains(label));
        for (String shown : signerLabels()) assertTrue(fold(shown).contains(fold(typed)), shown + " matches " + typed);
        assertEquals(filter, driver().switchTo().activeElement(), "typing keeps the focus in the box");
        // picking from the filtered list keeps the filter and shows the value chosen
        String value = target.get("value").asText();
        browser.facetCheckbox("signer", value).sendKeys(Keys.SPACE);
        awaitUrl("signer=" + enc(value));
        browser.await("the filtered list again", () -> driver().findElements(By.cssSelector("#facet-signer-values input:checked")).size() == 1);
        assertEquals(typed, driver().findElement(By.id("facet-signer-filter")).getAttribute("value"));
        assertTrue(browser.facetCheckbox("signer", value).isSelected());
    }

    @Test
    void histogramBarSetsTheDateRange() throws Exception {
        open("/");
        WebElement bar = driver().findElements(By.cssSelector("#bars button.year:not(.empty)")).get(0);
        String value = bar.getAttribute("data-value");
        bar.click();
        awaitUrl("from=" + value);
        awaitIdle();
        long expected = api("/api/search?from=" + value + "&to=" + value).get("total").asLong();
        assertTrue(driver().getCurrentUrl().contains("to=" + value));
        assertTrue(countText().startsWith(expected + " letter"), countText());
        assertTrue(driver().findElement(By.cssSelector("#chips button.chip")).getText().startsWith("Date: " + value));
        assertEquals(value, driver().findElement(By.id("date-from")).getAttribute("value"));
        // typed dates do the same, and a wrong one is explained, not sent
        WebElement to = driver().findElement(By.id("date-to"));
        to.clear();
        to.sendKeys("next year", Keys.ENTER);
        assertTrue(driver().findElement(By.id("dates-error")).getText().contains("not a date"));
        assertTrue(driver().getCurrentUrl().contains("to=" + value));
        driver().findElement(By.id("date-to")).clear();
        driver().findElement(By.id("date-to")).sendKeys(value + "-12-31", Keys.ENTER);
        awaitUrl("to=" + value + "-12-31");
        assertTrue(countText().startsWith(expected + " letter"), countText());
        // the bars now shown (years, or months when the server zooms in) lie in the range and show as chosen
        List<WebElement> shown = driver().findElements(By.cssSelector("#bars button.year:not(.empty)"));
        assertFalse(shown.isEmpty());
        for (WebElement b : shown) {
            assertTrue(b.getAttribute("data-value").startsWith(value), b.getAttribute("data-value") + " in " + value);
            assertEquals("true", b.getAttribute("aria-pressed"), b.getAttribute("aria-label"));
        }
    }

    @Test
    void sortAndPagingAreInTheUrl() throws Exception {
        long total = api("/api/search").get("total").asLong();
        open("/?size=5");
        new org.openqa.selenium.support.ui.Select(driver().findElement(By.id("sort"))).selectByValue("oldest");
        awaitUrl("sort=oldest");
        awaitIdle();
        JsonNode oldest = api("/api/search?size=5&sort=oldest");
        assertEquals(shownTitle(oldest.get("hits").get(0)), firstHitTitle());
        assertTrue(total > 5);
        driver().findElement(By.cssSelector("#pager a[aria-label='Next page']")).click();
        awaitUrl("page=2");
        awaitIdle();
        JsonNode second = api("/api/search?size=5&sort=oldest&page=2");
        assertEquals(shownTitle(second.get("hits").get(0)), firstHitTitle());
        assertEquals("2", driver().findElement(By.cssSelector("#pager a[aria-current='page']")).getText());
        assertEquals("6", driver().findElement(By.id("hits")).getAttribute("start"));
    }

    @Test
    void backAndForwardRestoreEarlierSearches() throws Exception {
        open("/?q=encryption");
        String first = countText();
        String language = counts(api("/api/search?q=encryption").get("facets").get("language")).keySet().iterator().next();
        browser.facetCheckbox("language", language).click();
        awaitUrl("language=");
        awaitIdle();
        String filtered = driver().getCurrentUrl();
        driver().findElement(By.cssSelector("#hits .hit h2 a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
        assertEquals(filtered, driver().findElement(By.id("back-link")).getAttribute("href"), "the letter leads back to the whole search");
        driver().navigate().back();
        browser.await("back on the filtered search", () -> driver().getCurrentUrl().equals(filtered));
        awaitIdle();
        assertTrue(browser.facetCheckbox("language", language).isSelected());
        driver().navigate().back();
        browser.await("back on the first search", () -> !driver().getCurrentUrl().contains("language="));
        awaitIdle();
        assertEquals(first, countText());
        assertEquals("encryption", driver().findElement(By.id("q")).getAttribute("value"));
        assertFalse(browser.facetCheckbox("language", language).isSelected());
        driver().navigate().forward();
        browser.await("forward again", () -> driver().getCurrentUrl().equals(filtered));
        awaitIdle();
        assertTrue(browser.facetCheckbox("language", language).isSelected());
    }

    @Test
    void keyboardAloneCanFilterAndEveryControlHasALabel() throws Exception {
        open("/?q=encryption");
        List<?> unlabeled = (List<?>) driver().executeScript("""
                return [...document.querySelectorAll('input, select, textarea, button')].filter(e => {
                  if (e.type === 'hidden') return false;
                  const labelled = (e.labels && e.labels.length) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
                  return !labelled && !(e.tagName === 'BUTTON' && e.textContent.trim());
                }).map(e => e.outerHTML);""");
        assertEquals(List.of(), unlabeled);
        assertEquals(List.of(), lowContrastTexts(), "search page contrast");
        driver().findElement(By.id("syntax-toggle")).click();
        assertEquals(List.of(), lowContrastTexts(), "query syntax help contrast");
        driver().findElement(By.id("syntax-toggle")).click();
        String language = counts(api("/api/search?q=encryption").get("facets").get("language")).keySet().iterator().next();
        WebElement box = browser.facetCheckbox("language", language);
        driver().findElement(By.id("q")).click();
        for (int i = 0; i < 120 && !box.equals(driver().switchTo().activeElement()); i++) {
            driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(box, driver().switchTo().activeElement(), "Tab reaches the language checkbox");
        String outline = (String) driver().executeScript("return getComputedStyle(document.activeElement).outlineStyle");
        assertFalse("none".equals(outline), "focus is visible");
        box.sendKeys(Keys.SPACE);
        awaitUrl("language=");
        awaitIdle();
        assertTrue(driver().switchTo().activeElement().getAttribute("id").startsWith("f-language-"), "focus stays on the checkbox");
    }

    @Test
    void phoneSizedScreenAndHighZoomNeedNoSidewaysScrolling() throws Exception {
        for (int[] size : new int[][] {{390, 844}, {320, 720}}) {
            browser.resize(size[0], size[1]);
            for (String page : List.of("/?q=encryption", "/upload.html")) {
                open(page);
                Number overflow = (Number) driver().executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(overflow.intValue() <= 0, page + " at " + size[0] + "px overflows by " + overflow);
            }
            String id = api("/api/search?q=encryption").get("hits").get(0).get("id").asText();
            openLetter(id, "encryption");
            Number overflow = (Number) driver().executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "letter page at " + size[0] + "px overflows by " + overflow);
            if (size[0] == 390) {
                open("/?q=encryption");
                browser.screenshot("search-phone");
            }
        }
    }

    // ---------- letter page ----------

    @Test
    void letterPageShowsMetadataSignersMarkedTextOriginalAndRelatedLetters() throws Exception {
        open("/?q=encryption");
        String id = api("/api/search?q=encryption").get("hits").get(0).get("id").asText();
        JsonNode letter = api("/api/letters/" + id);
        driver().findElement(By.cssSelector("#hits .hit h2 a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
        assertTrue(driver().getCurrentUrl().contains("q=encryption"), "the search's words come along");
        assertEquals(letter.get("title").asText().strip(), driver().findElement(By.id("letter-title")).getText());
        List<WebElement> marks = driver().findElements(By.cssSelector("#letter-text mark"));
        assertFalse(marks.isEmpty());
        marks.forEach(m -> assertTrue(m.getText().toLowerCase().startsWith("encryption"), m.getText()));
        String text = (String) driver().executeScript("return document.getElementById('letter-text').textContent");
        assertEquals(letter.get("text").asText(), text, "the whole text, as text");
        List<WebElement> signerLinks = driver().findElements(By.cssSelector(".signer-list a"));
        assertFalse(signerLinks.isEmpty());
        WebElement download = driver().findElement(By.id("download"));
        HttpResponse<byte[]> original = http.send(HttpRequest.newBuilder(URI.create(download.getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, original.statusCode());
        assertEquals(letter.get("size").asLong(), original.body().length);
        // letters signed by the same organizations: each shares one, none is this letter
        browser.await("related letters listed", () -> !driver().findElements(By.cssSelector("#related-list a")).isEmpty()
                || driver().findElement(By.id("related-status")).getText().startsWith("No other"));
        for (WebElement a : driver().findElements(By.cssSelector("#related-list a"))) {
            assertFalse(a.getAttribute("href").contains(id));
        }
        browser.screenshot("letter");
        assertEquals(List.of(), lowContrastTexts(), "letter page contrast");
        // a signer leads to its organization, and from there to the search for its letters
        assertTrue(signerLinks.get(0).getAttribute("href").contains("/organization.html?key="));
        signerLinks.get(0).click();
        awaitUrl("/organization.html?key=");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("org-search"))).click();
        awaitUrl("signer=");
        awaitIdle();
        assertEquals(1, driver().findElements(By.cssSelector("#chips button.chip")).size());
        assertFalse(driver().findElements(By.cssSelector("#hits .hit")).isEmpty());
    }

    @Test
    void relatedLettersShareAnOrganization() throws Exception {
        // a letter whose organizations sign other letters too
        JsonNode top = api("/api/search").get("facets").get("signer").get(0);
        assertTrue(top.get("count").asLong() >= 2, "some organization signs two shared letters");
        JsonNode hits = api("/api/search?signer=" + enc(top.get("value").asText())).get("hits");
        String id = hits.get(0).get("id").asText();
        openLetter(id, null);
        browser.await("related letters listed", () -> !driver().findElements(By.cssSelector("#related-list a")).isEmpty());
        WebElement first = driver().findElement(By.cssSelector("#related-list li"));
        assertTrue(first.getText().contains("in common"), first.getText());
        String other = first.findElement(By.tagName("a")).getAttribute("href").replaceAll(".*id=", "");
        JsonNode mine = api("/api/letters/" + id), theirs = api("/api/letters/" + other);
        List<String> keys = new ArrayList<>();
        mine.get("signers").forEach(s -> { if (!s.get("organization").isNull()) keys.add(s.get("organization").asText()); });
        boolean shares = false;
        for (JsonNode s : theirs.get("signers")) shares |= !s.get("organization").isNull() && keys.contains(s.get("organization").asText());
        assertTrue(shares, "the first related letter shares an organization");
    }

    @Test
    void markupInLettersAndFileNamesStaysText() throws Exception {
        open("/?q=" + XSS_WORD);
        assertEquals(1, driver().findElements(By.cssSelector("#hits .hit")).size());
        assertTrue(firstHitTitle().contains(HOSTILE), firstHitTitle());
        String snippets = driver().findElement(By.cssSelector("#hits .hit")).getText();
        assertTrue(snippets.contains("<script>window.__xss=1</script>"), snippets);
        assertNoActiveMarkup("#results, #facets");
        browser.screenshot("xss-search");
        driver().findElement(By.cssSelector("#hits .hit h2 a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
        assertTrue(driver().findElement(By.id("letter-title")).getText().contains(HOSTILE));
        String page = driver().findElement(By.id("letter")).getText();
        assertTrue(page.contains("<script>window.__xss=1</script>"));
        assertTrue(page.contains("Minister of <i>Truth</i>"));
        assertTrue(page.contains("<img src=x onerror=alert(1)>.txt"), "the file name shows as text");
        assertNoActiveMarkup("#letter, #related");
        browser.screenshot("xss-letter");
    }

    /** Visible text whose color is below WCAG AA contrast against the background it sits on. */
    private static List<?> lowContrastTexts() {
        return (List<?>) driver().executeScript("""
                const parse = (s) => { const m = /rgba?\\(([^)]+)\\)/.exec(s); if (!m) return null;
                  const p = m[1].split(',').map(parseFloat); return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 }; };
                const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const background = (e) => { for (; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
                  if (c && c.a > 0.5) return c.rgb; } return [255, 255, 255]; };
                const out = [], seen = new Set();
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const t = walker.currentNode, e = t.parentElement;
                  if (!t.textContent.trim() || seen.has(e)) continue;
                  seen.add(e);
                  const cs = getComputedStyle(e);
                  if (cs.visibility === 'hidden' || !e.getClientRects().length || e.closest('.visually-hidden, .skip-link')) continue;
                  const l1 = lum(parse(cs.color).rgb), l2 = lum(background(e));
                  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  const size = parseFloat(cs.fontSize), large = size >= 24 || (parseInt(cs.fontWeight) >= 700 && size >= 18.66);
                  if (ratio < (large ? 3 : 4.5)) out.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2) + ': ' + t.textContent.trim().slice(0, 40));
                }
                return out;""");
    }

    private void assertNoActiveMarkup(String scope) {
        Number elements = (Number) driver().executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".reduce((n, s) => n + s.querySelectorAll('img, script, svg, iframe, b, i').length, 0)", scope);
        assertEquals(0, elements.intValue(), "no element made from letter text in " + scope);
        assertEquals(Boolean.FALSE, driver().executeScript("return typeof window.__xss !== 'undefined'"));
    }

    @Test
    void oneChosenFilterShowsItsChipAlone() throws Exception {
        String year = api("/api/search?size=1").get("facets").get("year").get(0).get("value").asText();
        open("/?year=" + year);
        browser.await("the chip", () -> !driver().findElements(By.cssSelector("#chips .chip")).isEmpty());
        String chips = driver().findElement(By.id("chips")).getText();
        assertFalse(chips.contains("null"), chips);
        assertTrue(chips.startsWith("Year: " + year), chips);
        browser.screenshot("one-filter");
    }

    // ---------- upload and curation ----------

    @Test
    void uploadShowsProgressAndAResultPerFile() throws Exception {
        // the endpoint exists and wants the token: anything else is a failure, never a pass on an error text
        assertEquals(401, status("POST", "/api/letters", null), "POST /api/letters without a token");
        String token = TOKEN;
        Path dir = Files.createDirectories(tmp.resolve("upload"));
        String word = "quokkabrief" + System.nanoTime();
        Path file = dir.resolve("letter <b>" + word + ".md");
        Path second = dir.resolve("second " + word + ".txt");
        Files.writeString(second, "Open letter on " + word + " and the second matter.\n\nJune 1, 2023\n\nDear Commissioner,\n\n"
                + "We write about " + word + " again.\n\nSigned,\nPrivacy International\n");
        Files.writeString(file, "# Open letter on " + word + "\n\nMarch 3, 2024\n\nDear Minister,\n\nWe, the undersigned "
                + "organizations, write about " + word + ".\n\nSigned,\n\nAccess Now\nAmnesty International\n");
        open("/upload.html");
        driver().findElement(By.id("token")).sendKeys(token);
        driver().findElement(By.id("files")).sendKeys(file.toAbsolutePath() + "\n" + second.toAbsolutePath());
        browser.await("a result for each file", () -> !driver().findElements(By.cssSelector("#result-2 a, #result-2 .error")).isEmpty());
        assertEquals(2, driver().findElements(By.cssSelector("#uploads li.upload")).size());
        WebElement item = driver().findElement(By.cssSelector("#uploads li"));
        assertEquals(file.getFileName().toString(), item.findElement(By.cssSelector(".file-name")).getText(), "the file name as text");
        assertEquals("100", item.findElement(By.tagName("progress")).getAttribute("value"));
        assertTrue(driver().findElements(By.cssSelector("#uploads b")).isEmpty());
        assertEquals(token, driver().executeScript("return sessionStorage.getItem('letterArchive.token')"));
        assertEquals(List.of(), lowContrastTexts(), "upload page contrast");
        assertEquals("Up to 50.0 MB per file.", driver().findElement(By.id("files-hint")).getText(), "the server's own limit");
        WebElement link = driver().findElement(By.cssSelector("#result-1 a"));
        assertTrue(driver().findElement(By.id("result-1")).getText().startsWith("Added"), item.getText());
        assertTrue(driver().findElement(By.id("result-2")).getText().startsWith("Added"), driver().findElement(By.id("result-2")).getText());
        // the same file again is recognized
        driver().findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
        browser.await("a result for the third upload", () -> !driver().findElements(By.cssSelector("#result-3 a, #result-3 .error")).isEmpty());
        assertTrue(driver().findElement(By.id("result-3")).getText().startsWith("Already in the archive"));
        browser.screenshot("upload");
        link.click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
        open("/?q=" + word);
        assertEquals(2, driver().findElements(By.cssSelector("#hits .hit")).size());
    }

    @Test
    void curatorCorrectsALetterAndTheChangeShowsAsHumanMade() throws Exception {
        JsonNode hit = api("/api/search?sort=oldest&size=1").get("hits").get(0);
        String id = hit.get("id").asText();
        assertEquals(401, status("PATCH", "/api/letters/" + id, "{}"), "PATCH /api/letters/{id} without a token");
        String token = TOKEN;
        openLetter(id, null);
        driver().findElement(By.id("edit-button")).click();
        WebElement title = driver().findElement(By.id("edit-title"));
        assertEquals(driver().switchTo().activeElement(), title);
        title.clear();
        title.sendKeys("Corrected title of the oldest letter");
        WebElement date = driver().findElement(By.id("edit-date"));
        date.clear();
        date.sendKeys("14.09.2018");
        driver().findElement(By.id("edit-save")).click();
        assertTrue(driver().findElement(By.id("edit-status")).getText().contains("YYYY-MM-DD"), "a wrong date is explained");
        date.clear();
        date.sendKeys("2010-01-02");
        assertEquals("", driver().findElement(By.id("edit-status")).getText(), "fixing the date clears its error");
        int recipients = driver().findElements(By.cssSelector("#edit-recipients tbody tr")).size();
        driver().findElement(By.id("add-recipients")).click();
        driver().switchTo().activeElement().sendKeys("Jane Roe");
        driver().findElement(By.cssSelector("#edit-recipients tbody tr:last-child input[data-col='role']")).sendKeys("Special Rapporteur");
        int signers = driver().findElements(By.cssSelector("#edit-signers tbody tr")).size();
        if (signers > 0) driver().findElement(By.cssSelector("#edit-signers tbody tr button.remove")).click();
        assertEquals(Math.max(0, signers - 1), driver().findElements(By.cssSelector("#edit-signers tbody tr")).size());
        assertEquals(recipients + 1, driver().findElements(By.cssSelector("#edit-recipients tbody tr")).size());
        driver().findElement(By.id("edit-by")).sendKeys("A. Curator");
        driver().findElement(By.id("edit-token")).sendKeys(token);
        browser.screenshot("curation-form");
        assertEquals(List.of(), lowContrastTexts(), "curation form contrast");
        driver().findElement(By.id("edit-save")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("corrected-badge")));
        assertEquals("Corrected title of the oldest letter", driver().findElement(By.id("letter-title")).getText());
        assertTrue(driver().findElement(By.cssSelector(".recipients")).getText().contains("Jane Roe — Special Rapporteur"));
        JsonNode after = api("/api/letters/" + id);
        assertTrue(after.get("corrected").asBoolean());
        assertEquals("2010-01-02", after.get("date").asText());
        assertEquals("A. Curator", after.get("corrections").get("editedBy").asText());
        assertTrue(driver().findElement(By.id("corrected-badge")).getText().contains("A. Curator"));
        browser.screenshot("curation-saved");
    }


    // ---------- helpers ----------

    private static org.openqa.selenium.chrome.ChromeDriver driver() {
        return browser.driver;
    }

    private static void open(String path) {
        driver().get(base + path);
        awaitIdle();
    }

    private static void openLetter(String id, String q) {
        driver().get(base + "/letter.html?id=" + id + (q == null ? "" : "&q=" + enc(q)));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
    }

    /** Waits until the search page shows the answer to the URL it is on. */
    private static void awaitIdle() {
        if (!driver().getCurrentUrl().startsWith(base + "/?") && !driver().getCurrentUrl().equals(base + "/")) return;
        browser.awaitResults();
    }

    private static void awaitUrl(String part) {
        browser.await("URL with " + part, () -> driver().getCurrentUrl().contains(part));
        awaitIdle();
    }

    private static String countText() {
        return driver().findElement(By.id("count")).getText();
    }

    private static String firstHitTitle() {
        return driver().findElement(By.cssSelector("#hits .hit h2 a")).getText();
    }

    private static Map<String, Long> counts(JsonNode values) {
        Map<String, Long> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v.get("value").asText(), v.get("count").asLong()));
        return out;
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.mapper().readTree(r.body());
    }

    private static int status(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A title as the result list shows it: long ones are cut with an ellipsis. */
    /** A hit's title as the results list shows it, an untitled letter included. */
    private static String shownTitle(JsonNode hit) {
        String t = hit.path("title").isTextual() ? hit.get("title").asText().strip() : "";
        return t.isEmpty() ? "(untitled letter)" : clip(t);
    }

    private static String clip(String title) {
        String t = title.strip();
        return t.length() > 180 ? t.substring(0, 179).stripTrailing() + "…" : t;
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
    }

    /** The signer facet's value labels as shown; read again when the list is redrawn while they are read. */
    private List<String> signerLabels() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver().findElements(By.cssSelector("#facet-signer-values .value-label")).stream().map(WebElement::getText).toList();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) throw e;
            }
        }
    }
}
