package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.rdf.SCHEMA;

/** The loader on a real TDB2 store: batches, replacement, and compaction of what the commits left. */
class LoaderTest {

    @TempDir
    Path dir;

    private static List<Quad> document(Node g, int version, int size) {
        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(g, g, RDF.type.asNode(), SCHEMA.NewsArticle.asNode()));
        for (int i = 0; i < size; i++) {
            quads.add(Quad.create(g, NodeFactory.createURI(g.getURI() + "#s" + i),
                    NodeFactory.createURI("urn:example:p"), NodeFactory.createLiteralString("v" + version + "-" + i)));
        }
        return quads;
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void reloadingManyTimesLeavesOneCopyOnDiskAfterCompaction() throws IOException {
        Path db = dir.resolve("db");
        long before;
        try (Store store = Store.open(db)) {
            for (int round = 0; round < 5; round++) {
                for (int d = 0; d < 20; d++) {
                    Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                    store.replaceDocument(g, document(g, round, 200));
                }
            }
            before = bytes(db);
            try (Loader loader = new Loader(store, 1)) {
                for (int d = 0; d < 20; d++) {
                    Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                    loader.load(g, document(g, 9, 200));
                }
            }
            assertEquals(20, store.documentCount());
            long quads = Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().find()));
            assertEquals(20 * 201, quads, "each document replaced, none duplicated");
        }
        long after = bytes(db);
        try (Stream<Path> data = Files.list(db)) {
            assertEquals(1, data.filter(p -> p.getFileName().toString().startsWith("Data-")).count(), "old generation deleted");
        }
        assertTrue(after < before, "compaction should shrink the store: " + before + " -> " + after + " bytes");
    }

    @Test
    void batchesCommitEveryNDocumentsAndTheRestOnClose() {
        try (Store store = Store.open(dir.resolve("batched"))) {
            try (Loader loader = new Loader(store, 3)) {
                for (int d = 0; d < 7; d++) {
                    Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                    loader.load(g, document(g, 0, 5));
                }
            }
            assertEquals(7, store.documentCount());
        }
    }

    @Test
    void batchSizeMustBePositive() {
        try (Store store = Store.open(dir.resolve("bad"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Loader(store, 0));
            assertTrue(e.getMessage().contains("0"), e.getMessage());
        }
    }

    @Test
    void eachCommitReportsItsDocumentsInLoadOrderOnceDurable() {
        List<List<String>> reports = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("reported"))) {
            try (Loader loader = new Loader(store, 3, names -> {
                // reported after the commit: another reader already sees every one of them
                names.forEach(n -> assertTrue(store.hasDocument(n), "reported before it was durable: " + n));
                reports.add(names.stream().map(n -> n.getURI().substring(n.getURI().lastIndexOf('/') + 1)).toList());
            })) {
                for (int d = 0; d < 7; d++) {
                    Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                    loader.load(g, document(g, 0, 5));
                }
                assertEquals(List.of(List.of("0", "1", "2"), List.of("3", "4", "5")), reports, "the seventh waits for close");
            }
        }
        assertEquals(List.of(List.of("0", "1", "2"), List.of("3", "4", "5"), List.of("6")), reports);
    }

    @Test
    void aDocumentThatCannotBeWrittenDoesNotTakeTheOthersOfItsBatchWithIt() {
        // a variable cannot be stored: TDB2 fails while writing, and the store aborts the whole batch transaction
        List<String> reported = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("abort"))) {
            try (Loader loader = new Loader(store, 10, names -> names.forEach(n -> reported.add(n.getURI())))) {
                for (int d = 0; d < 6; d++) {
                    Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                    List<Quad> quads = document(g, 0, 5);
                    if (d == 3) {
                        quads.add(Quad.create(g, g, NodeFactory.createURI("urn:example:p"), org.apache.jena.sparql.core.Var.alloc("x")));
                        assertThrows(StoreException.class, () -> loader.load(g, quads));
                    } else {
                        loader.load(g, quads);
                    }
                }
            }
            assertEquals(5, store.documentCount(), "the documents before and after the bad one are all stored");
            assertTrue(!store.hasDocument(NodeFactory.createURI("https://example.org/doc/3")), "nothing of the bad one");
            assertEquals(List.of("https://example.org/doc/0", "https://example.org/doc/1", "https://example.org/doc/2",
                    "https://example.org/doc/4", "https://example.org/doc/5"), reported);
            long quads = Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().find()));
            assertEquals(5 * 6, quads, "each stored once");
        }
    }

    @Test
    void aFreshStoreIsBulkLoadedAndOneHoldingDocumentsLoadedOneByOne() {
        try (Store store = Store.open(dir.resolve("policy"))) {
            try (Loader loader = Loader.forStore(store, names -> { })) {
                assertTrue(loader.isBulk());
            }
            Node g = NodeFactory.createURI("https://example.org/doc/0");
            store.replaceDocument(g, document(g, 0, 1));
            try (Loader loader = Loader.forStore(store, names -> { })) {
                assertTrue(!loader.isBulk());
            }
        }
    }

    @Test
    void aLongLoadCompactsAlongTheWayOnceTheFilesHaveGrownAndLosesNothing() throws IOException {
        Path db = dir.resolve("growing");
        try (Store store = Store.open(db)) {
            // thresholds scaled down from the defaults so that a small load shows the behaviour: compact whenever the
            // files are 1.5 times their size after the last compaction
            Loader loader = new Loader(store, 1, names -> { }, 1.5, 0);
            long peak = 0;
            for (int d = 0; d < 300; d++) {
                Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                loader.load(g, document(g, 0, 300));
                peak = Math.max(peak, bytes(db));
            }
            int along = loader.compactions();
            loader.close();
            assertTrue(along >= 2, "compactions during the load: " + along);
            assertEquals(along + 1, loader.compactions(), "and one at the end");
            assertEquals(300, store.documentCount());
            long quads = Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().find()));
            assertEquals(300 * 301, quads, "every document once, whole");
            try (Stream<Path> data = Files.list(db)) {
                assertEquals(1, data.filter(p -> p.getFileName().toString().startsWith("Data-")).count(), "old generations deleted");
            }
            System.out.printf("loader: %d compactions along the way, peak %d MB on disk, %d MB at the end%n",
                    along, peak >> 20, bytes(db) >> 20);
        }
    }

    @Test
    void aBulkLoadNeedsAnEmptyStore() {
        try (Store store = Store.open(dir.resolve("not-empty"))) {
            Node g = NodeFactory.createURI("https://example.org/doc/0");
            store.replaceDocument(g, document(g, 0, 1));
            IllegalStateException e = assertThrows(IllegalStateException.class, store::bulk);
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
            assertEquals(1, store.documentCount(), "the store is untouched and usable");
        }
    }

    @Test
    void aBulkLoadSkipsADocumentThatCannotBeWrittenAndLoadsTheOthers() {
        try (Store store = Store.open(dir.resolve("bulk-skip"))) {
            try (Loader loader = Loader.forStore(store, names -> { })) {
                assertTrue(loader.isBulk());
                for (int d = 0; d < 6; d++) {
                    Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                    List<Quad> quads = document(g, 0, 5);
                    if (d == 3) {
                        quads.add(Quad.create(g, g, NodeFactory.createURI("urn:example:p"), org.apache.jena.sparql.core.Var.alloc("x")));
                        StoreException e = assertThrows(StoreException.class, () -> loader.load(g, quads));
                        assertTrue(e.getMessage().contains("nothing of it was written"), e.getMessage());
                    } else {
                        loader.load(g, quads);
                    }
                }
            }
            assertEquals(5, store.documentCount());
            assertTrue(!store.hasDocument(NodeFactory.createURI("https://example.org/doc/3")));
            long quads = Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().find()));
            assertEquals(5 * 6, quads, "each stored once");
        }
    }

    @Test
    void aBulkLoadNotCommittedLeavesTheStoreEmptyAndItOpensAgain() {
        Path db = dir.resolve("bulk-abort");
        Store store = Store.open(db);
        try (Store.Bulk bulk = store.bulk()) {
            for (int d = 0; d < 50; d++) {
                Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                bulk.replaceDocument(g, document(g, 0, 20));
            }
            assertEquals(50, bulk.documents());
        }   // closed without commit: aborted
        IllegalStateException closed = assertThrows(IllegalStateException.class, store::documentCount);
        assertTrue(closed.getMessage().contains("closed"), "the connection the bulk loader used is dropped: " + closed.getMessage());
        store.close();
        try (Store again = Store.open(db)) {
            assertTrue(again.isEmpty(), "nothing of the aborted load is in the store");
            try (Loader loader = Loader.forStore(again, names -> { })) {
                assertTrue(loader.isBulk(), "and the next load is a bulk load again");
                Node g = NodeFactory.createURI("https://example.org/doc/0");
                loader.load(g, document(g, 1, 3));
            }
            assertEquals(1, again.documentCount());
        }
    }

    @Test
    void aSmallAdditionToALargeStoreDoesNotEndWithACompaction() throws IOException {
        Path db = dir.resolve("large");
        try (Store store = Store.open(db)) {
            // the record says the store was this size after its last compaction: a few more documents do not grow it
            // to 1.5 times that, so the load ends without compacting (at a real scale, minutes saved)
            for (int d = 0; d < 5; d++) {
                Node g = NodeFactory.createURI("https://example.org/doc/" + d);
                store.replaceDocument(g, document(g, 0, 10));
            }
            Files.writeString(db.resolve(Loader.COMPACTED_SIZE_FILE), Long.toString(store.diskBytes()));
            Loader small = new Loader(store, 1, names -> { }, Loader.GROWTH_BEFORE_COMPACTION, Long.MAX_VALUE,
                    Long.MIN_VALUE);
            Node g = NodeFactory.createURI("https://example.org/doc/new");
            small.load(g, document(g, 0, 10));
            small.close();
            assertEquals(0, small.compactions(), "a small addition does not compact");
            // a load that grows the files past 1.5 times the recorded size ends with a compaction, and records it
            Files.writeString(db.resolve(Loader.COMPACTED_SIZE_FILE), Long.toString(store.diskBytes() / 4));
            Loader large = new Loader(store, 1, names -> { }, Loader.GROWTH_BEFORE_COMPACTION, Long.MAX_VALUE,
                    Long.MIN_VALUE);
            large.load(g, document(g, 1, 10));
            large.close();
            assertEquals(1, large.compactions());
            long recorded = Long.parseLong(Files.readString(db.resolve(Loader.COMPACTED_SIZE_FILE)).trim());
            assertTrue(Math.abs(store.diskBytes() - recorded) < 100, "the size after compaction is recorded: " + recorded
                    + " against " + store.diskBytes() + " bytes now (the record itself included)");
            assertEquals(6, store.documentCount());
        }
    }
}
