package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.query.CannedQueries;
import org.newskg.query.Rows;
import org.newskg.store.Fixture;
import org.newskg.store.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an anonymous or hostile client can do to a running server: nothing to the data, and nothing that stops it
 * answering others. Every test runs a real Fuseki on port 0 over the two-document fixture in a real TDB2 store.
 */
public class ServerHardeningTest {

    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void load() {
        store = Store.open(dir.resolve("db"));
        Fixture.load(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every quad of the store as N-Quads lines, to compare before and after. */
    static Set<String> snapshot() {
        return Txn.calculateRead(store.dataset(), () -> {
            Set<String> lines = new TreeSet<>();
            store.dataset().find().forEachRemaining(q -> lines.add(NodeFmtLib.str(q)));
            return lines;
        });
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Anonymous write attempts: SPARQL Update (raw and form, at each endpoint), GSP PUT/POST/DELETE, admin calls. */
    static List<HttpRequest.Builder> anonymousWrites(String root) {
        String base = root + "newskg";
        String drop = "DROP ALL";
        String insert = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }";
        String graph = "?graph=" + enc(Fixture.DOC1.getURI());
        String turtle = "<urn:x:a> <urn:x:b> <urn:x:c> .";
        List<HttpRequest.Builder> requests = new ArrayList<>();
        for (String path : List.of("/update", "", "/sparql", "/query", "/data")) {
            for (String update : List.of(drop, insert)) {
                requests.add(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update)));
                requests.add(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("update=" + enc(update))));
            }
        }
        for (String target : List.of(graph, "?default", "")) {
            requests.add(HttpRequest.newBuilder(URI.create(base + "/data" + target)).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString(turtle)));
            requests.add(HttpRequest.newBuilder(URI.create(base + "/data" + target)).header("Content-Type", "text/turtle")
                    .POST(HttpRequest.BodyPublishers.ofString(turtle)));
            requests.add(HttpRequest.newBuilder(URI.create(base + "/data" + target)).DELETE());
            requests.add(HttpRequest.newBuilder(URI.create(base + "/data" + target)).header("Content-Type", "text/turtle")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(turtle)));
        }
        requests.add(HttpRequest.newBuilder(URI.create(base + graph)).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(turtle)));
        requests.add(HttpRequest.newBuilder(URI.create(base + graph)).DELETE());
        for (String admin : List.of("$/datasets", "$/datasets/newskg", "$/backup/newskg", "$/compact/newskg", "$/reload",
                "$/sleep", "$/tasks", "$/metrics", "$/backups/list", "$/datasets?dbName=evil&dbType=mem")) {
            requests.add(HttpRequest.newBuilder(URI.create(root + admin)).POST(HttpRequest.BodyPublishers.noBody()));
            requests.add(HttpRequest.newBuilder(URI.create(root + admin)).DELETE());
            requests.add(HttpRequest.newBuilder(URI.create(root + admin)));
        }
        return requests;
    }

    static void assertAnonymousWritesRefused(Server server) throws Exception {
        Set<String> before = snapshot();
        List<String> wrong = new ArrayList<>();
        for (HttpRequest.Builder request : anonymousWrites(server.uiUrl())) {
            HttpRequest r = request.build();
            int code = send(request).statusCode();
            if (code != 401 && code != 403) {
                wrong.add(r.method() + " " + r.uri() + " -> " + code);
            }
        }
        assertTrue(wrong.isEmpty(), "anonymous writes not refused with 401/403: " + String.join("\n", wrong));
        assertEquals(before, snapshot(), "the store changed");
    }

    @Test
    void readOnlyServerRefusesAnonymousWritesAndAdminCalls() throws Exception {
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            assertAnonymousWritesRefused(server);
            // reads still answer
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc("ASK {}")))).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "$/server"))).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "newskg/data?graph=" + enc(Fixture.DOC1.getURI()))))
                    .statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void serverWithPasswordRefusesTheSameWritesWithoutLogin() throws Exception {
        Server server = Server.builder().store(store).port(0).updatePassword("s3cret").build().start();
        try {
            assertAnonymousWritesRefused(server);
        } finally {
            server.stop();
        }
    }

    /** Four copies of every triple joined with nothing: far beyond any budget on the fixture. */
    static final String CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    @Test
    void crossProductIsStoppedByTheTimeoutWhileOtherQueriesAnswer() throws Exception {
        Server server = Server.builder().store(store).port(0).queryTimeout(Duration.ofSeconds(2)).build().start();
        try {
            long start = System.nanoTime();
            // the client asks for an hour: it may shorten the server's timeout, never lengthen it
            CompletableFuture<HttpResponse<String>> heavy = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(server.sparqlUrl())).timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("timeout=3600&query=" + enc(CROSS_PRODUCT))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            HttpResponse<String> light = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + enc("ASK { <" + Fixture.DOC1.getURI() + "> ?p ?o }"))).header("Accept", "application/sparql-results+json"));
            assertEquals(200, light.statusCode(), light.body());
            assertTrue(light.body().contains("true"), light.body());
            assertFalse(heavy.isDone(), "the cross product should still be running while the light query answered");

            HttpResponse<String> stopped = heavy.get(100, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(stopped.statusCode() >= 500, "cross product answered " + stopped.statusCode() + ": " + stopped.body());
            assertTrue(seconds < 60, "stopped only after " + seconds + " s");
            // and the server goes on answering
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc("ASK {}")))).statusCode());
        } finally {
            server.stop();
        }
    }

    static int rows(Server server, String query) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc(query)))
                .header("Accept", "text/csv"));
        assertEquals(200, r.statusCode(), r.body());
        return (int) r.body().lines().count() - 1;
    }

    @Test
    void localhostOnlyServerCannotBeReachedFromTheNetworkInterface() throws Exception {
        java.net.InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no network interface besides loopback");
        for (boolean localhostOnly : new boolean[] {true, false}) {
            Server server = Server.builder().store(store).port(0).localhostOnly(localhostOnly).build().start();
            try {
                assertTrue(reachable(java.net.InetAddress.getLoopbackAddress(), server.port()), "loopback");
                // the same server, asked on the machine's network address: refused when it listens on loopback only
                assertEquals(!localhostOnly, reachable(external, server.port()),
                        (localhostOnly ? "--localhost" : "the default") + " server on " + external.getHostAddress());
            } finally {
                server.stop();
            }
        }
    }

    private static boolean reachable(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void resultsAreCappedAtTheConfiguredRows() throws Exception {
        Server server = Server.builder().store(store).port(0).maxResultRows(7).build().start();
        try {
            assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionGraph().size()) > 7, "fixture too small");
            assertEquals(7, rows(server, "SELECT * { ?s ?p ?o }"));
            assertEquals(7, rows(server, "SELECT * { ?s ?p ?o } LIMIT 100000"));
            assertEquals(3, rows(server, "SELECT * { ?s ?p ?o } LIMIT 3"));
            HttpResponse<String> construct = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + enc("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))).header("Accept", "application/n-triples"));
            assertEquals(7, construct.body().lines().count(), construct.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void oversizeRequestBodyIsRefused() throws Exception {
        Server server = Server.builder().store(store).port(0).maxRequestBytes(10_000).build().start();
        try {
            String padded = "# " + "x".repeat(20_000) + "\nASK {}";
            HttpRequest.Builder declared = HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(padded));
            assertEquals(413, send(declared).statusCode());
            byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
            assertEquals(413, send(chunked).statusCode());
            HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(padded)));
            assertEquals(413, send(form).statusCode());
            // below the limit, both ways work
            byte[] small = "ASK {}".getBytes(StandardCharsets.UTF_8);
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString("ASK {}"))).statusCode());
        } finally {
            server.stop();
        }
    }

    /** Values that would widen or break the query if pasted into its text. */
    public static final List<String> HOSTILE = List.of(
            "x\" } UNION { ?s ?p ?o } #",
            "x\")) || true || ((\"",
            "Vargas\" . } } SELECT * { ?s ?p ?o } #",
            "<http://example.org/x> } UNION { ?s ?p ?o",
            "x>\n} UNION {\n?s ?p ?o\n}\n#",
            "{ } { \"\"\" ''' \\ \n\r\t",
            "https://w3id.org/newskg/id/lena-vargas> ?p ?o } UNION { ?s ?p ?o } #");

    @Test
    void hostileCannedQueryParametersOverHttpAreJustValues() throws Exception {
        CannedQueries queries = CannedQueries.fromClasspath();
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            // the probes do find rows when the value is an honest one
            assertFalse(Rows.of(queries.select("statements-by", Map.of("speaker", "Vargas"), server.sparqlUrl())).isEmpty());
            for (String value : HOSTILE) {
                for (var p : Map.of("statements-by", "speaker", "statements-about", "entity", "provenance", "iri").entrySet()) {
                    assertEquals(0, Rows.of(queries.select(p.getKey(), Map.of(p.getValue(), value), server.sparqlUrl())).size(),
                            p.getKey() + " with " + value);
                }
                // the explorer's JSON endpoints: a search finds nothing, an id that is no IRI is refused, never a 500
                HttpResponse<String> network = send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "api/network?q=" + enc(value))));
                assertEquals(200, network.statusCode(), network.body());
                JsonNode json = new ObjectMapper().readTree(network.body());
                assertEquals(0, json.get("statements").asInt(), value + " -> " + network.body());
                for (String api : List.of("speaker", "statement")) {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "api/" + api + "?id=" + enc(value))));
                    assertTrue(r.statusCode() == 400 || r.statusCode() == 404, api + " " + value + " -> " + r.statusCode() + " " + r.body());
                }
                HttpResponse<String> dated = send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "api/network?from=" + enc(value))));
                assertEquals(400, dated.statusCode(), dated.body());
            }
        } finally {
            server.stop();
        }
    }
}
