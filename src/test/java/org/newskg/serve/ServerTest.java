package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.query.CannedQueries;
import org.newskg.query.CannedQuery;
import org.newskg.query.ResultFormat;
import org.newskg.query.Rows;
import org.newskg.rdf.NKG;
import org.newskg.store.Fixture;
import org.newskg.store.Store;

class ServerTest {

    /** Parameters that make every canned query return rows on the fixture. */
    static final Map<String, Map<String, String>> PARAMS = Map.of(
            "statements-by", Map.of("speaker", "Vargas"),
            "statements-about", Map.of("entity", "Tomas Reed"),
            "provenance", Map.of("iri", Fixture.LENA));

    @TempDir
    static Path dir;
    static Store store;
    static final CannedQueries QUERIES = CannedQueries.fromClasspath();

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
        // a new client each time: each test starts its own server on port 0, and the OS may hand out a port
        // again, where a pooled keep-alive connection of a shared client would still point at a stopped server
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String csv(CannedQueries queries, String name, Map<String, String> params, Object target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (target instanceof String url) {
            queries.run(name, params, url, ResultFormat.CSV, out);
        } else {
            queries.run(name, params, store.dataset(), ResultFormat.CSV, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCannedQueryAnswersOverHttpAsLocally() {
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            String endpoint = server.sparqlUrl();
            for (CannedQuery q : QUERIES.all()) {
                Map<String, String> params = PARAMS.getOrDefault(q.name(), Map.of());
                if (q.query().toString().contains("SERVICE")) {
                    // a federated query reaches out to another endpoint: the server refuses that on purpose
                    assertThrows(RuntimeException.class, () -> Rows.of(QUERIES.select(q.name(), params, endpoint)), q.name());
                    continue;
                }
                List<Map<String, String>> local = Rows.of(QUERIES.select(q.name(), params, store.dataset()));
                List<Map<String, String>> remote = Rows.of(QUERIES.select(q.name(), params, endpoint));
                assertFalse(local.isEmpty(), q.name() + " returns rows on the fixture");
                assertEquals(local, remote, q.name());
                assertEquals(csv(QUERIES, q.name(), params, store), csv(QUERIES, q.name(), params, endpoint), q.name());
            }
            // hostile values go over the wire as terms too
            assertEquals(0, Rows.of(QUERIES.select("statements-by", Map.of("speaker", "Robert \"}; DROP ALL; #"), endpoint)).size());
            assertEquals(0, Rows.of(QUERIES.select("provenance", Map.of("iri", "x\" } UNION { ?s ?p ?o } #\n>\n<http://e/>"),
                    server.urls().get(2))).size());
        } finally {
            server.stop();
        }
    }

    @Test
    void defaultGraphIsTheUnionOverHttp() {
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            String ask = "ASK { <" + Fixture.DOC1.getURI() + "> ?p ?o . <" + Fixture.DOC2.getURI() + "> ?p2 ?o2 }";
            assertTrue(QueryExecHTTP.service(server.sparqlUrl()).query(ask).ask());
            assertTrue(QueryExecHTTP.service(server.urls().get(2)).query(ask).ask());
        } finally {
            server.stop();
        }
    }

    @Test
    void servesTheUiAndTheServerDescriptionItNeeds() throws Exception {
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            assertEquals(List.of("http://localhost:" + server.port() + "/", "http://localhost:" + server.port() + "/newskg/sparql",
                    "http://localhost:" + server.port() + "/newskg/query", "http://localhost:" + server.port() + "/newskg/data",
                    "http://localhost:" + server.port() + "/?fuseki#/"), server.urls());
            HttpResponse<String> ui = send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "?fuseki")));
            assertEquals(200, ui.statusCode());
            assertTrue(ui.body().contains("<title>Apache Jena Fuseki UI</title>"), ui.body());
            String script = ui.body().replaceAll("(?s).*src=\"\\./(static/[^\"]+\\.js)\".*", "$1");
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.uiUrl() + script))).statusCode(), script);

            HttpResponse<String> description = send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "$/server")));
            assertEquals(200, description.statusCode());
            assertTrue(description.body().contains("\"/newskg\""), description.body());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.uiUrl() + "$/ping"))).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void graphStoreReadServesADocument() throws Exception {
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            HttpResponse<String> doc = send(HttpRequest.newBuilder(URI.create(server.urls().get(3) + "?graph="
                    + java.net.URLEncoder.encode(Fixture.DOC1.getURI(), StandardCharsets.UTF_8))).header("Accept", "text/turtle"));
            assertEquals(200, doc.statusCode());
            assertTrue(doc.body().contains("Lena Vargas"), doc.body());
            assertFalse(doc.body().contains("Tomas Reed"), "only the requested document");
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutPasswordThereIsNoWayToWrite() throws Exception {
        Server server = Server.builder().store(store).port(0).updatePassword(null).build().start();
        long documents = store.documentCount();
        try {
            String base = "http://localhost:" + server.port() + "/newskg";
            String update = "DROP ALL";
            for (String path : List.of("/update", "/sparql", "/query", "/data", "")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update)));
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " answered " + r.statusCode());
                if (path.equals("/update")) {
                    assertTrue(Set.of(403, 404, 405).contains(r.statusCode()), "no update endpoint, answered " + r.statusCode());
                }
            }
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/data?default"))
                    .header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:example:a> <urn:example:b> <urn:example:c> .")));
            assertTrue(Set.of(400, 403, 404, 405).contains(put.statusCode()), "PUT answered " + put.statusCode());
            HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(base + "/data?graph="
                    + java.net.URLEncoder.encode(Fixture.DOC1.getURI(), StandardCharsets.UTF_8))).DELETE());
            assertTrue(Set.of(400, 403, 404, 405).contains(delete.statusCode()), "DELETE answered " + delete.statusCode());
        } finally {
            server.stop();
        }
        assertEquals(documents, store.documentCount());
        assertTrue(store.hasDocument(Fixture.DOC1));
    }

    @Test
    void withPasswordUpdatesNeedTheLogin() throws Exception {
        Server server = Server.builder().store(store).port(0).updateUser("editor").updatePassword("s3cret").build().start();
        String graph = NKG.ID + "scratch-graph";
        try {
            assertEquals("http://localhost:" + server.port() + "/newskg/update", server.urls().get(4));
            String base = "http://localhost:" + server.port() + "/newskg";
            String insert = "INSERT DATA { GRAPH <" + graph + "> { <urn:example:a> <urn:example:b> \"c\" } }";
            HttpRequest.Builder update = HttpRequest.newBuilder(URI.create(base + "/update"))
                    .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(insert));

            assertEquals(401, send(update).statusCode());
            assertEquals(401, send(update.copy().header("Authorization", basic("editor", "wrong"))).statusCode());
            int ok = send(update.copy().header("Authorization", basic("editor", "s3cret"))).statusCode();
            assertTrue(ok == 200 || ok == 204, "update answered " + ok);
            assertTrue(org.apache.jena.system.Txn.calculateRead(store.dataset(),
                    () -> store.dataset().containsGraph(NodeFactory.createURI(graph))));

            // reads stay open, Graph Store writes need the login
            String dataUrl = base + "/data?graph=" + java.net.URLEncoder.encode(graph, StandardCharsets.UTF_8);
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(dataUrl))).statusCode());
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(dataUrl)).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:example:a> <urn:example:b> \"d\" ."));
            assertEquals(401, send(put).statusCode());
            int putOk = send(put.copy().header("Authorization", basic("editor", "s3cret"))).statusCode();
            assertTrue(putOk == 200 || putOk == 201 || putOk == 204, "PUT answered " + putOk);
            // PUT replaced the graph; the union default graph shows the new content over SPARQL
            assertTrue(QueryExecHTTP.service(server.sparqlUrl()).query("ASK { <urn:example:a> <urn:example:b> \"d\" }").ask());
            assertFalse(QueryExecHTTP.service(server.sparqlUrl()).query("ASK { <urn:example:a> <urn:example:b> \"c\" }").ask());
        } finally {
            server.stop();
            org.apache.jena.system.Txn.executeWrite(store.dataset(),
                    () -> store.dataset().removeGraph(NodeFactory.createURI(graph)));
        }
    }

    @Test
    void federatedQueriesAreRefused() throws Exception {
        Server server = Server.builder().store(store).port(0).build().start();
        try {
            String query = "SELECT * { SERVICE <" + server.sparqlUrl() + "> { ?s ?p ?o } } LIMIT 1";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))));
            assertTrue(r.statusCode() >= 400, "SERVICE answered " + r.statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void badPortIsRefusedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Server.builder().port(70000));
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Server.builder().port(-1));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        assertThrows(IllegalStateException.class, () -> Server.builder().build());
    }

    @Test
    void portInUseIsReportedWithItsValue() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Server server = Server.builder().store(store).port(taken.getLocalPort()).build();
            IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
        }
    }
}
