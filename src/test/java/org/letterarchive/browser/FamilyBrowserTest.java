package org.letterarchive.browser;

import org.letterarchive.TestLetters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.web.ApiToken;
import org.letterarchive.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Letter families in Chromium: the search page's one-hit-per-family switch with each collapsed hit's
 * "+N versions / translations / copies", and the letter page's family (members with relation, date and
 * language; a version's signers removed beside signers added, and its changed paragraphs).
 */
class FamilyBrowserTest {

    static final String[] EN = TestLetters.FAMILY_EN;
    static final String[] CAMPAIGN = TestLetters.FAMILY_CAMPAIGN;
    static final String CHANGED = org.letterarchive.search.SearchFixture.CHANGED;

    @TempDir
    static Path tmp;
    static Archive archive;
    static Javalin app;
    static Browser browser;
    static String base;
    static String earliest;
    static String version;
    static String translation;
    static String alone;
    static final List<String> copies = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        archive = Archive.open(tmp.resolve("corpus"), tmp.resolve("index"));
        var f = org.letterarchive.search.SearchFixture.stageFamilies(archive);
        earliest = f.earliest();
        version = f.version();
        translation = f.translation();
        copies.addAll(f.copies());
        alone = f.alone();
        archive.commit();
        app = WebApp.create(archive, Path.of("web"), ApiToken.of("family-test-" + java.util.UUID.randomUUID()), 2, 8).start(0);
        base = "http://localhost:" + app.port();
        browser = Browser.start(1280, 1200);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stopAll(browser, app, archive);
    }

    private static List<WebElement> hits() {
        return browser.driver.findElements(By.cssSelector("#hits .hit"));
    }

    /** The family note of each hit on screen, by the hit's title and date ("" for none). */
    private static Map<String, String> notes() {
        Map<String, String> out = new TreeMap<>();
        for (WebElement h : hits()) {
            List<WebElement> note = h.findElements(By.cssSelector(".family-others"));
            out.put(h.findElement(By.cssSelector("h2")).getText() + " @ " + h.findElement(By.cssSelector(".meta .date")).getText(),
                    note.isEmpty() ? "" : note.get(0).getText());
        }
        return out;
    }

    @Test
    void theCollapseSwitchShowsOneHitPerFamilyWithItsOtherLetters() throws Exception {
        browser.driver.get(base + "/?sort=newest");
        browser.waiting().withMessage("every letter listed").until(d -> hits().size() == 16);
        assertTrue(browser.driver.findElements(By.cssSelector(".family-others")).isEmpty(), "no family notes without the switch");
        browser.driver.findElement(By.id("collapse")).click();
        browser.waiting().withMessage("one hit per family").until(d -> hits().size() == 3);
        assertTrue(browser.driver.getCurrentUrl().contains("collapse=family"), browser.driver.getCurrentUrl());
        assertTrue(browser.driver.findElement(By.id("count")).getText().contains("16 letters"), browser.driver.findElement(By.id("count")).getText());
        assertTrue(browser.driver.findElement(By.id("family-count")).getText().contains("3 families"));
        // newest first: each family is shown by its newest member; the note counts the others by relation
        assertEquals(Map.of(
                "Stop the wetland motorway @ 12 June 2022", "+10 copies, 1 earliest letter",
                "Restore the community radio licences @ 20 March 2021", "+1 translation, 1 earliest letter",
                "Fund the public libraries @ 2 May 2020", ""), notes());
        browser.screenshot("search-collapsed");

        // the note leads to the letter's family
        WebElement radio = hits().stream().filter(h -> h.getText().contains("community radio")).findFirst().orElseThrow();
        radio.findElement(By.cssSelector(".family-others")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("family-members")));
        assertTrue(browser.driver.getCurrentUrl().contains(version), browser.driver.getCurrentUrl());

        browser.driver.navigate().back();
        browser.waiting().withMessage("the collapsed search again").until(d -> hits().size() == 3);
        browser.driver.findElement(By.id("collapse")).click();
        browser.waiting().withMessage("every letter again").until(d -> hits().size() == 16);
        assertFalse(browser.driver.getCurrentUrl().contains("collapse"));
        assertTrue(browser.scriptProblems().isEmpty(), browser.scriptProblems().toString());
    }

    private static List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void aVersionShowsItsFamilyAndWhatChanged() throws Exception {
        browser.driver.get(base + "/letter.html?id=" + version);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("family-members")));
        assertEquals("Letter family (3 letters)", browser.driver.findElement(By.id("family-title")).getText());
        assertTrue(browser.driver.findElement(By.id("family-summary")).getText().startsWith("This letter is a version of the earliest letter"));
        // members: earliest first, then by date; relation, date, language, a link to each other letter
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#family-members tbody tr"));
        assertEquals(List.of(earliest, translation, version), rows.stream().map(r -> r.getAttribute("data-id")).toList());
        assertEquals(List.of("Earliest letter", "Translation", "Version"), texts("#family-members tbody td.relation"));
        assertTrue(rows.get(1).getText().contains("4 March 2021") && rows.get(1).getText().contains("Spanish"), rows.get(1).getText());
        assertTrue(rows.get(2).getText().contains("(this letter)"));
        assertTrue(rows.get(2).findElements(By.tagName("a")).isEmpty(), "the letter itself is not a link");
        assertEquals(base + "/letter.html?id=" + translation, rows.get(1).findElement(By.tagName("a")).getAttribute("href"));

        // side by side: signers removed and added, the paragraph of the earliest letter and its rewrite
        assertEquals(List.of("Open Airwaves Foundation"), texts("#family-diff .removed-signers li"));
        assertEquals(List.of("Northern Journalists Network", "Digital Freedom Foundation"), texts("#family-diff .added-signers li"));
        assertEquals(List.of(EN[2]), texts("#family-diff .removed-paragraphs li"));
        assertEquals(List.of(CHANGED), texts("#family-diff .added-paragraphs li"));
        WebElement removed = browser.driver.findElement(By.cssSelector("#family-diff .signer-diff .removed"));
        WebElement added = browser.driver.findElement(By.cssSelector("#family-diff .signer-diff .added"));
        assertEquals(removed.getLocation().getY(), added.getLocation().getY(), "removed and added side by side");
        assertTrue(removed.getLocation().getX() < added.getLocation().getX());
        browser.screenshot("letter-family");

        // the earliest letter lists its version's changes; a translation has none
        rows.get(0).findElement(By.tagName("a")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains(earliest) && !d.findElements(By.cssSelector("#family-members")).isEmpty());
        assertTrue(browser.driver.findElement(By.id("family-summary")).getText().contains("1 version, 1 translation"));
        WebElement details = browser.driver.findElement(By.cssSelector("details.family-diff[data-id='" + version + "']"));
        details.findElement(By.tagName("summary")).click();
        assertEquals(List.of("Northern Journalists Network", "Digital Freedom Foundation"),
                details.findElements(By.cssSelector(".added-signers li")).stream().map(WebElement::getText).toList());
        assertTrue(browser.driver.findElements(By.cssSelector("details.family-diff[data-id='" + translation + "']")).isEmpty());
        assertTrue(browser.scriptProblems().isEmpty(), browser.scriptProblems().toString());
    }

    @Test
    void aCampaignCopyShowsTheCampaignAndASingleLetterNoFamily() throws Exception {
        browser.driver.get(base + "/letter.html?id=" + copies.get(5));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-note")));
        assertEquals("Letter family (12 letters)", browser.driver.findElement(By.id("family-title")).getText());
        String note = browser.driver.findElement(By.id("campaign-note")).getText();
        assertTrue(note.contains("A campaign of 12 letters") && note.contains("11 copies") && note.contains("25%"), note);
        // the earliest copy added a sentence of its own: its paragraph beside this copy's; signers are not compared
        assertEquals(List.of(CAMPAIGN[1] + " My own garden flooded twice last year."), texts("#family-diff .removed-paragraphs li"));
        assertEquals(List.of(CAMPAIGN[1]), texts("#family-diff .added-paragraphs li"));
        assertTrue(browser.driver.findElements(By.cssSelector("#family-diff .signer-diff")).isEmpty());

        browser.driver.get(base + "/letter.html?id=" + alone);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-title")));
        browser.waiting().until(d -> !d.findElement(By.id("related-status")).getText().isEmpty()
                || !d.findElements(By.cssSelector("#related-list li")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("family")).isEmpty(), "a letter of no family shows none");
    }
}
