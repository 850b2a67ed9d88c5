package org.innograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The researcher UI in a real headless Chromium, one browser session for the class. Screenshots go to
 * target/screenshots/, with the page load times measured by the browser (Navigation Timing).
 */
class ResearcherUiBrowserTest extends ShippedDataServer {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String GP01_PATH = "/id/practice/house-of-digitalisation-haus-der-digitalisierung-lower-austria";
    static final String AT12_PATH = "/resource?uri=" + Http.encode("http://data.europa.eu/nuts/code/AT12");

    static WebDriver browser;
    static Path profile;

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        // CI installs the browser (.ci/run), so there a missing browser is a failure; on a developer's machine
        // without it the browser tests are skipped with the command that enables them.
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Browser tests skipped: apt-get install chromium chromium-driver");
        profile = Files.createTempDirectory("innograph-chromium");
        // Both paths explicit, so Selenium Manager never looks for (or downloads) a browser or driver.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void homePageShowsWhatTheGraphHolds() {
        open("/");
        WebElement practices = browser.findElement(
                By.cssSelector("#class-counts tr[data-class='https://w3id.org/innograph/ontology#GoodPractice'] td.number"));
        long expected = count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/innograph/ontology#GoodPractice> }");
        assertThat(expected).isGreaterThan(10);
        assertThat(practices.getText()).isEqualTo(String.valueOf(expected));
        assertThat(browser.findElements(By.cssSelector("#graph-counts tr[data-graph]")).size()).isGreaterThanOrEqualTo(8);
        screenshot("home");
        timed("home", "/");
    }

    @Test
    void queryEditorRunsAStoredQueryAndShowsItsRows() {
        open("/query");
        WebDriverWait wait = waitUpTo(30);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        new Select(browser.findElement(By.id("examples"))).selectByValue("practice-counts-per-country");
        wait.until(d -> yasqeValue().contains("COUNT(DISTINCT ?practice)"));
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".yasr tbody tr td")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector(".yasr tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElement(By.cssSelector(".yasr tbody")).getText()).contains("Hungary");
        screenshot("query-editor");
        assertNoConsoleErrors();

        // a shared link opens the editor on its query
        open("/query?query=" + Http.encode("SELECT ?shared WHERE { } LIMIT 1"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        wait.until(d -> yasqeValue().contains("?shared"));
        timed("query", "/query");
    }

    @Test
    void practicePageShowsFieldsThemesAndTheRegionOnAMap() {
        open(GP01_PATH);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("House of Digitalisation");
        assertThat(browser.findElement(By.cssSelector("[data-field='ig:summary'] p")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".themes a.theme"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("section.inspired")).getText()).contains("Action");
        assertThat(browser.findElements(By.cssSelector("section.similar li"))).isNotEmpty();
        waitForMap();
        screenshot("practice");
        assertNoConsoleErrors();
        timed("practice", GP01_PATH);
    }

    @Test
    void regionPageShowsItsBoundaryAndThePracticesUnderIt() {
        open(AT12_PATH);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Niederösterreich");
        String practices = browser.findElement(By.cssSelector("section.practices")).getText();
        assertThat(practices).contains("House of Digitalisation");
        // The recommender's picks come from outside the region, each with its score and shared themes.
        List<WebElement> recommended = browser.findElements(By.cssSelector("section.recommended li"));
        assertThat(recommended).isNotEmpty();
        assertThat(recommended.get(0).getText()).contains("score").doesNotContain("House of Digitalisation");
        waitForMap();
        screenshot("region");
        timed("region", AT12_PATH);

        open("/resource?uri=" + Http.encode("http://data.europa.eu/nuts/code/AT"));
        // practices of sub-regions count for the country, marked with where they are
        assertThat(browser.findElement(By.cssSelector("section.practices")).getText()).contains("House of Digitalisation")
                .contains("in AT12");
    }

    @Test
    void searchFindsAPracticeByAWordOfItsSummary() {
        open("/search");
        WebElement box = browser.findElement(By.cssSelector("main input[name=q]"));
        box.sendKeys("benchmarking");
        box.submit();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("hit-count")));
        WebElement first = browser.findElement(By.cssSelector("#results .hit .title a"));
        assertThat(first.getText()).contains("Active role of Business Support Organisation");
        assertThat(browser.findElement(By.cssSelector("#results .hit mark")).getText()).isEqualToIgnoringCase("benchmarking");
        screenshot("search");
        timed("search", "/search?q=benchmarking");
    }

    @Test
    void chartsDrawPracticesPerCountryAndTheme() {
        open("/charts");
        List<WebElement> bars = browser.findElements(By.cssSelector("svg.chart rect.bar"));
        assertThat(bars).hasSizeGreaterThan(10);
        screenshot("charts");
        timed("charts", "/charts");
        open("/ontology");
        assertThat(browser.findElement(By.cssSelector("#GoodPractice .example")).getText()).isNotBlank();
        screenshot("ontology");
        timed("ontology", "/ontology");
    }

    @Test
    void aScriptInALiteralIsShownAsText() {
        String iri = "https://w3id.org/innograph/id/practice/escaping-probe";
        String graph = "https://w3id.org/innograph/graph/escaping-test";
        update("PREFIX ig: <https://w3id.org/innograph/ontology#> PREFIX dct: <http://purl.org/dc/terms/> "
                + "INSERT DATA { GRAPH <" + graph + "> { <" + iri + "> a ig:GoodPractice ; "
                + "dct:title \"<script>window.injected = 1</script>Escaping probe\" ; "
                + "ig:summary \"<img src=x onerror=\\\"window.injected = 2\\\">glimmerwort\" } }");
        try {
            open("/id/practice/escaping-probe");
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("<script>window.injected = 1</script>Escaping probe");
            assertThat(browser.findElement(By.cssSelector("[data-field='ig:summary'] p")).getText())
                    .startsWith("<img src=x");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === undefined")).isEqualTo(true);

            open("/search?q=glimmerwort");
            assertThat(browser.findElement(By.cssSelector("#results .hit .title a")).getText()).startsWith("<script>");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === undefined")).isEqualTo(true);
            screenshot("escaping");
        } finally {
            update("DROP GRAPH <" + graph + ">");
        }
    }

    private void open(String path) {
        browser.get(http.base() + path);
    }

    private String yasqeValue() {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "return window.innographYasgui ? window.innographYasgui.getTab().getYasqe().getValue() : ''");
        return value == null ? "" : value.toString();
    }

    private void waitForMap() {
        WebDriverWait wait = waitUpTo(20);
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-state", "drawn"));
        assertThat(browser.findElement(By.id("map")).getAttribute("class")).contains("leaflet-container");
        // the region's boundary is an SVG path of its own (the backdrop countries are not interactive)
        assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive"))).isNotEmpty();
    }

    /** Nothing failed in the page: no script error, no resource refused (by the CSP or for lack of network). */
    private static void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).isEmpty();
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /**
     * Loads the page again (warm, as a reader browsing the site sees it) and records what the browser measured:
     * time to the last byte of the HTML and to DOMContentLoaded. The HTML must be there within a second.
     */
    private void timed(String name, String path) {
        open(path);
        @SuppressWarnings("unchecked")
        List<Object> timing = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "var t = performance.getEntriesByType('navigation')[0];"
                        + "return [t.responseEnd - t.startTime, t.domContentLoadedEventEnd - t.startTime];");
        double response = ((Number) timing.get(0)).doubleValue();
        double ready = ((Number) timing.get(1)).doubleValue();
        String line = String.format("%-10s %-60s html %6.0f ms  DOMContentLoaded %6.0f ms%n", name, path, response, ready);
        try {
            Files.writeString(SCREENSHOTS.resolve("page-load-times.txt"), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(response).as("time to the HTML of " + path).isLessThan(1000);
    }

    private void screenshot(String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String query) {
        String body = http.get("/sparql?query=" + Http.encode(query), "text/csv").body();
        return Long.parseLong(body.lines().skip(1).findFirst().orElseThrow().strip());
    }
}
