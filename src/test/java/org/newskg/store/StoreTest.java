package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.rdf.NKG;

class StoreTest {

    @TempDir
    Path dir;

    private static long quadCount(Store store) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
    }

    private static Set<Quad> quadsOf(Store store, Node graph) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> Iter.toSet(dsg.find(graph, Node.ANY, Node.ANY, Node.ANY)));
    }

    @Test
    void loadsDocumentsAndCountsThem() {
        try (Store store = Store.open(dir.resolve("db"))) {
            assertEquals(0, store.documentCount());
            assertFalse(store.hasDocument(Fixture.DOC1));
            Fixture.load(store);
            assertEquals(2, store.documentCount());
            assertTrue(store.hasDocument(Fixture.DOC1));
            assertTrue(store.hasDocument(Fixture.DOC2));
            assertEquals(Set.copyOf(Fixture.quads(Fixture.DOC1)), quadsOf(store, Fixture.DOC1));
        }
    }

    @Test
    void storeSurvivesReopening() {
        Path db = dir.resolve("db");
        try (Store store = Store.open(db)) {
            Fixture.load(store);
        }
        try (Store store = Store.open(db)) {
            assertEquals(2, store.documentCount());
        }
    }

    @Test
    void replacingTheSameDocumentTwiceLeavesNoDuplicatesAndDropsOldQuads() {
        try (Store store = Store.open(dir.resolve("db"))) {
            Fixture.load(store);
            long before = quadCount(store);
            store.replaceDocument(Fixture.DOC1, Fixture.quads(Fixture.DOC1));
            assertEquals(before, quadCount(store));

            // a new version of the document without its statements: the old statements must go
            List<Quad> smaller = Fixture.quads(Fixture.DOC1).stream()
                    .filter(q -> !q.getSubject().getURI().contains("/s1-")).toList();
            store.replaceDocument(Fixture.DOC1, smaller);
            assertEquals(Set.copyOf(smaller), quadsOf(store, Fixture.DOC1));
            assertEquals(Set.copyOf(Fixture.quads(Fixture.DOC2)), quadsOf(store, Fixture.DOC2));
        }
    }

    /** Quads that fail after {@code failAfter} have been produced, as an extractor crashing mid-document would. */
    private static Iterable<Quad> failingAfter(List<Quad> quads, int failAfter) {
        return () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Quad next() {
                if (i == failAfter) {
                    throw new IllegalStateException("extractor failed at quad " + i);
                }
                return quads.get(i++);
            }
        };
    }

    @Test
    void failingDocumentLeavesTheStoreAsBefore() {
        try (Store store = Store.open(dir.resolve("db"))) {
            Fixture.load(store);
            Set<Quad> before = Txn.calculateRead(store.dataset(), () -> Iter.toSet(store.dataset().find()));
            List<Quad> doc1 = Fixture.quads(Fixture.DOC1);

            StoreException e = assertThrows(StoreException.class,
                    () -> store.replaceDocument(Fixture.DOC1, failingAfter(doc1, doc1.size() / 2)));
            assertTrue(e.getMessage().contains(Fixture.DOC1.getURI()), e.getMessage());
            assertTrue(e.getMessage().contains("extractor failed"), e.getMessage());
            assertEquals(before, Txn.calculateRead(store.dataset(), () -> Iter.toSet(store.dataset().find())));

            // a new document that fails leaves nothing at all
            Node doc3 = NodeFactory.createURI(NKG.ID + "doc-3");
            List<Quad> doc3Quads = doc1.stream().map(q -> Quad.create(doc3, q.asTriple())).toList();
            assertThrows(StoreException.class, () -> store.replaceDocument(doc3, failingAfter(doc3Quads, 5)));
            assertFalse(store.hasDocument(doc3));
            assertTrue(quadsOf(store, doc3).isEmpty());
            assertEquals(2, store.documentCount());
        }
    }

    @Test
    void quadOutsideTheDocumentGraphIsRefused() {
        try (Store store = Store.open(dir.resolve("db"))) {
            List<Quad> mixed = new ArrayList<>(Fixture.quads(Fixture.DOC1));
            mixed.add(Fixture.quads(Fixture.DOC2).get(0));
            StoreException e = assertThrows(StoreException.class, () -> store.replaceDocument(Fixture.DOC1, mixed));
            assertTrue(e.getMessage().contains("outside the document's graph"), e.getMessage());
            assertEquals(0, quadCount(store));
        }
    }

    @Test
    void batchSkipsAFailingDocumentAndKeepsTheOthers() {
        try (Store store = Store.open(dir.resolve("db"))) {
            List<Quad> doc1 = Fixture.quads(Fixture.DOC1);
            try (Store.Batch batch = store.batch()) {
                batch.replaceDocument(Fixture.DOC1, doc1);
                assertThrows(StoreException.class,
                        () -> batch.replaceDocument(Fixture.DOC2, failingAfter(Fixture.quads(Fixture.DOC2), 7)));
                batch.replaceDocument(Fixture.DOC1, doc1);
                assertEquals(2, batch.documents());
                batch.commit();
            }
            assertEquals(1, store.documentCount());
            assertEquals(Set.copyOf(doc1), quadsOf(store, Fixture.DOC1));
            assertTrue(quadsOf(store, Fixture.DOC2).isEmpty());
        }
    }

    @Test
    void batchClosedWithoutCommitWritesNothing() {
        try (Store store = Store.open(dir.resolve("db"))) {
            try (Store.Batch batch = store.batch()) {
                batch.replaceDocument(Fixture.DOC1, Fixture.quads(Fixture.DOC1));
            }
            assertEquals(0, store.documentCount());
            assertEquals(0, quadCount(store));
        }
    }

    @Test
    void defaultGraphIsTheUnionOfTheDocuments() {
        try (Store store = Store.open(dir.resolve("db"))) {
            Fixture.load(store);
            String ask = "ASK { <" + Fixture.DOC1.getURI() + "> ?p ?o . <" + Fixture.DOC2.getURI() + "> ?p2 ?o2 }";
            assertTrue(Txn.calculateRead(store.dataset(), () -> QueryExec.dataset(store.dataset()).query(ask).ask()));
            // an entity described in both documents is one set of triples in the union, not two
            String count = "SELECT (COUNT(*) AS ?n) { <" + Fixture.LENA + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
            long labels = Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecutionFactory.create(count, org.apache.jena.query.DatasetFactory.wrap(store.dataset()))) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(1, labels);
        }
    }

    @Test
    void refusesADirectoryThatIsNotATdb2Store() throws IOException {
        Path notAStore = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(notAStore.resolve("holiday.jpg"), "not a database");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(notAStore));
        assertTrue(e.getMessage().contains(notAStore.toAbsolutePath().toString()), e.getMessage());

        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        StoreException e2 = assertThrows(StoreException.class, () -> Store.open(file));
        assertTrue(e2.getMessage().contains(file.toAbsolutePath().toString()), e2.getMessage());
    }

    @Test
    void refusesASecondOpenOfTheSameStore() {
        Path db = dir.resolve("db");
        try (Store store = Store.open(db)) {
            StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
            assertTrue(e.getMessage().contains(db.toAbsolutePath().toString()), e.getMessage());
        }
        try (Store again = Store.open(db)) {
            assertEquals(0, again.documentCount());
        }
    }

    @Test
    void refusesAStoreLockedByAnotherProcess() throws Exception {
        Path db = dir.resolve("db");
        try (Store store = Store.open(db)) {
            Fixture.load(store);
        }
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            // the holder prints a line once the store is open
            String ready = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertEquals("open", ready);
            StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
            assertTrue(e.getMessage().contains(db.toAbsolutePath().toString()), e.getMessage());
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        try (Store store = Store.open(db)) {
            assertEquals(2, store.documentCount());
        }
    }
}
