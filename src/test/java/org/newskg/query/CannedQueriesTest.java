package org.newskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newskg.rdf.NKG;
import org.newskg.store.Fixture;
import org.newskg.store.Store;

class CannedQueriesTest {

    /** Hostile parameter values: each would break out of a query that pasted it into the text. */
    static final List<String> HOSTILE = List.of(
            "Robert \"}; DROP ALL; #",
            "x\" } UNION { ?s ?p ?o } #\n>\n<http://evil.example/> }} ' \\\" {{",
            "http://evil.example/> } ; DROP ALL ; <x");

    static final String WHO_SAID_WHAT = "source,document,speaker,speaker_label,speaker_type,speaker_begin,speaker_end,"
            + "cue,cue_begin,cue_end,statement,begin,end,direct,venue,venue_label,place_label,date";
    static final String MENTIONS = "source,document,entity,entity_label,type,surface,begin,end";
    static final String ENTITIES = "entity,label,type,aliases,documents,mentions,wikidata";

    @TempDir
    static Path dir;
    static Store store;
    static final CannedQueries QUERIES = CannedQueries.fromClasspath();

    /** A real SPARQL endpoint on loopback in Wikidata's shape, for the federated query. */
    static org.apache.jena.fuseki.main.FusekiServer wikidata;
    static String wikidataEndpoint;

    @BeforeAll
    static void load() {
        store = Store.open(dir.resolve("db"));
        Fixture.load(store);
        org.apache.jena.sparql.core.DatasetGraph kb = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFDataMgr.read(kb, CannedQueriesTest.class.getResource("/query/wikidata-positions.ttl").toString());
        wikidata = org.apache.jena.fuseki.main.FusekiServer.create().loopback(true).port(0).add("/wikidata", kb).build().start();
        wikidataEndpoint = "http://localhost:" + wikidata.getPort() + "/wikidata/sparql";
    }

    @AfterAll
    static void close() {
        store.close();
        wikidata.stop();
    }

    /** The required parameters of a query set to the fixture's speaker, and a federated query pointed at loopback. */
    static Map<String, String> fixtureParams(CannedQuery q) {
        Map<String, String> params = new HashMap<>();
        q.parameters().stream().filter(p -> !p.optional()).forEach(p -> params.put(p.name(), Fixture.LENA));
        q.parameters().stream().filter(p -> p.name().equals("endpoint")).forEach(p -> params.put("endpoint", wikidataEndpoint));
        return params;
    }

    static List<Map<String, String>> rows(String name, Map<String, String> params) {
        return Rows.of(QUERIES.select(name, params, store.dataset()));
    }

