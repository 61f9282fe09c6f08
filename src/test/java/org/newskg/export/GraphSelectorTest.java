package org.newskg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraph;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.Store;
import org.newskg.rdf.NKG;
import org.newskg.store.Fixture;

/** The property graph of the hand-made fixture, in a real TDB2 store, against edges written by hand, and the selection rules on it. */
class GraphSelectorTest {

    @TempDir
    static Path dir;
    static Store store;
    static DatasetGraph FIXTURE;

    @BeforeAll
    static void load() {
        store = Store.open(dir.resolve("db"));
        Fixture.load(store);
        FIXTURE = store.dataset();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Set<String> edges(PropertyGraph g) {
        return g.edges().stream().map(e -> shorten(e.source()) + " " + e.type() + " " + shorten(e.target()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String shorten(String iri) {
        return iri.startsWith(NKG.ID) ? "id:" + iri.substring(NKG.ID.length()) : iri;
    }

    static Set<String> expected(String resource) throws IOException {
        try (InputStream in = GraphSelectorTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void statementsOnlyGivesTheExpectedEdges() throws IOException {
        Set<String> actual = edges(GraphSelector.select(FIXTURE, Selection.all().scope(Selection.Scope.STATEMENTS)));
        Set<String> expected = expected("/export/fixture-statements-only.txt");
        if (!actual.equals(expected)) {
            fail("statements-only edges differ.\n--- expected\n" + String.join("\n", expected) + "\n--- actual\n" + String.join("\n", actual));
        }
    }

    @Test
    void everythingAddsDocumentsEventsAndRoles() {
        PropertyGraph g = GraphSelector.select(FIXTURE, Selection.all());
        Set<String> e = edges(g);
        assertTrue(e.contains("id:s1-1 FROM_DOCUMENT id:doc-harbour-1"), e.toString());
        assertTrue(e.contains("id:e1-1 MEDIUM id:radio-tiber"), e.toString());
        assertTrue(e.contains("id:e2-1 HAS_ACTOR id:lena-vargas"), e.toString());
        assertTrue(e.contains("id:norvik MENTIONED_IN id:doc-harbour-1"), e.toString());
        PropertyGraph.Node lena = g.nodes().stream().filter(n -> n.id().equals(Fixture.LENA)).findFirst().orElseThrow();
        assertEquals(3, lena.attributes().get("statements"));
        assertEquals("Lena Vargas|Vargas", lena.attributes().get("aliases"));
        assertEquals("Q900001", lena.attributes().get("wikidata"));
    }

    @Test
    void speakerAndDateRangeRestrictTheStatements() {
        PropertyGraph tomas = GraphSelector.select(FIXTURE, Selection.all().speaker(Fixture.TOMAS).scope(Selection.Scope.STATEMENTS));
        assertEquals(Set.of("id:tomas-reed SAID id:s2-2", "id:tomas-reed SAID id:s2-3"), edges(tomas));
        PropertyGraph may6 = GraphSelector.select(FIXTURE, Selection.all()
                .between(LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-06")).scope(Selection.Scope.STATEMENTS));
        assertEquals(Set.of("id:lena-vargas SAID id:s1-1", "id:lena-vargas SAID id:s1-2", "id:s1-2 AT id:e1-1"), edges(may6));
        // undated statements (s2-4) are outside every range
        PropertyGraph open = GraphSelector.select(FIXTURE, Selection.all().between(LocalDate.parse("2024-01-01"), null)
                .scope(Selection.Scope.STATEMENTS));
        assertTrue(edges(open).stream().noneMatch(x -> x.contains("s2-4")), edges(open).toString());
        List<String> kinds = GraphSelector.select(FIXTURE, Selection.all().scope(Selection.Scope.STATEMENTS)).nodes().stream()
                .map(PropertyGraph.Node::kind).distinct().sorted().toList();
        assertEquals(List.of("Event", "Group", "Person", "Statement"), kinds);
    }
}
