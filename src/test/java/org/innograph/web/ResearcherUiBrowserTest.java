package org.innograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;

import org.innograph.testing.TemporaryDirectories;
import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.util.FmtUtils;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
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
import org.openqa.selenium.interactions.Actions;
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

    static final String PREFIXES = """
            PREFIX ig: <https://w3id.org/innograph/ontology#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX nuts: <http://data.europa.eu/nuts/code/>
            """;

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
        profile = TemporaryDirectories.removedAtExit("innograph-chromium");
        // Both paths explicit, so Selenium Manager never looks for (or downloads) a browser or driver.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
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
    void homeMapShadesAndLinksAKnownRegion() {
        open("/");
        waitForMap("atlas");
        // the headline counts are the graph's
        assertThat(browser.findElement(By.cssSelector("#headline [data-count=practices]")).getText())
                .isEqualTo(String.valueOf(count(PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ig:GoodPractice }")));

        // Niederösterreich: its own practices; Austria: every practice in it, sub-regions included
        long inAt12 = count(PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ig:GoodPractice ; dct:spatial nuts:AT12 }");
        long inAt = count(PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ig:GoodPractice ; dct:spatial/skos:broader* nuts:AT }");
        assertThat(inAt12).isPositive();
        assertThat(inAt).isGreaterThanOrEqualTo(inAt12);
        WebElement at12 = area("AT12");
        WebElement at = area("AT");
        assertThat(at12.getAttribute("data-count")).isEqualTo(String.valueOf(inAt12));
        assertThat(at.getAttribute("data-count")).isEqualTo(String.valueOf(inAt));
        assertThat(at12.getAttribute("aria-label")).contains("Niederösterreich").contains(inAt12 + " good practice");

        // shading: the country with the most practices is darkest; one with fewer is lighter
        List<WebElement> countries = browser.findElements(By.cssSelector("#area-counts tr.country"));
        String most = countries.get(0).getAttribute("data-code");
        long mostCount = Long.parseLong(countries.get(0).getAttribute("data-count"));
        assertThat(area(most).getAttribute("fill")).isEqualTo("#123f73");
        WebElement fewest = area(countries.get(countries.size() - 1).getAttribute("data-code"));
        assertThat(Long.parseLong(fewest.getAttribute("data-count"))).isLessThan(mostCount);
        assertThat(fewest.getAttribute("fill")).isNotEqualTo("#123f73");

        // keyboard: the region is focusable and Enter follows its link to the region page
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", at12);
        assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.getAttribute('data-code')"))
                .isEqualTo("AT12");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitUpTo(10).until(ExpectedConditions.urlContains("AT12"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Niederösterreich");
        assertNoConsoleErrors();

        // filtered by a theme, the counts are those of the practices on that theme or a narrower one
        String theme = "https://w3id.org/innograph/theme/digital-transformation";
        open("/?theme=" + Http.encode(theme));
        waitForMap("atlas");
        long onTheme = count(PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ig:GoodPractice ; "
                + "dct:spatial/skos:broader* nuts:AT ; dct:subject/skos:broader* <" + theme + "> }");
        assertThat(area("AT").getAttribute("data-count")).isEqualTo(String.valueOf(onTheme));
        timed("home", "/");
    }

    @Test
    void datasetPageShowsWhatTheGraphHolds() {
        open("/dataset");
        WebElement practices = browser.findElement(
                By.cssSelector("#class-counts tr[data-class='https://w3id.org/innograph/ontology#GoodPractice'] td.number"));
        long expected = count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/innograph/ontology#GoodPractice> }");
        assertThat(expected).isGreaterThan(10);
        assertThat(practices.getText()).isEqualTo(String.valueOf(expected));
        assertThat(browser.findElements(By.cssSelector("#graph-counts tr[data-graph]")).size()).isGreaterThanOrEqualTo(8);
        // reachable from the home page and from the dataset description
        open("/");
        assertThat(browser.findElements(By.cssSelector("main a[href='/dataset']"))).isNotEmpty();
        open("/.well-known/void");
        assertThat(browser.findElements(By.cssSelector("main a[href='/dataset']"))).isNotEmpty();
        timed("dataset", "/dataset");
    }

    @Test
    void aFlowArcLeadsToThePracticesBehindIt() {
        open("/flows");
        waitForMap("flow-map");
        // the arc with the most links (the table lists them so); its practices, asked of /sparql: located in the
        // arc's first region, inspiring an action of a partner located in its second
        WebElement first = browser.findElement(By.cssSelector("#arcs tbody tr[data-from]"));
        String from = first.getAttribute("data-from");
        String to = first.getAttribute("data-to");
        WebElement arc = browser.findElement(By.cssSelector("#flow-map path.flow-arc[data-from='" + from + "'][data-to='" + to + "']"));
        Set<String> expected = new TreeSet<>();
        for (QuerySolution row : select(PREFIXES + """
                SELECT DISTINCT ?title WHERE {
                  { ?action ig:inspiredBy ?practice } UNION { ?action ig:inspirationLink/ig:linkedPractice ?practice }
                  ?practice dct:title ?title ; dct:spatial nuts:%s .
                  ?plan ig:hasAction ?action ; ig:actionPlanOf/dct:spatial nuts:%s }""".formatted(from, to))) {
            expected.add(row.getLiteral("title").getString());
        }
        assertThat(expected).isNotEmpty();
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", arc);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitUpTo(10).until(ExpectedConditions.urlContains("toRegion=" + to));
        Set<String> shown = new TreeSet<>();
        List<WebElement> rows = browser.findElements(By.cssSelector("#link-list tbody tr"));
        for (WebElement row : rows) {
            shown.add(row.findElement(By.cssSelector("td:first-child a")).getText());
            // the link's certainty is shown with it
            assertThat(row.findElement(By.cssSelector(".certainty-badge")).getText()).isNotBlank();
        }
        assertThat(shown).isEqualTo(expected);

        // a matrix cell leads to the links between its two countries, as many as it counts
        open("/flows");
        WebElement td = browser.findElement(By.cssSelector("#country-matrix td.has-links"));
        String toCountry = td.getAttribute("data-to");
        WebElement cell = td.findElement(By.tagName("a"));
        long between = Long.parseLong(cell.getText());
        cell.click();
        waitUpTo(10).until(ExpectedConditions.urlContains("toCountry=" + toCountry));
        assertThat(browser.findElements(By.cssSelector("#link-list tbody tr"))).hasSize((int) between);
        // the JSON carries the same links
        assertThat(http.get("/api/flows", "application/json").body()).contains("\"arcs\"").contains("\"" + from + "\"");
        assertNoConsoleErrors();
        timed("flows", "/flows");
    }

    @Test
    void theBuildersAnswerIsTheAnswerOfItsShownSparql() {
        open("/explore");
        // by keyboard: choose a theme in the list, tick "has evidence", type a region and press Enter to ask
        WebElement themes = browser.findElement(By.cssSelector("select[name=theme]"));
        new Select(themes).selectByVisibleText("digital transformation");
        WebElement evidence = browser.findElement(By.cssSelector("input[name=evidence]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", evidence);
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        assertThat(evidence.isSelected()).isTrue();
        WebElement region = browser.findElement(By.cssSelector("input[name=region]"));
        region.sendKeys("LV");
        region.sendKeys(Keys.ENTER);
        waitUpTo(15).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        List<List<String>> page = tableRows();

        String sparql = browser.findElement(By.id("sparql")).getText();
        assertThat(sparql).contains("skos:broader").contains("\"LV\"");
        List<List<String>> endpoint = new ArrayList<>();
        for (QuerySolution row : select(sparql)) {
            endpoint.add(List.of(text(row, "name"), text(row, "country"), text(row, "region"), text(row, "themes")));
        }
        assertThat(page).isNotEmpty();
        assertThat(page).isEqualTo(endpoint);

        // the editor link opens the very query, the CSV link downloads its rows
        String editor = browser.findElement(By.id("open-in-editor")).getAttribute("href");
        String csv = http.get(browser.findElement(By.id("csv")).getAttribute("href").substring(http.base().length()),
                "text/csv").body();
        assertThat(csv.lines().count() - 1).isEqualTo(page.size());
        open(editor.substring(http.base().length()));
        waitUpTo(30).until(d -> yasqeValue().contains("\"LV\""));
        assertThat(yasqeValue().strip()).isEqualTo(sparql.strip());
    }

    @Test
    void aBuilderValueFullOfSparqlChangesNothingButTheFilter() {
        open("/explore?what=practices&region=LV");
        int plain = tableRows().size();
        String plainSparql = browser.findElement(By.id("sparql")).getText();
        assertThat(plain).isPositive();

        String hostile = "LV\" } UNION { ?item ?p ?o } # '\"}}} UNION {{ ?s ?p ?o }} <x> \\";
        open("/explore?what=practices");
        WebElement region = browser.findElement(By.cssSelector("input[name=region]"));
        region.sendKeys(hostile);
        region.sendKeys(Keys.ENTER);
        waitUpTo(15).until(ExpectedConditions.presenceOfElementLocated(By.id("row-count")));
        assertThat(browser.findElements(By.cssSelector(".problem"))).isEmpty();
        assertThat(tableRows()).isEmpty();
        // the value is one literal in the VALUES block; the rest of the query is the plain one's
        String sparql = browser.findElement(By.id("sparql")).getText();
        String literal = FmtUtils.stringForNode(NodeFactory.createLiteralString(hostile.toUpperCase(java.util.Locale.ROOT)));
        assertThat(sparql).contains(literal);
        assertThat(sparql.replace(literal, "\"LV\"")).isEqualTo(plainSparql);

        // the same through every other free field: an answer (no error), narrowed to nothing
        for (String field : List.of("theme", "country", "project", "certainty")) {
            var response = http.get("/explore?what=practices&" + field + "=" + Http.encode(hostile), "text/html");
            assertThat(response.statusCode()).as(field).isEqualTo(200);
            assertThat(response.body()).as(field).contains("id=\"row-count\">0<");
        }
        var answer = http.get("/explore?what=practices&region=" + Http.encode(hostile), "text/html");
        assertThat(answer.statusCode()).isEqualTo(200);
        // a choice that shapes the query must be one of those offered
        assertThat(http.get("/explore?what=" + Http.encode("practices } UNION {"), "text/html").statusCode()).isEqualTo(400);
        assertThat(http.get("/explore?column=" + Http.encode("?s ?p ?o"), "text/html").statusCode()).isEqualTo(400);
    }

    @Test
    void everyPagePassesTheAccessibilityCheckAtBothWidths() throws IOException {
        boolean axe = AxeCheck.available();
        if (!axe && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must be able to install axe-core with npm (src/test/axe/package.json)");
        }
        Assumptions.assumeTrue(axe, "Accessibility check skipped: needs npm to install axe-core into target/axe");
        Path report = SCREENSHOTS.resolve("accessibility.txt");
        Files.deleteIfExists(report);
        List<AxeCheck.Finding> serious = new ArrayList<>();
        for (String[] page : new String[][] {{"home", "/"}, {"flows", "/flows"},
                {"explore", "/explore?what=practices&theme=digital-transformation&column=name&column=country&column=themes"},
                {"dataset", "/dataset"}, {"practice", GP01_PATH}, {"region", AT12_PATH},
                {"theme", "/theme/digital-transformation"}, {"search", "/search?q=cluster"}, {"query", "/query"},
                {"ontology", "/ontology"}}) {
            open(page[1]);
            waitUntilReady();
            List<AxeCheck.Finding> findings = AxeCheck.run(browser, page[0]);
            AxeCheck.record(report, findings, page[0]);
            findings.stream().filter(AxeCheck.Finding::seriousOrWorse).forEach(serious::add);
            screenshot(page[0]);
        }
        assertThat(serious).as("serious or critical accessibility findings (all findings: " + report + ")").isEmpty();
        timed("explore", "/explore?what=practices&theme=digital-transformation");
        timed("theme", "/theme/digital-transformation");
    }

    @Test
    void queryEditorRunsAStoredQueryAndShowsItsRows() {
        open("/query");
        WebDriverWait wait = waitUpTo(30);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        new Select(browser.findElement(By.id("examples"))).selectByValue("practice-counts-per-country");
        wait.until(d -> yasqeValue().contains("igs:practicesInCountry"));
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
        waitForMap("map");
    }

    private void waitForMap(String id) {
        WebDriverWait wait = waitUpTo(20);
        wait.until(ExpectedConditions.attributeToBe(By.id(id), "data-state", "drawn"));
        assertThat(browser.findElement(By.id(id)).getAttribute("class")).contains("leaflet-container");
        // the areas and arcs are SVG paths of their own (the backdrop countries are not interactive)
        assertThat(browser.findElements(By.cssSelector("#" + id + " path.leaflet-interactive"))).isNotEmpty();
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
     * time to the last byte of the HTML and to DOMContentLoaded, into page-load-times.txt. Recorded, not asserted:
     * on a shared 2-core build machine a time limit would fail on the machine's load, not on the page.
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
    }

    /** The page at 1400 px (a desktop) and at 400 px (a phone), as name-1400.png and name-400.png. */
    private void screenshot(String name) {
        try {
            for (int width : new int[] {400, 1400}) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('resize'))");
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps drawn, the query editor up: what a reader waits for before looking. */
    private void waitUntilReady() {
        for (String map : List.of("atlas", "flow-map", "map")) {
            if (!browser.findElements(By.id(map)).isEmpty()) {
                waitForMap(map);
            }
        }
        if (!browser.findElements(By.id("yasgui")).isEmpty()) {
            waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        }
    }

    private WebElement area(String code) {
        return browser.findElement(By.cssSelector("#atlas path[data-code='" + code + "']"));
    }

    /** The builder's answer as the page shows it: the text of every cell, row by row. */
    private static List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#results tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    private static String text(QuerySolution row, String variable) {
        return row.contains(variable) ? row.get(variable).asLiteral().getLexicalForm() : "";
    }

    private List<QuerySolution> select(String query) {
        var response = http.get("/sparql?query=" + Http.encode(query), "application/sparql-results+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ResultSet results = ResultSetMgr.read(new java.io.ByteArrayInputStream(
                response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        return rows;
    }

    private long count(String query) {
        String body = http.get("/sparql?query=" + Http.encode(query), "text/csv").body();
        return Long.parseLong(body.lines().skip(1).findFirst().orElseThrow().strip());
    }
}
