package org.letterarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.letter.Assessment;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.web.ApiToken;
import org.letterarchive.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Needs review page in Chromium: the queue with its doubts, a letter's unsure parts marked on its page,
 * and a letter marked reviewed leaving the queue.
 */
class ReviewBrowserTest {

    static final String TOKEN = "review-test-" + java.util.UUID.randomUUID();

    @TempDir
    static Path tmp;
    static Archive archive;
    static Javalin app;
    static Browser browser;
    static String base;
    static String cormorants;
    static String grebes;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        archive = Archive.open(tmp.resolve("corpus"), tmp.resolve("index"));
        cormorants = store("Open letter on cormorant roosts", LocalDate.of(2022, 4, 2),
                List.of(Signer.organization("Cormorant Circle").withConfidence(0.35), Signer.organization("Lake Friends").withConfidence(0.95)),
                new Assessment(0.9, 0.95, 0.9, 0.35, List.of("1 signer uncertain")));
        grebes = store("Letter on grebe nesting sites", LocalDate.of(2021, 6, 1),
                List.of(Signer.organization("Grebe Guild").withConfidence(0.9)),
                new Assessment(0.4, 0.95, 0.9, 0.9, List.of("title uncertain")));
        store("Letter on swan meadows", LocalDate.of(2020, 1, 1), List.of(Signer.organization("Swan Society").withConfidence(0.9)),
                new Assessment(0.9, 0.9, 0.9, 0.9, List.of()));
        archive.commit();
        app = WebApp.create(archive, Path.of("web"), ApiToken.of(TOKEN), 2, 8).start(0);
        base = "http://localhost:" + app.port();
        browser = Browser.start(1280, 1000);
    }

    private static String store(String title, LocalDate date, List<Signer> signers, Assessment assessment) throws Exception {
        String text = title + "\n\nDear Minister,\n\nWe write about " + title.toLowerCase() + ".\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Letter l = new Letter(null, "letter.txt", "text/plain", "en", title, date, "text",
                List.of(Recipient.of("Ana Heron", "Minister of Wetlands").withConfidence(0.9)), signers, signers.size(), text, List.of(), assessment);
        return archive.store().stage(bytes, LetterId.of(bytes), "letter.txt", l).letter().id();
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stopAll(browser, app, archive);
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#review-list tbody tr[data-id]"));
    }

    @Test
    void theQueueListsDoubtsAndALetterMarkedReviewedLeavesIt() throws Exception {
        browser.driver.get(base + "/");
        WebElement nav = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Needs review")));
        nav.click();
        browser.waiting().withMessage("two letters listed").until(d -> rows().size() == 2);
        assertEquals("2 letters need review", browser.driver.findElement(By.id("review-count")).getText());
        assertEquals(cormorants, rows().get(0).getAttribute("data-id"), "newest first");
        assertTrue(rows().get(0).getText().contains("1 signer uncertain"), rows().get(0).getText());
        assertTrue(rows().get(0).getText().contains("35%"), rows().get(0).getText());
        assertTrue(rows().get(1).getText().contains("title uncertain"));
        assertTrue(browser.driver.findElements(By.xpath("//tr[@data-id]//a[contains(., 'swan meadows')]")).isEmpty());
        browser.screenshot("review");

        // the letter page marks the unsure signer and offers the correction form and Mark reviewed
        rows().get(0).findElement(By.cssSelector("a.review-link")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-box")));
        assertTrue(browser.driver.findElement(By.id("review-doubts")).getText().contains("1 signer uncertain"));
        List<WebElement> unsure = browser.driver.findElements(By.cssSelector(".signer-list li.uncertain"));
        assertEquals(1, unsure.size());
        assertTrue(unsure.get(0).getText().contains("Cormorant Circle") && unsure.get(0).getText().contains("unsure 35%"), unsure.get(0).getText());
        assertTrue(browser.driver.findElement(By.id("edit-button")).isDisplayed());
        browser.driver.navigate().back();

        // mark the other letter reviewed from the queue: the token is asked for once, then the row goes
        browser.waiting().withMessage("queue shown again").until(d -> rows().size() == 2);
        WebElement grebeButton = browser.driver.findElement(By.cssSelector("tr[data-id='" + grebes + "'] button.mark-reviewed"));
        grebeButton.click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-token-input"))).sendKeys(TOKEN);
        browser.driver.findElement(By.cssSelector("tr[data-id='" + grebes + "'] button.mark-reviewed")).click();
        browser.waiting().withMessage("the reviewed letter leaves the queue").until(d -> rows().size() == 1);
        assertEquals(cormorants, rows().get(0).getAttribute("data-id"));
        assertEquals("1 letter needs review", browser.driver.findElement(By.id("review-count")).getText());
        assertTrue(!archive.get(grebes).orElseThrow().letter().needsReview());

        // and from the letter page
        browser.driver.get(base + "/letter.html?id=" + cormorants);
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("mark-reviewed"))).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reviewed-badge")));
        assertTrue(browser.driver.findElements(By.id("review-box")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector(".unsure-tag")).isEmpty(), "a reviewed letter has no unsure marks");
        browser.driver.get(base + "/review.html");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("review-count"), "No letter needs review."));
        assertEquals(List.of(), browser.scriptProblems());
    }
}
