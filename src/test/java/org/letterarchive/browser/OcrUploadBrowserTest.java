package org.letterarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.FormatPolicy;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.IsolatedParser;
import org.letterarchive.extract.ParsedDocument;
import org.letterarchive.extract.ParserBackend;
import org.letterarchive.extract.ScanReader;
import org.letterarchive.extract.Scans;
import org.letterarchive.web.ApiToken;
import org.letterarchive.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Scans uploaded through the upload page in Chromium: a two-page scanned PDF and a phone photo, made at test
 * time from invented letters, are answered with OCR jobs whose pages the page shows as they are read (the scan's
 * job held after its first page until the page has shown it), and then are found by a search with their signers.
 */
class OcrUploadBrowserTest {

    static final String TOKEN = "ocr-browser-test-" + java.util.UUID.randomUUID();

    /** Page one: the letter; page two: its close and signers, so the signers exist only once page two is read. */
    static final String PAGE_ONE = """
            Open letter on the closure of the Quillhaven public library

            12 March 2024

            Dear Mayor Okonkwo,

            We, the undersigned organizations, write to oppose the planned closure of the Quillhaven public library \
            on Harbour Street. The library is the only place in the district where children can read after school, \
            where older residents learn to use the internet, and where people without a computer apply for work.

            Closing it would save little money and cost the district a great deal. We ask the council to keep the \
            library open, to restore its Saturday hours, and to consult its readers before any change is made.
            """;
    static final String PAGE_TWO = """
            We would welcome the chance to meet you and the council's libraries committee before the budget vote.

            Sincerely,

            Quillhaven Readers Association
            Tidewater Literacy Coalition
            Northgate Tenants Union
            """;
    static final String PHOTO = """
            Letter on the night bus routes of Quillhaven

            4 June 2024

            Dear Transport Commissioner,

            We write to ask that the night bus routes through the harbour wards of Quillhaven be kept. Nurses, \
            cleaners and hospital porters who finish their shifts after midnight depend on them to get home safely.

            Yours faithfully,

            Quillhaven Cyclists Network
            Harbour Ward Residents Association
            """;

    @TempDir
    static Path tmp;
    static Archive archive;
    static Javalin app;
    static Browser browser;
    static String base;
    static Path scanPdf;
    static Path photo;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        Scans.assumeOcr();
        List<BufferedImage> pages = new ArrayList<>();
        pages.add(Scans.scanned(Scans.typeset(PAGE_ONE, 200, 1).get(0), 11));
        pages.add(Scans.scanned(Scans.typeset(PAGE_TWO, 200, 1).get(0), 12));
        scanPdf = Files.write(tmp.resolve("library-letter-scan.pdf"), Scans.imagePdf(pages, 200));
        photo = Files.write(tmp.resolve("IMG_3107.jpg"), Scans.encode(Scans.scanned(Scans.typeset(PHOTO, 180, 1).get(0), 13), "jpeg"));

