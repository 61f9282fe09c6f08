package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.document.DocumentReader;
import org.newskg.extract.Extractor;
import org.newskg.query.CannedQueries;
import org.newskg.query.Rows;
import org.newskg.rdf.ExtractionRun.DocumentGraph;
import org.newskg.rdf.ExtractionRun;
import org.newskg.rdf.Iris;
import org.newskg.rdf.NKG;
import org.newskg.rdf.PROV;
import org.newskg.rdf.SCHEMA;

/**
 * Cross-document identity of a person named only by surname, on a real TDB2 store in a temp folder, with
 * documents run through the real extractor. One test per merge rule and per must-not-merge rule; where the
 * rule claims the result does not depend on the loading order, the two stores are compared by isomorphism.
 */
class SurnameResolutionTest {

    private static final String FULL = "Transport Minister Ilse Marwick said on Monday that the new bridge over the "
            + "river would open in June.\n";
    private static final String SURNAME = "Minister Marwick told reporters that the bridge would cost less than planned.\n";
    private static final String OTHER_FULL = "Ilse Marwick, who chairs the regional council, said the ferry would keep running.\n";
    private static final String ANNA = "Anna Tolver, a lawyer for the port workers, said the strike would go on.\n";
    private static final String PETER = "Deputy Mayor Peter Tolver said the port would stay open.\n";
    private static final String TOLVER = "Mr Tolver told a local radio station that talks would resume on Friday.\n";
    private static final String UNRELATED = "The council said on Tuesday that the new library would open in spring.\n";

    private static final CannedQueries QUERIES = CannedQueries.fromClasspath();
    private static final String PERSON = NKG.ID + "person/";

    @TempDir
    Path dir;

    /** Extracts {@code text} with the real pipeline and loads it; returns the document's graph name. */
    private Node load(Store store, String text) throws IOException {
        // named after the text, so that a document has the same source whatever the loading order
        Path file = dir.resolve("article-" + Integer.toHexString(text.hashCode()) + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<Node> graphs = new ArrayList<>();
        new ExtractionRun(new Extractor(), 1).run(new DocumentReader(), List.of(file.toString()), (DocumentGraph g) -> {
            store.replaceDocument(g.name(), g.quads());
            graphs.add(g.name());
        }, problem -> fail("unexpected input problem " + problem));
        assertEquals(1, graphs.size());
        return graphs.get(0);
    }

    private Store store(String name) {
        return Store.open(dir.resolve(name));
    }

    private static List<Map<String, String>> persons(Store store) {
        return Rows.of(QUERIES.select("entities", Map.of(), store.dataset())).stream()
                .filter(r -> "Person".equals(r.get("type"))).toList();
    }

    private static Map<String, String> person(Store store, String entity) {
        return persons(store).stream().filter(r -> r.get("entity").equals(PERSON + entity)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + entity + " in " + persons(store)));
    }

    private static List<String> personIris(Store store) {
        return persons(store).stream().map(r -> r.get("entity").substring(PERSON.length())).sorted().toList();
    }

