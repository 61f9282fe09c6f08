package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.rdf.NKG;
import org.newskg.store.Fixture;
import org.newskg.store.Store;

/**
 * Readers see a document either as it was or as it is after a replacement, never half of it: while one thread
 * replaces a document again and again (real TDB2 store), readers in the same process and SPARQL clients of a real
 * Fuseki on port 0 read its graph, and every reading must be isomorphic to one of the two versions.
 */
class ReadIsolationTest {

    private static final int MIN_REPLACEMENTS = 50;
    private static final int MIN_READS = 100;

    @TempDir
    Path dir;

    @Test
    void readersSeeTheOldOrTheNewDocumentNeverAMixture() throws Exception {
        Node doc = Fixture.DOC1;
        List<Quad> v1 = Fixture.quads(doc);
        // the second version drops every other quad of the first and adds quads of its own: a half-done replacement
        // (old quads deleted, new ones partly added) would match neither
        List<Quad> v2 = new ArrayList<>();
        for (int i = 0; i < v1.size(); i += 2) {
            v2.add(v1.get(i));
        }
        for (int i = 0; i < 40; i++) {
            v2.add(Quad.create(doc, NodeFactory.createURI(NKG.ID + "revision-note-" + i),
                    NodeFactory.createURI(NKG.NS + "note"), NodeFactory.createLiteralString("second version, note " + i)));
        }
        assertTrue(v1.size() > 20, "the fixture document has " + v1.size() + " quads");
        Graph g1 = graph(v1);
        Graph g2 = graph(v2);

        try (Store store = Store.open(dir.resolve("db"))) {
            Fixture.load(store);
            AtomicInteger replacements = new AtomicInteger();
            Server server = Server.builder().store(store).port(0).build().start();
            try {
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger localReads = new AtomicInteger();
                AtomicInteger httpReads = new AtomicInteger();
                ConcurrentLinkedQueue<String> mixtures = new ConcurrentLinkedQueue<>();
                Thread writer = new Thread(() -> {
                    // until there have been enough replacements and each kind of reader has read often enough (or 60 s,
                    // which the assertions below then report): how fast writes go against reads depends on the machine
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (System.nanoTime() < until
                            && (replacements.get() < MIN_REPLACEMENTS || localReads.get() < MIN_READS || httpReads.get() < MIN_READS)) {
                        store.replaceDocument(doc, replacements.getAndIncrement() % 2 == 0 ? v2 : v1);
                    }
                    writing.set(false);
                });
                List<Thread> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(new Thread(() -> {
                        DatasetGraph dsg = store.dataset();
                        while (writing.get()) {
                            Graph seen = Txn.calculateRead(dsg, () -> graph(Iter.toList(dsg.find(doc, Node.ANY, Node.ANY, Node.ANY))));
                            check(seen, g1, g2, "in-process reader", mixtures);
                            localReads.incrementAndGet();
                        }
                    }));
                    readers.add(new Thread(() -> {
                        String query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + doc.getURI() + "> { ?s ?p ?o } }";
                        while (writing.get()) {
                            Graph seen = QueryExecHTTP.service(server.sparqlUrl()).query(query).construct();
                            check(seen, g1, g2, "SPARQL client", mixtures);
                            httpReads.incrementAndGet();
                        }
                    }));
                }
                writer.start();
                readers.forEach(Thread::start);
                writer.join();
                for (Thread t : readers) {
                    t.join();
                }
                assertTrue(mixtures.isEmpty(), mixtures.size() + " readings matched neither version, the first:\n" + mixtures.peek());
                assertTrue(replacements.get() >= MIN_REPLACEMENTS, "replacements: " + replacements.get());
                assertTrue(localReads.get() >= MIN_READS && httpReads.get() >= MIN_READS,
                        "readings: " + localReads.get() + " in process, " + httpReads.get() + " over HTTP");
                System.out.printf("read isolation: %d replacements, %d in-process and %d HTTP readings, none mixed%n",
                        replacements.get(), localReads.get(), httpReads.get());
            } finally {
                server.stop();
            }
            Graph last = (replacements.get() - 1) % 2 == 0 ? g2 : g1;
            DatasetGraph dsg = store.dataset();
            Graph stored = Txn.calculateRead(dsg, () -> graph(Iter.toList(dsg.find(doc, Node.ANY, Node.ANY, Node.ANY))));
            assertTrue(stored.isIsomorphicWith(last), "the store holds the last replacement");
        }
    }

    private static Graph graph(List<Quad> quads) {
        Graph g = GraphFactory.createGraphMem();
        quads.forEach(q -> g.add(q.asTriple()));
        return g;
    }

    private static void check(Graph seen, Graph v1, Graph v2, String who, ConcurrentLinkedQueue<String> mixtures) {
        if (!seen.isIsomorphicWith(v1) && !seen.isIsomorphicWith(v2)) {
            mixtures.add(who + " saw " + seen.size() + " triples (versions have " + v1.size() + " and " + v2.size() + "):\n"
                    + RDFWriter.source(seen).lang(Lang.TURTLE).asString());
        }
    }
}