        IngestLimits limits = IngestLimits.defaults();
        archive = Archive.open(tmp.resolve("corpus"), tmp.resolve("index"), limits, new IsolatedParser(limits, 1));
        WebApp.startOcrJobs(archive, new HeldAfterFirstPage(IsolatedParser.forOcr(limits)));
        app = WebApp.create(archive, Path.of("web"), ApiToken.of(TOKEN), 2, 8).start(0);
        base = "http://localhost:" + app.port();
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        HeldAfterFirstPage.release();
        Browser.stopAll(browser, app, archive);
    }

    @Test
    void scansUploadedThroughThePageShowTheirPagesAndBecomeSearchableWithTheirSigners() throws Exception {
        browser.driver.get(base + "/upload.html");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token"))).sendKeys(TOKEN);
        // every text the OCR jobs' labels show, in order, recorded in the page as it changes
        browser.driver.executeScript("""
                window.ocrLabels = [];
                new MutationObserver(() => {
                  for (const l of document.querySelectorAll('.ocr-label')) {
                    const t = l.textContent;
                    if (t && window.ocrLabels[window.ocrLabels.length - 1] !== t) window.ocrLabels.push(t);
                  }
                }).observe(document.getElementById('uploads'), { subtree: true, childList: true, characterData: true });
                """);
        browser.driver.findElement(By.id("files")).sendKeys(scanPdf.toAbsolutePath() + "\n" + photo.toAbsolutePath());

        WebDriverWait ocr = new WebDriverWait(browser.driver, Duration.ofMinutes(4));
        // the scan's job, page by page: its first page read, the job held there until the page has shown it
        ocr.withMessage(() -> "the scan's first page read; labels " + browser.driver.executeScript("return window.ocrLabels"))
                .until(d -> label(1).equals("Reading the scan with OCR: 1 of 2 pages…"));
        // one bar per file: once sent, the file's bar counts the pages read
        assertEquals(1, browser.driver.findElements(By.cssSelector("#uploads li:first-child progress")).size());
        WebElement pageBar = browser.driver.findElement(By.id("progress-1"));
        assertEquals("Pages read with OCR", pageBar.getAttribute("aria-label"));
        assertEquals("1", pageBar.getAttribute("value"));
        assertEquals("2", pageBar.getAttribute("max"));
        assertTrue(browser.driver.findElement(By.cssSelector("#result-1 button")).getText().equals("Cancel"));
        browser.screenshot("ocr-upload-progress");
        HeldAfterFirstPage.release();

        ocr.withMessage("the scan read and added").until(d -> !d.findElements(By.cssSelector("#result-1 .created a")).isEmpty());
        ocr.withMessage("the photo read and added").until(d -> !d.findElements(By.cssSelector("#result-2 .created a")).isEmpty());
        assertTrue(browser.driver.findElement(By.id("result-1")).getText().startsWith("Added (read with OCR, now searchable)"),
                browser.driver.findElement(By.id("result-1")).getText());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.driver.executeScript("return window.ocrLabels");
        assertTrue(labels.contains("Scanned letter: waiting to be read with OCR (2 pages)…")
                || labels.contains("Reading the scan with OCR: 0 of 2 pages…"), "the job shown before its first page: " + labels);
        assertTrue(labels.contains("Reading the scan with OCR: 1 of 2 pages…"), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.endsWith("(1 page)…") || l.contains("of 1 page")), "the photo's job: " + labels);
        assertEquals(browser.driver.findElement(By.id("progress-1")).getAttribute("max"), browser.driver.findElement(By.id("progress-1")).getAttribute("value"));
        // the link names the letter by its title once it is known, as for a letter added at once
        browser.waiting().withMessage("the link named by the letter's title")
                .until(d -> !d.findElement(By.cssSelector("#result-1 .created a")).getText().equals("library-letter-scan.pdf"));
        String linkText = browser.driver.findElement(By.cssSelector("#result-1 .created a")).getText();
        browser.screenshot("ocr-upload-done");

        // the scan's letter: its page says it was read with OCR and lists the signers read from page two
        browser.driver.findElement(By.cssSelector("#result-1 .created a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ocr-note")));
        assertEquals(browser.driver.findElement(By.id("letter-title")).getText(), linkText);
        assertTrue(browser.driver.findElement(By.id("ocr-note")).getText().contains("2 pages"), browser.driver.findElement(By.id("ocr-note")).getText());
        String signers = browser.driver.findElement(By.cssSelector(".signer-list")).getText();
        assertTrue(signers.contains("Tidewater Literacy Coalition") && signers.contains("Northgate Tenants Union"), signers);

        // both are found by a search, each shown with its signers
        browser.driver.get(base + "/?q=Quillhaven");
        browser.waiting().withMessage("two hits").until(d -> d.findElements(By.cssSelector("#hits .hit")).size() == 2);
        String hits = browser.driver.findElement(By.id("hits")).getText();
        assertTrue(hits.contains("Tidewater Literacy Coalition"), hits);
        assertTrue(hits.contains("Quillhaven Cyclists Network") || hits.contains("Harbour Ward Residents Association"), hits);
        browser.driver.get(base + "/?q=%22Harbour+Ward+Residents+Association%22");
        browser.waiting().withMessage("the photo's letter found by its signer").until(d -> d.findElements(By.cssSelector("#hits .hit")).size() == 1);
        assertTrue(browser.driver.findElement(By.id("hits")).getText().contains("night bus"), browser.driver.findElement(By.id("hits")).getText());
        assertEquals(List.of(), browser.scriptProblems());
    }

    /**
     * The real OCR parser, its jobs held after the first page of a two-page scan (at most a minute) until the test
     * has seen that page counted: the upload page polls its jobs once a second, and both pages are often read
     * between two polls.
     */
    static final class HeldAfterFirstPage implements ParserBackend {
        private static final CountDownLatch SEEN = new CountDownLatch(1);
        private final ParserBackend parser;

        HeldAfterFirstPage(ParserBackend parser) {
            this.parser = parser;
        }

        static void release() {
            SEEN.countDown();
        }

        @Override
        public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
            return parser.parse(bytes, fileName);
        }

        @Override
        public ParsedDocument parse(byte[] bytes, String fileName, FormatPolicy.Verdict verdict) throws ExtractionException {
            return parser.parse(bytes, fileName, verdict);
        }

        @Override
        public ParsedDocument parseScanned(byte[] bytes, String fileName, ScanReader.Progress progress) throws ExtractionException {
            return parser.parseScanned(bytes, fileName, new ScanReader.Progress() {
                @Override
                public void page(int done, int total) {
                    progress.page(done, total);
                    if (done == 1 && total == 2) {
                        try {
                            SEEN.await(1, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void read(ScanReader.PageText page) {
                    progress.read(page);
                }

                @Override
                public Map<Integer, ScanReader.PageText> known() {
                    return progress.known();
                }
            });
        }

        @Override
        public void close() {
            parser.close();
        }
    }

    private static String label(int n) {
        List<WebElement> l = browser.driver.findElements(By.cssSelector("#result-" + n + " .ocr-label"));
        return l.isEmpty() ? "" : l.get(0).getText();
    }
}
