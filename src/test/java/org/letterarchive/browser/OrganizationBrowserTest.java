package org.letterarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchFixture;
import org.letterarchive.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The organization pages in Chromium, over a few hand-made letters (three coalitions signing across four
 * years): from a signer link on a letter to the organization, its timeline and network, on to a neighbour;
 * the organizations browser; a pasted list checked.
 */
class OrganizationBrowserTest {

    @TempDir
    static Path tmp;
    static Archive archive;
    static Javalin app;
    static Browser browser;
    static String base;
    static String firstLetter;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        archive = Archive.open(tmp.resolve("corpus"), tmp.resolve("index"));
        List<Letter> letters = new ArrayList<>();
        String[] others = {"Centro de Derechos Humanos del Sur", "Red Regional de Migración", "Coalición por la Frontera"};
        for (int i = 0; i < 12; i++) {
            List<Signer> signers = new ArrayList<>();
            signers.add(new Signer("Washington Office on Latin America", Signer.Kind.organization, "WOLA", "Washington, DC", null, null, null));
            signers.add(Signer.organization(others[i % 3]));
            if (i % 2 == 0) signers.add(Signer.organization(others[(i + 1) % 3]));
            signers.add(Signer.person("Ana Pérez " + (i % 2), "Washington Office on Latin America"));
            letters.add(SearchFixture.letter(i % 4 == 0 ? "es" : "en", "text/plain", "Letter " + i + " on asylum at the border",
                    LocalDate.of(2016 + i % 4, 1 + i % 12, 10), List.of(Recipient.of("Jane Roe", "Minister of the Interior")),
                    signers, signers.size(), "We write about asylum " + i + "."));
        }
        firstLetter = SearchFixture.store(archive, letters.toArray(Letter[]::new)).get(0);
        app = WebApp.create(archive, Path.of("web")).start(0);
        base = "http://localhost:" + app.port();
        browser = Browser.start(1280, 1100);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stopAll(browser, app, archive);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    @Test
    void fromASignerLinkToTheOrganizationItsTimelineNetworkAndANeighbour() throws Exception {
        browser.driver.get(base + "/letter.html?id=" + firstLetter);
        WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[contains(@class,'signer-list')]//a[contains(., 'Washington Office on Latin America')]")));
        link.click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("org-title")));
        assertEquals("Washington Office on Latin America", browser.driver.findElement(By.id("org-title")).getText());
        assertTrue(browser.driver.findElement(By.id("org-letters")).getText().startsWith("12 letters"));
        // the timeline: one bar per year, 2016 to 2019
        assertEquals(4, browser.driver.findElements(By.cssSelector("#timeline .year-bar")).size());
        // the network: drawn by cytoscape, with the organization and its three co-signers
        browser.await("network drawn", () -> Boolean.TRUE.equals(js(
                "const c = document.querySelector('#network-graph canvas'); return !!c && c.width > 0")));
        assertTrue(browser.driver.findElement(By.id("network-status")).getText().startsWith("3 co-signers"));
        assertTrue(browser.driver.findElement(By.id("org-feed")).getAttribute("href").endsWith("/letters.atom"));
        assertTrue(browser.driver.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']")).getAttribute("href").contains("/letters.atom"));
        browser.screenshot("organization");
        // a neighbour: from the network's list of organizations
        js("document.querySelector('.neighbour-list').open = true");
        WebElement neighbour = browser.driver.findElement(By.xpath("//ul[@id='neighbours']//a[contains(., 'Red Regional')]"));
        neighbour.click();
        browser.await("the neighbour's page", () -> browser.driver.getCurrentUrl().contains("red%20regional") || browser.driver.getCurrentUrl().contains("red+regional"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("org-title"), "Red Regional de Migración"));
        browser.await("co-signers listed", () -> !browser.driver.findElements(By.cssSelector("#org-cosigners a")).isEmpty());
        assertEquals("Washington Office on Latin America", browser.driver.findElement(By.cssSelector("#org-cosigners tbody a")).getText());
    }

    @Test
    void theOrganizationsBrowserFiltersByLetterAndTheSearchPageLinksFeedAndExport() {
        browser.driver.get(base + "/organizations.html");
        browser.await("list shown", () -> browser.driver.findElements(By.cssSelector("#org-list tbody tr")).size() == 4);
        browser.driver.findElement(By.xpath("//nav[@id='az']/a[.='C']")).click();
        browser.await("organizations starting with C", () -> browser.driver.findElements(By.cssSelector("#org-list tbody tr")).size() == 2);
        browser.driver.get(base + "/?q=asylum");
        browser.await("feed link", () -> browser.driver.findElement(By.id("feed-link")).getAttribute("href").contains("/api/search.atom?q=asylum"));
        assertTrue(browser.driver.findElement(By.id("export-csv")).getAttribute("href").contains("/api/export?q=asylum"));
        // every signer name of a hit links to its organization
        browser.await("hits", () -> !browser.driver.findElements(By.cssSelector("#hits .signers a.org-link")).isEmpty());
        assertTrue(browser.driver.findElement(By.cssSelector("#hits .signers a.org-link")).getAttribute("href").contains("/organization.html?key="));
    }

    @Test
    void aPastedListIsChecked() throws Exception {
        browser.driver.get(base + "/check.html");
        WebElement box = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("names")));
        box.sendKeys("WOLA\nWashington Office on Latin America, Inc.\nRed Regional de Migracion\nCentro de Derechos Humanos del Surr\nNobody Imaginary Group");
        browser.driver.findElement(By.id("check-button")).click();
        browser.await("results", () -> browser.driver.findElements(By.cssSelector("#check-results tbody tr")).size() == 5);
        List<String> statuses = browser.driver.findElements(By.cssSelector("#check-results tbody tr")).stream()
                .map(r -> r.getAttribute("class")).toList();
        assertEquals(List.of("status-acronym", "status-exact", "status-exact", "status-fuzzy", "status-none"), statuses);
        browser.await("CSV link", () -> !browser.driver.findElements(By.id("check-csv")).isEmpty());
        assertTrue(browser.driver.findElement(By.id("check-status")).getText().startsWith("4 names of 5 found"));
        browser.screenshot("check");
    }
}