    private static DatasetGraph copy(Store store) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        Txn.executeRead(store.dataset(), () -> store.dataset().find().forEachRemaining(out::add));
        return out;
    }

    private static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual) {
        if (!IsoMatcher.isomorphic(expected, actual)) {
            fail("the stores differ\n=== expected\n" + trig(expected) + "\n=== actual\n" + trig(actual));
        }
    }

    private static String trig(DatasetGraph dsg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dsg, RDFFormat.TRIG_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean merged(Store store, Node document, String surname, String into) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().contains(document, Iris.merge(document, surname),
                NKG.mergedInto.asNode(), NodeFactory.createURI(PERSON + into)));
    }

    // ------------------------------------------------------------------ merge rules

    @Test
    void aSurnameAloneJoinsTheOnlyFullNameLoadedBefore() throws IOException {
        try (Store store = store("db")) {
            Node full = load(store, FULL);
            Node surname = load(store, SURNAME);
            assertEquals(List.of("ilse-marwick"), personIris(store));
            Map<String, String> marwick = person(store, "ilse-marwick");
            assertEquals("Ilse Marwick", marwick.get("label"));
            assertEquals("Ilse Marwick|Marwick", marwick.get("aliases"));
            assertEquals("2", marwick.get("documents"));
            assertTrue(merged(store, surname, "marwick", "ilse-marwick"));
            List<Map<String, String>> provenance = Rows.of(QUERIES.select("provenance",
                    Map.of("iri", PERSON + "ilse-marwick"), store.dataset())).stream()
                    .filter(r -> "identity merge".equals(r.get("relation"))).toList();
            assertEquals(1, provenance.size(), "the provenance query shows the merge");
            assertEquals(SurnameResolution.RULE, provenance.get(0).get("anchor"));
            assertEquals(surname.getURI(), provenance.get(0).get("document"));
            assertEquals(SurnameResolution.CONFIDENCE, Double.parseDouble(provenance.get(0).get("confidence")));
            Txn.executeRead(store.dataset(), () -> {
                DatasetGraph d = store.dataset();
                Node merge = Iris.merge(surname, "marwick");
                assertTrue(d.contains(surname, merge, RDF.type.asNode(), NKG.IdentityMerge.asNode()));
                assertTrue(d.contains(surname, merge, NKG.mergedEntity.asNode(), NodeFactory.createURI(PERSON + "marwick")));
                assertTrue(d.contains(surname, merge, PROV.wasDerivedFrom.asNode(), full), "the evidence is the full name's document");
                assertTrue(d.find(surname, merge, NKG.confidence.asNode(), Node.ANY).hasNext());
                assertFalse(d.find(Node.ANY, NodeFactory.createURI(PERSON + "marwick"), Node.ANY, Node.ANY).hasNext(),
                        "no triple is left on the surname-only node");
            });
        }
    }

    @Test
    void aFullNameLoadedLaterTakesInTheSurnameAloneAndTheOrderDoesNotMatter() throws IOException {
        DatasetGraph fullFirst;
        try (Store store = store("full-first")) {
            load(store, FULL);
            load(store, SURNAME);
            fullFirst = copy(store);
        }
        try (Store store = store("surname-first")) {
            Node surname = load(store, SURNAME);
            assertEquals(List.of("marwick"), personIris(store), "alone, the surname is its own node");
            load(store, FULL);
            assertEquals(List.of("ilse-marwick"), personIris(store));
            assertTrue(merged(store, surname, "marwick", "ilse-marwick"));
            assertEquals("Ilse Marwick", person(store, "ilse-marwick").get("label"));
            assertIsomorphic(fullFirst, copy(store));
        }
    }

    @Test
    void twoDocumentsWithTheSameFullNameAreBothEvidence() throws IOException {
        try (Store store = store("db")) {
            Node a = load(store, FULL);
            Node b = load(store, OTHER_FULL);
            Node surname = load(store, SURNAME);
            assertEquals(List.of("ilse-marwick"), personIris(store));
            assertEquals("3", person(store, "ilse-marwick").get("documents"));
            Txn.executeRead(store.dataset(), () -> {
                Node merge = Iris.merge(surname, "marwick");
                assertTrue(store.dataset().contains(surname, merge, PROV.wasDerivedFrom.asNode(), a));
                assertTrue(store.dataset().contains(surname, merge, PROV.wasDerivedFrom.asNode(), b));
            });
        }
    }

    // ------------------------------------------------------------------ must-not-merge rules

    @Test
    void twoFullNamesWithTheSurnameKeepTheSurnameAloneApart() throws IOException {
        try (Store store = store("db")) {
            load(store, ANNA);
            load(store, PETER);
            Node surname = load(store, TOLVER);
            assertEquals(List.of("anna-tolver", "peter-tolver", "tolver"), personIris(store));
            assertEquals("1", person(store, "tolver").get("documents"));
            assertFalse(Txn.calculateRead(store.dataset(), () -> store.dataset().find(surname, Node.ANY,
                    RDF.type.asNode(), NKG.IdentityMerge.asNode()).hasNext()), "no merge is recorded");
        }
    }

    @Test
    void aSecondFullNameWithTheSurnameUndoesTheEarlierMerge() throws IOException {
        DatasetGraph expected;
        try (Store store = store("both-first")) {
            load(store, ANNA);
            load(store, PETER);
            load(store, TOLVER);
            expected = copy(store);
        }
        try (Store store = store("one-first")) {
            load(store, ANNA);
            Node surname = load(store, TOLVER);
            assertEquals(List.of("anna-tolver"), personIris(store), "one Tolver known: merged");
            assertTrue(merged(store, surname, "tolver", "anna-tolver"));
            load(store, PETER);
            assertEquals(List.of("anna-tolver", "peter-tolver", "tolver"), personIris(store), "two Tolvers: apart again");
            assertEquals("Anna Tolver", person(store, "anna-tolver").get("aliases"));
            assertIsomorphic(expected, copy(store));
        }
    }

    @Test
    void replacingTheOnlyDocumentWithTheFullNameUndoesTheMerge() throws IOException {
        DatasetGraph expected;
        try (Store store = store("alone")) {
            load(store, SURNAME);
            expected = copy(store);
        }
        try (Store store = store("db")) {
            Node full = load(store, FULL);
            Node surname = load(store, SURNAME);
            assertTrue(merged(store, surname, "marwick", "ilse-marwick"));
            store.replaceDocument(full, List.of());   // the document now holds nothing
            assertEquals(List.of("marwick"), personIris(store));
            assertFalse(merged(store, surname, "marwick", "ilse-marwick"));
            assertIsomorphic(expected, copy(store));
        }
    }

    @Test
    void aFullNameInAnotherDocumentWithoutTheSurnameChangesNothing() throws IOException {
        try (Store store = store("db")) {
            load(store, UNRELATED);
            load(store, ANNA);
            assertEquals(List.of("anna-tolver"), personIris(store));
            assertEquals("1", person(store, "anna-tolver").get("documents"));
        }
    }

    // ------------------------------------------------------------------ atomicity

    @Test
    void anAbortedBatchLeavesNeitherTheDocumentNorItsMerges() throws IOException {
        Path texts = dir.resolve("texts");
        Files.createDirectories(texts);
        try (Store store = store("db")) {
            load(store, SURNAME);
            DatasetGraph before = copy(store);
            Files.writeString(texts.resolve("full.txt"), FULL, StandardCharsets.UTF_8);
            List<DocumentGraph> extracted = new ArrayList<>();
            new ExtractionRun(new Extractor(), 1).run(new DocumentReader(), List.of(texts.resolve("full.txt").toString()),
                    extracted::add, problem -> fail("unexpected input problem " + problem));
            try (Store.Batch batch = store.batch()) {
                batch.replaceDocument(extracted.get(0).name(), extracted.get(0).quads());
                // inside the batch the surname-only document already points at the full name ...
                assertTrue(store.dataset().find(Node.ANY, Node.ANY, NKG.mergedInto.asNode(),
                        NodeFactory.createURI(PERSON + "ilse-marwick")).hasNext());
            }   // ... and closing without commit aborts all of it
            assertIsomorphic(before, copy(store));
            assertEquals(List.of("marwick"), personIris(store));
        }
    }

    @Test
    void theStoreIndexesTheSurnameOfEveryPerson() throws IOException {
        try (Store store = store("db")) {
            Node g = load(store, ANNA);
            assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(g,
                    NodeFactory.createURI(PERSON + "anna-tolver"), NKG.surnameKey.asNode(), NodeFactory.createLiteralString("tolver"))));
            assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(g,
                    NodeFactory.createURI(PERSON + "anna-tolver"), RDF.type.asNode(), SCHEMA.Person.asNode())));
        }
    }

    // ------------------------------------------------------------------ bulk load

    /** The graphs of {@code texts}, extracted with the real pipeline, each from a file named after its text. */
    private List<DocumentGraph> extract(String... texts) throws IOException {
        List<DocumentGraph> out = new ArrayList<>();
        for (String text : texts) {
            Path file = dir.resolve("article-" + Integer.toHexString(text.hashCode()) + ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            new ExtractionRun(new Extractor(), 1).run(new DocumentReader(), List.of(file.toString()), out::add,
                    problem -> fail("unexpected input problem " + problem));
        }
        return out;
    }

    /**
     * A bulk load resolves surnames once, at its end, for every document: the store must be the one that loading the
     * documents one at a time gives. Two sets: one where both surnames merge, one where the second Tolver undoes a
     * merge and a second document with Ilse Marwick adds evidence; the first document comes again at the end of the
     * load, which must replace it rather than add to it.
     */
    @Test
    void aBulkLoadGivesTheStoreThatLoadingOneDocumentAtATimeGives() throws IOException {
        String[][] sets = {
            {FULL, SURNAME, ANNA, TOLVER, UNRELATED, FULL},
            {SURNAME, TOLVER, FULL, ANNA, OTHER_FULL, PETER, UNRELATED, SURNAME},
        };
        for (int i = 0; i < sets.length; i++) {
            List<DocumentGraph> graphs = extract(sets[i]);
            DatasetGraph expected;
            try (Store store = store("one-by-one-" + i)) {
                graphs.forEach(g -> store.replaceDocument(g.name(), new ArrayList<>(g.quads())));
                expected = copy(store);
            }
            try (Store store = store("bulk-" + i)) {
                List<List<Node>> reported = new ArrayList<>();
                try (Loader loader = Loader.forStore(store, reported::add)) {
                    assertTrue(loader.isBulk(), "an empty store is bulk loaded");
                    graphs.forEach(g -> loader.load(g.name(), new ArrayList<>(g.quads())));
                    assertEquals(List.of(), reported, "nothing is reported before the one commit");
                }
                assertEquals(1, reported.size(), "one commit");
                assertEquals(graphs.stream().map(DocumentGraph::name).toList(), reported.get(0), "every document, in load order");
                assertIsomorphic(expected, copy(store));
                long merges = Txn.calculateRead(store.dataset(), () -> store.dataset().stream(Node.ANY, Node.ANY,
                        RDF.type.asNode(), NKG.IdentityMerge.asNode()).count());
                assertEquals(i == 0 ? 2 : 1, merges, "set " + i + ": the merges the rules call for");
                try (Loader next = Loader.forStore(store, names -> { })) {
                    assertFalse(next.isBulk(), "a store holding documents is loaded one document at a time");
                }
            }
        }
    }
}
