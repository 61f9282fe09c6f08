package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli;
import org.newskg.export.ExportFormat;
import org.newskg.export.Selection;
import org.newskg.store.Store;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium,
 * against a real server on a store built from {@code examples/news}, with every host but localhost unresolvable:
 * the network renders with the expected speakers, a clicked statement is highlighted at its exact span, a canned
 * query runs in the editor, and a {@code cyjs} export loads in Cytoscape.js. Screenshots go to {@code target/screenshots}.
 * Without a browser the tests are skipped with a message, except under CI ({@code CI} set), where that is a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest {

    static final String CHROMIUM = System.getProperty("newskg.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("newskg.chromedriver", "/usr/bin/chromedriver");
    static final String PETRESCU = "https://w3id.org/newskg/id/person/alexandra-petrescu";

    @TempDir
    static Path tmp;
    static Store store;
    static Server server;
    static ChromeDriver driver;
    static String base;
    static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        boolean browser = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        String missing = "No headless browser: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install -y chromium chromium-driver); the explorer's browser tests are skipped";
        if (System.getenv("CI") != null) {
            assertTrue(browser, missing + " - but CI must run them");
        }
        if (!browser) {
            // surefire's summary shows only a count of skipped tests: say why on the console too
            System.err.println("ExplorerBrowserTest: " + missing);
        }
        Assumptions.assumeTrue(browser, missing);
        Path db = tmp.resolve("db");
        Cli.Run built = Cli.newskg("build", "examples/news", "--db", db.toString());
        assertEquals(0, built.code(), built::toString);
        store = Store.open(db);
        server = Server.builder().store(store).port(0).localhostOnly(true).build().start();
        base = "http://localhost:" + server.port();
        screenshots = Path.of(System.getProperty("newskg.projectDir", ".")).resolve("target/screenshots");
        Files.createDirectories(screenshots);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1000",
                // the network is off for the page: no host resolves but localhost
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    static void openExplorer() {
        driver.get(base + "/");
        waiting().until(d -> "ready".equals(js("return document.body.dataset.network")));
    }

    @Test
    @Order(1)
    void networkRendersWithTheExpectedSpeakers() throws Exception {
        openExplorer();
        @SuppressWarnings("unchecked")
        List<String> speakers = (List<String>) js("return newskg.cy.nodes('.speaker').map(n => n.data('label'))");
        assertTrue(speakers.containsAll(List.of("Alexandra Petrescu", "Piotr Lewandowicz", "Ingrid Solberg", "Gunnar Thorvaldsson",
                "Elise Vandamme", "Stefan Dimov")), speakers.toString());
        Long rendered = (Long) js("return newskg.cy.nodes().filter(n => n.renderedWidth() > 0).length");
        assertTrue(rendered > speakers.size(), "nodes drawn: " + rendered);
        assertFalse(driver.findElements(By.cssSelector("#cy canvas")).isEmpty(), "Cytoscape draws on a canvas");
        // node size by number of statements
        Number big = (Number) js("return newskg.cy.getElementById(arguments[0]).width()", PETRESCU);
        Number small = (Number) js("return Math.min(...newskg.cy.nodes('.speaker').map(n => n.width()))");
        assertTrue(big.doubleValue() > small.doubleValue(), "Petrescu (4 statements) is drawn larger than a one-statement speaker");
        assertOnlyLocalRequests();
        screenshot("network.png");

        // search by an alias: the surname alone
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("Petrescu");
        driver.findElement(By.id("apply")).click();
        waiting().until(d -> "ready".equals(js("return document.body.dataset.network")));
        assertEquals(Boolean.TRUE, js("return newskg.cy.getElementById(arguments[0]).data('match')", PETRESCU));
        screenshot("search.png");
    }

    @Test
    @Order(2)
    void aClickedStatementIsHighlightedAtItsSpan() throws Exception {
        openExplorer();
        WebElement speaker = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#speakers li[data-id='" + PETRESCU + "']")));
        speaker.click();
        waiting().until(ExpectedConditions.textToBe(By.id("speaker-name"), "Alexandra Petrescu"));
        List<WebElement> statements = driver.findElements(By.cssSelector("#statements li.statement"));
        assertEquals(4, statements.size());
        assertTrue(statements.get(0).getText().contains("·"), "cue, venue, date and source: " + statements.get(0).getText());
        WebElement clicked = statements.get(1);
        String id = clicked.getAttribute("data-id");
        clicked.click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-text mark.hl-statement")));
        screenshot("statement.png");

        Map<String, String> expected = spans(id);
        assertEquals(expected.get("statement"), marked("hl-statement"), "statement span");
        assertEquals(expected.get("speaker"), marked("hl-speaker"), "speaker mention span");
        assertEquals(expected.get("cue"), marked("hl-cue"), "cue span");
        String facts = driver.findElement(By.cssSelector("#details dl.facts")).getText();
        assertTrue(facts.contains("extractor") && facts.contains("confidence"), facts);

        // a tap on the node in the graph opens the same speaker
        js("newskg.cy.getElementById(arguments[0]).emit('tap')", "https://w3id.org/newskg/id/person/ingrid-solberg");
        waiting().until(ExpectedConditions.textToBe(By.id("speaker-name"), "Ingrid Solberg"));
    }

    /** Every resource the page asked for came from the server itself. */
    static void assertOnlyLocalRequests() {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertFalse(loaded.isEmpty(), "no resources recorded");
        for (String url : loaded) {
            assertTrue(url.startsWith(base + "/"), "the page fetched from elsewhere: " + url);
        }
    }

    /** The text of every highlighted piece of one kind, in document order. */
    static String marked(String cls) {
        return (String) js("return Array.from(document.querySelectorAll('#doc-text mark.' + arguments[0])).map(m => m.textContent).join('')", cls);
    }

    /** The anchor texts of a statement, its speaker mention and its cue, read from the store (substrings by code point). */
    static Map<String, String> spans(String statement) {
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                PREFIX nkg: <https://w3id.org/newskg/ontology#>
                PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                SELECT ?text ?b ?e ?mb ?me ?cb ?ce WHERE { GRAPH ?doc {
                  ?doc nif:isString ?text . ?st nif:beginIndex ?b ; nif:endIndex ?e ;
                      nkg:sourceMention [ nif:beginIndex ?mb ; nif:endIndex ?me ] ; nkg:cue [ nif:beginIndex ?cb ; nif:endIndex ?ce ] } }""");
        q.setParam("st", NodeFactory.createURI(statement));
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(q.asQuery()).build()) {
                var row = qe.select().next();
                String text = row.get("text").getLiteralLexicalForm();
                return Map.of("statement", cp(text, row, "b", "e"), "speaker", cp(text, row, "mb", "me"), "cue", cp(text, row, "cb", "ce"));
            }
        });
    }

    static String cp(String text, org.apache.jena.sparql.engine.binding.Binding row, String begin, String end) {
        int b = Integer.parseInt(row.get(begin).getLiteralLexicalForm());
        int e = Integer.parseInt(row.get(end).getLiteralLexicalForm());
        return text.substring(text.offsetByCodePoints(0, b), text.offsetByCodePoints(0, e));
    }

    @Test
    @Order(3)
    void aCannedQueryRunsInTheEditor() throws Exception {
        openExplorer();
        driver.findElement(By.id("tab-sparql")).click();
        waiting().until(d -> "true".equals(js("return document.getElementById('yasgui').dataset.ready || ''")));
        @SuppressWarnings("unchecked")
        List<String> tabs = (List<String>) js("return Array.from(document.querySelectorAll('.yasgui .tabsList .tab')).map(t => t.textContent.trim())");
        List<String> names = new ArrayList<>(org.newskg.query.CannedQueries.fromClasspath().names());
        for (String name : names) {
            assertTrue(tabs.stream().anyMatch(t -> t.contains(name)), "no editor tab for " + name + ": " + tabs);
        }
        String value = (String) js("return newskg.yasgui.getTab().getYasqe().getValue()");
        assertTrue(value.contains("nkg:Statement"), value);
        WebElement run = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tabPanel.active .yasqe_queryButton")));
        run.click();
        waiting().until(d -> {
            Object text = js("const r = document.querySelector('.tabPanel.active .yasr'); return r ? r.innerText : ''");
            return text.toString().contains("Ingrid Solberg");
        });
        screenshot("sparql.png");
        assertOnlyLocalRequests();
    }

    @Test
    @Order(6)
    void theFusekiUiStillWorks() throws Exception {
        driver.get(base + "/?fuseki#/");
        waiting().until(d -> ((String) js("return document.body.innerText")).contains("/newskg"));
        screenshot("fuseki-ui.png");
        driver.findElement(By.id("app"));
    }

    @Test
    @Order(5)
    void fiveThousandNodesDrawAndPanSmoothly() throws Exception {
        openExplorer();
        // a synthetic answer of /api/network's shape: 500 speakers, 4,500 entities and events, 10,000 edges
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) js("""
                const nodes = [], edges = [];
                const kinds = ['Person', 'Organization', 'Place', 'Group', 'Event'];
                for (let i = 0; i < 5000; i++) {
                  const speaker = i < 500;
                  nodes.push({ id: 'n' + i, label: 'node ' + i, kind: kinds[i % 5], statements: speaker ? 1 + i % 40 : 0,
                               speaker, aliases: [], match: false });
                }
                for (let i = 0; i < 10000; i++) {
                  const s = 'n' + (i % 500), t = 'n' + (500 + (i * 7919) % 4500);
                  edges.push({ id: 'e' + i, source: s, target: t, type: 'MENTIONS', weight: 1 });
                }
                const t0 = performance.now();
                newskg.render({ nodes, edges, statements: 10000, truncated: false, maxNodes: 5000 });
                return { drawn: performance.now() - t0, nodes: newskg.cy.nodes().length };""");
        // frames per second while the user drags the graph (a real mouse drag, as a journalist pans)
        js("""
                window.frameCount = 0; window.frameStop = false; window.frameStart = performance.now();
                (function tick() { if (!window.frameStop) { window.frameCount++; requestAnimationFrame(tick); } })();""");
        WebElement canvas = driver.findElement(By.id("cy"));
        org.openqa.selenium.interactions.Actions drag = new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(canvas, 40, 40).clickAndHold();
        for (int i = 0; i < 40; i++) {
            drag = drag.moveByOffset(4, 2);
        }
        drag.release().perform();
        Number fps = (Number) js("window.frameStop = true; return window.frameCount * 1000 / (performance.now() - window.frameStart)");
        screenshot("five-thousand.png");
        assertEquals(5000L, timing.get("nodes"));
        double drawn = ((Number) timing.get("drawn")).doubleValue();
        assertTrue(drawn < 15_000, "5,000 nodes took " + drawn + " ms to lay out and draw");
        // headless Chromium draws in software on a shared 2-core machine: a low bar that still catches a frozen page
        assertTrue(fps.doubleValue() > 5, "dragging 5,000 nodes at " + fps + " frames/s");
        System.out.printf("explorer: 5,000 nodes and 10,000 edges laid out and drawn in %.0f ms; dragging at %.0f frames/s%n",
                drawn, fps.doubleValue());
    }

    @Test
    @Order(4)
    void aCyjsExportLoadsInCytoscape() throws Exception {
        Path file = tmp.resolve("graph.cyjs");
        ExportFormat.CYJS.write(store.dataset(), Selection.all(), file);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        openExplorer();
        @SuppressWarnings("unchecked")
        List<Long> counts = (List<Long>) js("""
                const data = JSON.parse(arguments[0]);
                const cy = cytoscape({ headless: true, elements: data.elements });
                return [cy.nodes().length, cy.edges().length, cy.edges().filter(e => e.source().empty() || e.target().empty()).length];""",
                Files.readString(file));
        assertEquals(json.at("/elements/nodes").size(), counts.get(0).intValue());
        assertEquals(json.at("/elements/edges").size(), counts.get(1).intValue());
        assertEquals(0, counts.get(2).intValue(), "edges without both ends");
    }
}
