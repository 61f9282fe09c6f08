package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.Fixture;
import org.newskg.store.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The explorer's routes over real HTTP against a real server on the two-document fixture: page, WebJars, JSON API, path checks. */
class ExplorerServerTest {

    @TempDir
    static Path dir;
    static Store store;
    static Server server;
    static String base;

    @BeforeAll
    static void start() {
        store = Store.open(dir.resolve("db"));
        Fixture.load(store);
        server = Server.builder().store(store).port(0).build().start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the path byte for byte (no client-side normalisation of dot segments), returning the status line. */
    static String raw(String path) throws Exception {
        try (Socket s = new Socket("localhost", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder body = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                body.append(line).append('\n');
            }
            return status + "\n" + body;
        }
    }

    @Test
    void rootIsTheExplorerAndTheFusekiUiStaysReachable() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("NewsKG explorer"), page.body());
        assertTrue(page.body().contains("/webjars/cytoscape/"), "cytoscape from the WebJar");
        assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "the page loads nothing from other hosts");
        HttpResponse<String> fuseki = get("/?fuseki");
        assertTrue(fuseki.body().contains("<title>Apache Jena Fuseki UI</title>"), fuseki.body());
        assertEquals(200, get("/$/server").statusCode());
        assertEquals(200, get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").statusCode());
        assertEquals(200, get("/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js").statusCode());
        assertEquals(200, get("/explorer/explorer.js").statusCode());
        HttpResponse<String> context = get("/context.jsonld");
        assertTrue(context.body().contains("\"nkg\""), context.body());
    }

    @Test
    void staticPathsCannotClimbOutOfTheirFolders() throws Exception {
        List<String> attacks = List.of(
                "/webjars/../newskg.properties",
                "/webjars/cytoscape/../../../../newskg.properties",
                "/webjars/%2e%2e/%2e%2e/%2e%2e/newskg.properties",
                "/webjars/%2E%2E%2F%2E%2E%2Fnewskg.properties",
                "/webjars/cytoscape/3.33.1/..%2f..%2f..%2f..%2fnewskg.properties",
                "/webjars/..%5c..%5cnewskg.properties",
                "/explorer/../org/newskg/serve/Server.class",
                "/explorer/%2e%2e/ontology/shapes.ttl",
                "/explorer/..;/newskg.properties",
                "/webjars//etc/passwd",
                "/explorer/index.html%00.js");
        List<String> leaks = new ArrayList<>();
        for (String attack : attacks) {
            String response = raw(attack);
            String status = response.lines().findFirst().orElse("");
            int code = Integer.parseInt(status.split(" ")[1]);
            if (code < 400 || response.contains("newskg.version") || response.contains("sh:NodeShape") || response.contains("root:")) {
                leaks.add(attack + " -> " + status);
            }
        }
        assertTrue(leaks.isEmpty(), "served outside the resource folders: " + leaks);
        assertTrue(ExplorerFilter.safePath("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "cytoscape/3.33.1/dist/cytoscape.min.js"));
        assertFalse(ExplorerFilter.safePath("/webjars/a/../b.js", "a/../b.js"));
    }

    @Test
    void networkSpeakerAndStatementAnswerAsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode network = json.readTree(get("/api/network").body());
        List<String> speakers = new ArrayList<>();
        network.get("nodes").forEach(n -> { if (n.get("speaker").asBoolean()) speakers.add(n.get("label").asText()); });
        assertTrue(speakers.contains("Lena Vargas") && speakers.contains("Tomas Reed"), speakers.toString());
        // a search matches every alias: "Vargas" alone is an alternate name
        JsonNode searched = json.readTree(get("/api/network?q=vargas").body());
        assertTrue(searched.get("nodes").findValues("match").stream().anyMatch(JsonNode::asBoolean), searched.toString());
        JsonNode person = json.readTree(get("/api/network?type=Group").body());
        person.get("nodes").forEach(n -> { if (n.get("speaker").asBoolean()) assertEquals("Group", n.get("kind").asText()); });
        JsonNode briefing = json.readTree(get("/api/network?venue=Briefing").body());
        assertEquals(1, briefing.get("statements").asInt(), briefing.toString());
        JsonNode may8 = json.readTree(get("/api/network?from=2024-05-08&to=2024-05-08").body());
        assertEquals(3, may8.get("statements").asInt(), may8.toString());

        JsonNode lena = json.readTree(get("/api/speaker?id=" + URLEncoder.encode(Fixture.LENA, StandardCharsets.UTF_8)).body());
        assertEquals("Lena Vargas", lena.get("label").asText());
        assertEquals(3, lena.get("statements").size());
        String s12 = "https://w3id.org/newskg/id/s1-2";
        JsonNode st = json.readTree(get("/api/statement?id=" + URLEncoder.encode(s12, StandardCharsets.UTF_8)).body());
        assertEquals(86, st.get("begin").asInt());
        assertEquals(101, st.get("speaker_begin").asInt());
        assertEquals("tell", st.get("cue").asText());
        assertEquals("NewsKG 0.1.0", st.get("extractor").asText());
        assertEquals(0.95, st.get("confidence").asDouble(), 1e-9);
        assertTrue(st.get("docText").asText().startsWith("Port Minister Lena Vargas"));

        assertEquals(400, get("/api/speaker?id=" + URLEncoder.encode("> } DROP ALL #", StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, get("/api/network?from=yesterday").statusCode());
        assertEquals(404, get("/api/statement?id=" + URLEncoder.encode("https://w3id.org/newskg/id/nothing", StandardCharsets.UTF_8)).statusCode());
        JsonNode queries = json.readTree(get("/api/queries").body());
        assertEquals("who-said-what", queries.get(0).get("name").asText());
        assertTrue(queries.get(0).get("text").asText().contains("SELECT"));
    }

    @Test
    void aCannedQueryPageOverHttpIsThePageOfTheQuery() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> all = new ArrayList<>();
        org.newskg.query.CannedQueries.fromClasspath().select("who-said-what", java.util.Map.of(), store.dataset())
                .forEachRemaining(b -> all.add(b.get("id").getURI()));
        assertTrue(all.size() >= 3, "statements in the fixture: " + all);
        HttpResponse<String> page = get("/api/query/who-said-what?limit=2&offset=1");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        JsonNode bindings = json.readTree(page.body()).get("results").get("bindings");
        assertEquals(List.of(all.get(1), all.get(2)),
                List.of(bindings.get(0).get("id").get("value").asText(), bindings.get(1).get("id").get("value").asText()));
        JsonNode byLena = json.readTree(get("/api/query/statements-by?speaker=Vargas").body()).get("results").get("bindings");
        assertTrue(byLena.size() > 0, "statements of the fixture's speaker");
        byLena.forEach(b -> assertEquals(Fixture.LENA, b.get("speaker").get("value").asText()));
        assertEquals(400, get("/api/query/statements-by").statusCode(), "a required parameter is missing");
        assertEquals(400, get("/api/query/who-said-what?speaker=x").statusCode(), "a parameter the query does not take");
        assertEquals(400, get("/api/query/who-said-what?limit=-1").statusCode());
        assertEquals(400, get("/api/query/who-said-what?limit=lots").statusCode());
        assertEquals(400, get("/api/query/who-said-what?limit=" + (ExplorerApi.MAX_PAGE + 1)).statusCode());
        assertEquals(404, get("/api/query/no-such-query").statusCode());
    }
}
