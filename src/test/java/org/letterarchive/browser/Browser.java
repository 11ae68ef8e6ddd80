package org.letterarchive.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (never Selenium Manager, which would try
 * to download one). Missing browser: the test is skipped with a notice, or fails when env CI is set.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Skips (or, under CI, fails) the calling test class when Chromium or its driver is missing. */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) return;
        String notice = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) Assertions.fail(notice + "; CI is set, so this is a failure");
        System.out.println("SKIPPED: " + notice);
        Assumptions.assumeTrue(false, notice);
    }

    static Browser start(int width, int height) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("letters-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Browser b = new Browser(driver, service, profile);
        b.resize(width, height);
        return b;
    }

    /** Sets the viewport (not the window) to the given size, so screenshots have exactly that size. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Number innerW = (Number) driver.executeScript("return window.innerWidth");
        Number innerH = (Number) driver.executeScript("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(width + (width - innerW.intValue()), height + (height - innerH.intValue())));
    }

    /** Console messages since the last call that tell of a script error or a Content-Security-Policy refusal. */
    java.util.List<String> scriptProblems() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("SyntaxError"))
                .toList();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Waits until the condition holds, failing with what was awaited. */
    void await(String what, java.util.function.BooleanSupplier ok) {
        waiting().withMessage(what).until(d -> ok.getAsBoolean());
    }

    /** Waits until the search page shows the answer to its query: the results no longer busy and the count written. */
    void awaitResults() {
        await("results shown", () -> Boolean.TRUE.equals(driver.executeScript(
                "const r = document.getElementById('results'); const c = document.getElementById('count');"
                        + "return !!r && !r.hasAttribute('aria-busy') && !!c && c.textContent.length > 0")));
    }

    /** The checkbox of one value of a facet on the search page. */
    org.openqa.selenium.WebElement facetCheckbox(String facet, String value) {
        for (org.openqa.selenium.WebElement box : driver.findElements(org.openqa.selenium.By.cssSelector(
                "section.facet[data-facet='" + facet + "'] input[type=checkbox]"))) {
            if (value.equals(box.getAttribute("value"))) return box;
        }
        throw new AssertionError("no checkbox for " + facet + "=" + value);
    }

    /** The values of a facet the search page shows, with their counts, in the order shown. */
    java.util.Map<String, Long> facetCounts(String facet) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (org.openqa.selenium.WebElement li : driver.findElements(org.openqa.selenium.By.cssSelector("section.facet[data-facet='" + facet + "'] li"))) {
            out.put(li.findElement(org.openqa.selenium.By.tagName("input")).getAttribute("value"),
                    Long.parseLong(li.findElement(org.openqa.selenium.By.className("count")).getText().replace(",", "")));
        }
        return out;
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path out = SCREENSHOTS.resolve(name + ".png");
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
        return out;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    /** Closes the browser, then stops the server, then closes the archive, each even when the one before fails. */
    static void stopAll(Browser browser, io.javalin.Javalin app, AutoCloseable archive) throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            try {
                if (app != null) app.stop();
            } finally {
                if (archive != null) archive.close();
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