    static String csv(String name, Map<String, String> params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QUERIES.run(name, params, store.dataset(), ResultFormat.CSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void indexListsExactlyTheQueryFiles() throws IOException {
        Path queries = Path.of(System.getProperty("newskg.projectDir", "."), "queries");
        Set<String> files;
        try (Stream<Path> list = Files.list(queries)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(QUERIES.names()));
        assertTrue(files.containsAll(List.of("who-said-what", "statements-by", "statements-about", "where-said", "roles",
                "role-conflicts", "events", "entities", "mentions", "provenance")), files.toString());
    }

    @Test
    void everyQueryHasADescriptionAndDeclaresItsParameters() {
        for (CannedQuery q : QUERIES.all()) {
            assertFalse(q.description().isBlank(), q.name());
            assertFalse(q.description().startsWith("@param"), q.name());
            Set<String> paramVars = q.query().toString().lines()
                    .flatMap(l -> java.util.regex.Pattern.compile("\\?(\\w+)Param\\b").matcher(l).results().map(m -> m.group(1)))
                    .collect(Collectors.toSet());
            assertEquals(paramVars, q.parameters().stream().map(CannedQuery.Parameter::name).collect(Collectors.toSet()), q.name());
        }
        CannedQuery by = QUERIES.get("statements-by");
        assertEquals(List.of(new CannedQuery.Parameter("speaker", "a name (or part of one) or the entity's IRI", false)), by.parameters());
        assertTrue(QUERIES.get("where-said").parameters().get(0).optional());
    }

    @Test
    void csvHeadersFollowTheContract() {
        assertTrue(csv("who-said-what", Map.of()).startsWith(WHO_SAID_WHAT + ","), "who-said-what header");
        assertTrue(csv("mentions", Map.of()).startsWith(MENTIONS + ","), "mentions header");
        assertEquals(ENTITIES, csv("entities", Map.of()).lines().findFirst().orElseThrow());
    }

    @Test
    void whoSaidWhat() {
        List<Map<String, String>> rows = rows("who-said-what", Map.of());
        assertEquals(7, rows.size());
        // ordered by source, then begin
        assertEquals(List.of("https://example.org/news/harbour-2", "https://example.org/news/harbour-2",
                "https://example.org/news/harbour-2", "https://example.org/news/harbour-2",
                "news/harbour-1.txt", "news/harbour-1.txt", "news/harbour-1.txt"), Rows.column(rows, "source"));
        Map<String, String> quote = rows.stream().filter(r -> r.get("statement").equals("We are ready,")).findFirst().orElseThrow();
        Map<String, String> expected = new HashMap<>();
        expected.put("source", "news/harbour-1.txt");
        expected.put("document", Fixture.DOC1.getURI());
        expected.put("speaker", Fixture.LENA);
        expected.put("speaker_label", "Lena Vargas");
        expected.put("speaker_type", "Person");
        expected.put("speaker_begin", "101");
        expected.put("speaker_end", "107");
        expected.put("cue", "tell");
        expected.put("cue_begin", "108");
        expected.put("cue_end", "112");
        expected.put("begin", "86");
        expected.put("end", "99");
        expected.put("direct", "true");
        expected.put("venue", NKG.ID + "e1-1");
        expected.put("venue_label", "interview with Radio Tiber");
        expected.put("place_label", "Norvik");
        expected.put("date", "2024-05-06");
        expected.put("kind", "DirectQuote");
        expected.forEach((k, v) -> assertEquals(v, quote.get(k), k));

        Map<String, String> accordingTo = rows.stream().filter(r -> r.get("cue").equals("according to")).findFirst().orElseThrow();
        assertEquals("Group", accordingTo.get("speaker_type"));
        assertEquals("false", accordingTo.get("direct"));
        Map<String, String> belief = rows.stream().filter(r -> r.get("cue").equals("believe")).findFirst().orElseThrow();
        assertEquals("", belief.get("date"));
        assertEquals("", belief.get("venue"));
        Map<String, String> pronoun = rows.stream().filter(r -> r.get("cue").equals("add")).findFirst().orElseThrow();
        assertEquals(Fixture.TOMAS, pronoun.get("speaker"));
        assertEquals(List.of("168", "170"), List.of(pronoun.get("speaker_begin"), pronoun.get("speaker_end")));
    }

    @Test
    void csvPrintsPlainValues() {
        String line = csv("who-said-what", Map.of()).lines().filter(l -> l.contains("We are ready")).findFirst().orElseThrow();
        assertTrue(line.startsWith("news/harbour-1.txt," + Fixture.DOC1.getURI() + "," + Fixture.LENA + ",Lena Vargas,Person,101,107,tell,108,112,"
                + "\"We are ready,\",86,99,true," + NKG.ID + "e1-1,interview with Radio Tiber,Norvik,2024-05-06,"), line);
    }

    @Test
    void statementsByNameOrIri() {
        List<Map<String, String>> byName = rows("statements-by", Map.of("speaker", "vargas"));
        assertEquals(List.of("talks with Tomas Reed continue", "the harbour deal would be signed soon", "We are ready,"),
                Rows.column(byName, "statement"));
        assertEquals(byName, rows("statements-by", Map.of("speaker", Fixture.LENA)));
        assertEquals(List.of("he doubts the Vargas plan", "members would strike"),
                Rows.column(rows("statements-by", Map.of("speaker", "Tomas")), "statement"));
        assertEquals(List.of("Officials expect delays"), Rows.column(rows("statements-by", Map.of("speaker", "a source")), "statement"));
    }

    @Test
    void statementsAboutByMentionInsideOrNameInText() {
        // a mention of Tomas Reed lies inside the content span
        assertEquals(List.of("talks with Tomas Reed continue"),
                Rows.column(rows("statements-about", Map.of("entity", "Tomas Reed")), "statement"));
        // no mention, but the content names her
        assertEquals(List.of("he doubts the Vargas plan"),
                Rows.column(rows("statements-about", Map.of("entity", Fixture.LENA)), "statement"));
        // both at once: still one row
        assertEquals(List.of("Officials expect delays"),
                Rows.column(rows("statements-about", Map.of("entity", "officials")), "statement"));
    }

    @Test
    void whereSaid() {
        List<Map<String, String>> rows = rows("where-said", Map.of());
        assertEquals(6, rows.size());
        List<Map<String, String>> lena = rows.stream().filter(r -> r.get("speaker").equals(Fixture.LENA)).toList();
        assertEquals(3, lena.size());
        Map<String, String> interview = lena.stream().filter(r -> r.get("venue_type").equals("Interview")).findFirst().orElseThrow();
        assertEquals("Radio Tiber", interview.get("medium_label"));
        assertEquals("Norvik", interview.get("place_label"));
        assertEquals("1", interview.get("statements"));
        List<Map<String, String>> tomas = rows("where-said", Map.of("speaker", "tomas"));
        assertEquals(1, tomas.size());
        assertEquals("2", tomas.get(0).get("statements"));
        assertEquals("Tomas Reed", tomas.get(0).get("speaker_label"));
    }

    @Test
    void rolesAndConflicts() {
        List<Map<String, String>> roles = rows("roles", Map.of());
        assertEquals(List.of("Deputy Port Minister", "Port Minister", "union leader"), Rows.column(roles, "title"));
        assertEquals(List.of("union leader"), Rows.column(rows("roles", Map.of("person", Fixture.TOMAS)), "title"));
        List<Map<String, String>> conflicts = rows("role-conflicts", Map.of());
        assertEquals(List.of("Port Minister", "Deputy Port Minister"), Rows.column(conflicts, "title"));
        assertEquals(List.of("news/harbour-1.txt", "https://example.org/news/harbour-2"), Rows.column(conflicts, "source"));
        assertEquals(List.of("2", "2"), Rows.column(conflicts, "titles"));
    }

    @Test
    void twoTitlesFromOneDocumentAreNoConflict() {
        org.apache.jena.sparql.core.DatasetGraph memory = Fixture.dataset();
        org.apache.jena.riot.RDFParser.fromString("""
                PREFIX id: <https://w3id.org/newskg/id/>
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX schema: <https://schema.org/>
                id:doc-3 {
                  id:doc-3 a schema:NewsArticle .
                  id:ada-stone a schema:Person ; rdfs:label "Ada Stone" .
                  id:r3-1 a org:Membership ; org:member id:ada-stone ; org:role id:role-mayor .
                  id:role-mayor rdfs:label "Mayor" .
                  id:r3-2 a org:Membership ; org:member id:ada-stone ; org:role id:role-chair .
                  id:role-chair rdfs:label "Chair of the Port Board" .
                  id:r3-3 a org:Membership ; org:member id:tomas-reed ; org:role id:role-union-leader2 .
                  id:role-union-leader2 rdfs:label "Union Leader" .
                }
                """, org.apache.jena.riot.Lang.TRIG).parse(memory);
        List<Map<String, String>> conflicts = Rows.of(QUERIES.select("role-conflicts", Map.of(), memory));
        // Ada's two titles come from one document; Tomas's differ only in case
        assertEquals(Set.of(Fixture.LENA), Set.copyOf(Rows.column(conflicts, "person")));
        assertEquals(2, Rows.of(QUERIES.select("roles", Map.of("person", "Ada"), memory)).size());
    }

    @Test
    void events() {
        List<Map<String, String>> events = rows("events", Map.of());
        assertEquals(List.of("Briefing", "Interview"), Rows.column(events, "event_type"));
        assertEquals(List.of("Lena Vargas", "Lena Vargas"), Rows.column(events, "actors"));
        assertEquals(List.of("", "Radio Tiber"), Rows.column(events, "medium_label"));
        assertEquals(2, rows("events", Map.of("actor", "lena")).size());
        assertEquals(0, rows("events", Map.of("actor", "Tomas")).size());
    }

    @Test
    void entities() {
        List<Map<String, String>> rows = rows("entities", Map.of());
        assertEquals(9, rows.size());
        Map<String, String> lena = rows.stream().filter(r -> r.get("entity").equals(Fixture.LENA)).findFirst().orElseThrow();
        assertEquals(Map.of("entity", Fixture.LENA, "label", "Lena Vargas", "type", "Person", "aliases", "Lena Vargas|Vargas",
                "documents", "2", "mentions", "3", "wikidata", "Q900001"), lena);
        Map<String, String> publisher = rows.stream().filter(r -> r.get("label").equals("Tiber Daily")).findFirst().orElseThrow();
        assertEquals(List.of("Organization", "0", "0", ""),
                List.of(publisher.get("type"), publisher.get("documents"), publisher.get("mentions"), publisher.get("wikidata")));
        assertEquals("Group", rows.stream().filter(r -> r.get("label").equals("experts")).findFirst().orElseThrow().get("type"));
    }

    @Test
    void mentions() {
        List<Map<String, String>> names = rows("mentions", Map.of());
        assertEquals(8, names.size());
        assertTrue(Set.of("Name", "Acronym").containsAll(Rows.column(names, "kind")), names::toString);
        List<Map<String, String>> rows = rows("mentions", Map.of("kinds", "all"));
        assertEquals(12, rows.size());
        Map<String, String> he = rows.stream().filter(r -> r.get("surface").equals("He")).findFirst().orElseThrow();
        assertEquals(List.of(Fixture.TOMAS, "Tomas Reed", "Person", "168", "170", "Pronoun"),
                List.of(he.get("entity"), he.get("entity_label"), he.get("type"), he.get("begin"), he.get("end"), he.get("kind")));
        assertEquals(Set.of("Person", "Organization", "Place", "Group"), Set.copyOf(Rows.column(rows, "type")));
    }

    @Test
    void provenanceOfAnEntityAndOfAStatement() {
        List<Map<String, String>> lena = rows("provenance", Map.of("iri", Fixture.LENA));
        assertEquals(8, lena.size());
        assertEquals(Map.of("mention", 3L, "role claim", 2L, "statement by", 3L),
                lena.stream().collect(Collectors.groupingBy(r -> r.get("relation"), Collectors.counting())));
        List<Map<String, String>> quote = rows("provenance", Map.of("iri", NKG.ID + "s1-2"));
        assertEquals(1, quote.size());
        Map<String, String> row = quote.get(0);
        assertEquals(List.of("itself", "news/harbour-1.txt", "86", "99", "We are ready,", "NewsKG 0.1.0", "0.1.0", "0.95e0"),
                List.of(row.get("relation"), row.get("source"), row.get("begin"), row.get("end"), row.get("anchor"),
                        row.get("extractor"), row.get("extractor_version"), row.get("confidence")));
    }

    @Test
    void unknownOrMissingParametersAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> rows("statements-by", Map.of("speaker", "x", "colour", "blue")));
        assertTrue(unknown.getMessage().contains("colour"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> rows("statements-by", Map.of()));
        assertTrue(missing.getMessage().contains("speaker"), missing.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> rows("provenance", Map.of("iri", " ")));
        assertTrue(blank.getMessage().contains("iri"), blank.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> rows("entities", Map.of("x", "y")));
        assertTrue(none.getMessage().contains("'x'"), none.getMessage());
        IllegalArgumentException query = assertThrows(IllegalArgumentException.class, () -> rows("who-said", Map.of()));
        assertTrue(query.getMessage().contains("who-said"), query.getMessage());
    }

    @Test
    void valuesBecomeIrisOnlyWhenTheyAreAbsoluteIris() {
        assertTrue(CannedQuery.term("https://w3id.org/newskg/id/x").isURI());
        assertTrue(CannedQuery.term("urn:example:item-42").isURI());
        assertTrue(CannedQuery.term("https://w3id.org/newskg/id/doc/3f2a9c0d1e2b4a5c#statement-3").isURI(),
                "a statement IRI has a fragment; it is still an IRI, not text");
        assertTrue(CannedQuery.term("Robert").isLiteral());
        assertTrue(CannedQuery.term("http://evil.example/> } DROP ALL").isLiteral());
        assertTrue(CannedQuery.term("relative/path").isLiteral());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void hostileParametersChangeNothingAndMatchNothing(int which) {
        String hostile = HOSTILE.get(which);
        long quads = Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().find()));
        for (CannedQuery q : QUERIES.all()) {
            if (q.parameters().isEmpty()) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            q.parameters().forEach(p -> params.put(p.name(), hostile));
            List<Map<String, String>> hostileRows = rows(q.name(), params);
            if (q.parameters().stream().allMatch(CannedQuery.Parameter::optional) && !hostileRows.isEmpty()) {
                // a hostile value for an optional switch may only leave the default in place
                assertEquals(rows(q.name(), Map.of()), hostileRows, q.name());
            } else {
                assertEquals(0, hostileRows.size(), q.name());
            }

            // the bound query is the canned one with a constant in place of the variable, nothing more
            Map<Var, Node> bound = new HashMap<>();
            q.parameters().forEach(p -> bound.put(p.variable(), CannedQuery.term(hostile)));
            Query substituted = QueryTransformOps.replaceVars(q.query(), bound);
            Query back = QueryTransformOps.transform(substituted,
                    n -> n.equals(CannedQuery.term(hostile)) ? q.parameters().get(0).variable() : n);
            assertEquals(q.query().getQueryPattern(), back.getQueryPattern(), q.name());
        }
        assertEquals(quads, Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().find())));
        assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(Quad.create(Fixture.DOC1,
                Fixture.DOC1, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI("https://schema.org/NewsArticle")))));
    }

    @Test
    void inMemoryDatasetsGiveTheSameAnswers() {
        org.apache.jena.sparql.core.DatasetGraph memory = Fixture.dataset();
        for (CannedQuery q : QUERIES.all()) {
            Map<String, String> params = fixtureParams(q);
            List<Map<String, String>> expected = rows(q.name(), params);
            assertEquals(expected, Rows.of(QUERIES.select(q.name(), params, memory)), q.name());
            assertFalse(expected.isEmpty(), q.name());
        }
    }

    @Test
    void speakerPositionsJoinsLinkedSpeakersToTheEndpointsPositions() {
        List<Map<String, String>> rows = rows("speaker-positions", Map.of("endpoint", wikidataEndpoint));
        assertEquals(1, rows.size(), rows.toString());
        Map<String, String> lena = rows.get(0);
        assertEquals(Fixture.LENA, lena.get("speaker"));
        assertEquals("Q900001", lena.get("wikidata"));
        assertEquals("http://www.wikidata.org/entity/Q900100", lena.get("position"));
        assertEquals("harbour commissioner", lena.get("position_label"));
        assertTrue(lena.get("start").startsWith("2021-03-01"), lena.get("start"));
        String statements = Rows.of(QUERIES.select("statements-by", Map.of("speaker", Fixture.LENA), store.dataset())).size() + "";
        assertEquals(statements, lena.get("statements"));
    }

    @Test
    void speakerPositionsAsksNoEndpointThatIsNotAnIri() {
        for (String hostile : HOSTILE) {
            assertEquals(List.of(), rows("speaker-positions", Map.of("endpoint", hostile)), hostile);
        }
    }

    @Test
    void unknownValuesAreEmptyCells() {
        String publisher = csv("entities", Map.of()).lines().filter(l -> l.contains("Tiber Daily")).findFirst().orElseThrow();
        assertEquals(NKG.ID + "tiber-daily,Tiber Daily,Organization,Tiber Daily,0,0,", publisher);
    }

    @Test
    void everyFormatWrites() {
        for (ResultFormat f : ResultFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            QUERIES.run("entities", Map.of(), store.dataset(), f, out);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Lena Vargas"), f.label());
        }
        assertEquals(ResultFormat.TSV, ResultFormat.of("TSV"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultFormat.of("xml"));
        assertTrue(e.getMessage().contains("xml"));
    }
}
