package org.newskg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.sequential.LoaderSequential;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.newskg.rdf.SCHEMA;

/**
 * The NewsKG knowledge graph on disk: a TDB2 database holding one named graph per document
 * (graph name = document IRI). Queries see the union of all named graphs as the default graph,
 * so a SPARQL query without {@code GRAPH} spans every document.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("newskg-db"))) {
 *     store.replaceDocument(documentIri, quads);   // one transaction: all of it or nothing
 *     long n = store.documentCount();
 * }
 * }</pre>
 *
 * <p>A document is a named graph that describes itself as a {@code schema:NewsArticle}
 * ({@code <g> a schema:NewsArticle} inside graph {@code <g>}); other named graphs (for example
 * links to Wikidata) are queried like any other but are not counted as documents.
 *
 * <p>Every write also resolves persons across documents: a person a document names only by surname takes
 * the IRI of the one full name the store holds with that surname ({@link SurnameResolution}), in the same
 * transaction, so the store is never half-resolved.
 *
 * <p>Thread safety: reads and single-document writes may come from any thread (TDB2 serialises
 * writers). A {@link Batch} belongs to the thread that opened it.
 */
public final class Store implements AutoCloseable {

    /** Directories open in this JVM: TDB2 shares one connection per directory, so a second open would alias the first. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final DatasetGraph dataset;
    private volatile boolean closed;

    private Store(Path directory, DatasetGraph dataset) {
        this.directory = directory;
        this.dataset = dataset;
    }

    /**
     * Opens the TDB2 store in {@code dir}, creating it when the directory is missing or empty.
     *
     * @throws StoreException if {@code dir} is a file, a directory that is not a TDB2 database,
     *                        already open in this process, or locked by another process
     */
    public static Store open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path path = dir.toAbsolutePath().normalize();
        checkLooksLikeTdb2(path);
        if (!OPEN.add(path)) {
            throw new StoreException("The store at " + path + " is already open in this process");
        }
        try {
            Files.createDirectories(path);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(path.toString());
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            return new Store(path, dsg);
        } catch (IOException e) {
            OPEN.remove(path);
            throw new StoreException("Cannot create the store directory " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            OPEN.remove(path);
            throw new StoreException("Cannot open the store at " + path
                    + " (is another process using it?): " + e.getMessage(), e);
        }
    }

    private static void checkLooksLikeTdb2(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new StoreException("Not a directory, cannot hold a store: " + path);
        }
        if (!Files.isDirectory(path)) {
            return;
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            boolean empty = names.isEmpty() || names.equals(List.of("tdb.lock"));
            boolean tdb2 = names.stream().anyMatch(n -> n.matches("Data-\\d+"));
            if (!empty && !tdb2) {
                throw new StoreException("Not a TDB2 store (no Data-NNNN folder): " + path);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read the store directory " + path + ": " + e.getMessage(), e);
        }
    }

    /** The directory this store lives in. */
    public Path directory() {
        return directory;
    }

    /**
     * The dataset for reading (SPARQL, Fuseki). Its default graph is the union of the named graphs.
     * Write through {@link #replaceDocument} or {@link #batch()}, which keep documents whole.
     */
    public DatasetGraph dataset() {
        checkOpen();
        return dataset;
    }

    /**
     * Replaces the named graph {@code graphName} by {@code quads}, in one write transaction.
     * Every quad must be in {@code graphName}. If anything fails, including the iteration over
     * {@code quads} itself, the transaction is aborted and the store is exactly as before.
     *
     * @throws StoreException wrapping the failure, naming the document
     * @throws IllegalStateException if this thread is already inside a transaction on this store
     */
    public void replaceDocument(Node graphName, Iterable<Quad> quads) {
        checkGraphName(graphName);
        Objects.requireNonNull(quads, "quads");
        checkOpen();
        if (dataset.isInTransaction()) {
            throw new IllegalStateException("replaceDocument(" + graphName
                    + ") inside a transaction: it would not be atomic; use a Batch");
        }
        try {
            Txn.executeWrite(dataset, () -> {
                List<Quad> buffered = new ArrayList<>();
                for (Quad quad : quads) {
                    buffered.add(checkQuad(graphName, quad));
                }
                write(graphName, buffered);
            });
        } catch (RuntimeException e) {
            throw new StoreException("Document " + graphName + " was not stored, the store is unchanged: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Inside a write transaction: replaces graph {@code graphName} by {@code quads} (which gain the surname
     * keys of their persons) and re-decides who the surname-only persons of the surnames it touches are
     * ({@link SurnameResolution}), all in the caller's transaction.
     */
    private void write(Node graphName, List<Quad> quads) {
        Set<String> surnames = new java.util.TreeSet<>(SurnameResolution.surnamesIn(dataset, graphName));
        dataset.deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        surnames.addAll(SurnameResolution.index(graphName, quads));
        quads.forEach(dataset::add);
        SurnameResolution.resolve(dataset, surnames);
    }

    /** Whether a document with this graph name is stored. */
    public boolean hasDocument(Node graphName) {
        checkGraphName(graphName);
        checkOpen();
        return Txn.calculateRead(dataset, () -> isDocument(graphName));
    }

    /** How many documents are stored. */
    public long documentCount() {
        checkOpen();
        return Txn.calculateRead(dataset, () -> Iter.count(Iter.filter(dataset.listGraphNodes(), this::isDocument)));
    }

    private boolean isDocument(Node graphName) {
        return dataset.contains(graphName, graphName, RDF.type.asNode(), SCHEMA.NewsArticle.asNode());
    }

    /**
     * Opens one write transaction for loading many documents quickly. See {@link Batch} for what
     * stays atomic. Use it on one thread, in try-with-resources, and call {@link Batch#commit()}.
     */
    public Batch batch() {
        checkOpen();
        if (dataset.isInTransaction()) {
            throw new IllegalStateException("A batch cannot start inside another transaction");
        }
        dataset.begin(ReadWrite.WRITE);
        return new Batch();
    }

    /**
     * Whether the store holds no quad at all, in any graph: the only state in which {@link #bulk()} may be used.
     */
    public boolean isEmpty() {
        checkOpen();
        return Txn.calculateRead(dataset, () -> !dataset.find().hasNext());
    }

    /**
     * Opens a bulk load into this empty store: one write transaction for every document of the load, written through
     * TDB2's bulk loader. See {@link Bulk}.
     *
     * @throws IllegalStateException if the store holds anything, or this thread is inside a transaction on it
     */
    public Bulk bulk() {
        checkOpen();
        if (dataset.isInTransaction()) {
            throw new IllegalStateException("A bulk load cannot start inside another transaction");
        }
        dataset.begin(ReadWrite.WRITE);
        if (dataset.find().hasNext()) {
            dataset.abort();
            dataset.end();
            throw new IllegalStateException("A bulk load needs an empty store; " + directory + " holds data");
        }
        return new Bulk();
    }

    /**
     * Compacts the database: TDB2 keeps the blocks every write transaction replaced until this is
     * done. Deletes the old generation's files. Must not be called inside a transaction.
     */
    public void compact() {
        checkOpen();
        if (dataset.isInTransaction()) {
            throw new IllegalStateException("Cannot compact " + directory + " inside a transaction");
        }
        DatabaseMgr.compact(dataset, true);
    }

    /** The bytes of the store's files on disk (their lengths), compacted or not. */
    public long diskBytes() {
        checkOpen();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(directory)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;     // a file went away while walking (a compaction deleting the old generation): no figure this time
        }
    }

    /** Releases the database files; the directory can then be opened again, by this or another process. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (dataset.isInTransaction()) {
                dataset.abort();
                dataset.end();
            }
            TDBInternal.expel(dataset);
        } finally {
            OPEN.remove(directory);
        }
    }

    /** Closes this store after a failure that left its connection unusable; the directory itself is intact. */
    private void invalidate() {
        closed = true;
        try {
            TDBInternal.expel(dataset);
        } finally {
            OPEN.remove(directory);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The store at " + directory + " is closed");
        }
    }

    private static void checkGraphName(Node graphName) {
        Objects.requireNonNull(graphName, "graphName");
        if (!graphName.isURI()) {
            throw new IllegalArgumentException("A document graph name must be an IRI: " + graphName);
        }
    }

    private static Quad checkQuad(Node graphName, Quad quad) {
        if (!graphName.equals(quad.getGraph())) {
            throw new IllegalArgumentException("Quad outside the document's graph " + graphName + ": " + quad);
        }
        return quad;
    }

    /**
     * Many documents in one write transaction, which is much faster than one transaction each.
     *
     * <pre>{@code
     * try (Store.Batch batch = store.batch()) {
     *     for (Doc d : docs) {
     *         try { batch.replaceDocument(d.iri(), d.quads()); }
     *         catch (StoreException e) { report(e); }   // this document skipped, the batch goes on
     *     }
     *     batch.commit();
     * }
     * }</pre>
     *
     * <p>What is atomic: each document's quads are first read completely into memory, so a
     * document whose quads fail to be produced is skipped and leaves nothing behind, and the batch
     * continues. A failure while <em>writing</em> to the database, or a crash before
     * {@link #commit()}, loses the whole batch: the store is then as it was before the batch,
     * never half a document. Closing without committing aborts.
     */
    public final class Batch implements AutoCloseable {

        private boolean finished;
        private long documents;

        private Batch() {
        }

        /**
         * Replaces one document inside this batch.
         *
         * @throws StoreException if the quads could not be produced (this document is skipped, the
         *                        batch stays usable) or could not be written (the batch is aborted)
         */
        public void replaceDocument(Node graphName, Iterable<Quad> quads) {
            checkGraphName(graphName);
            Objects.requireNonNull(quads, "quads");
            checkActive();
            List<Quad> buffered = new ArrayList<>();
            try {
                for (Quad quad : quads) {
                    buffered.add(checkQuad(graphName, quad));
                }
            } catch (RuntimeException e) {
                throw new StoreException("Document " + graphName + " was skipped, nothing of it was written: "
                        + e.getMessage(), e);
            }
            try {
                write(graphName, buffered);
                documents++;
            } catch (RuntimeException e) {
                abort();
                throw new StoreException("Writing document " + graphName
                        + " failed; the whole batch was aborted: " + e.getMessage(), e);
            }
        }

        /** Whether the batch can still take documents: neither committed nor aborted. */
        public boolean active() {
            return !finished;
        }

        /** Documents written so far in this batch. */
        public long documents() {
            return documents;
        }

        /** Makes the batch durable. */
        public void commit() {
            checkActive();
            try {
                dataset.commit();
            } finally {
                finished = true;
                dataset.end();
            }
        }

        /** Aborts unless {@link #commit()} was called. */
        @Override
        public void close() {
            if (!finished) {
                abort();
            }
        }

        private void abort() {
            finished = true;
            dataset.abort();
            dataset.end();
        }

        private void checkActive() {
            if (finished) {
                throw new IllegalStateException("This batch on " + directory + " is already finished");
            }
        }
    }

    /**
     * A first load into an empty store, in one write transaction, through TDB2's bulk loader
     * ({@link LoaderSequential}, the TDB1 {@code tdbloader} algorithm): while documents come in, only the primary
     * index of each table is written, in the order the data arrives; when the load is committed the other indexes
     * are built from it, each in one pass over the primary index, and only then are the surnames of every document resolved
     * ({@link SurnameResolution}), once for the whole load instead of once per document. Since everything is in one
     * transaction, nothing is copied on write and the store needs no compaction afterwards.
     *
     * <pre>{@code
     * try (Store.Bulk bulk = store.bulk()) {
     *     for (Doc d : docs) {
     *         bulk.replaceDocument(d.iri(), d.quads());
     *     }
     *     bulk.commit();
     * }
     * }</pre>
     *
     * <p>What is atomic: the whole load. A crash or a failure while writing leaves the store empty, as it was (after
     * a failure this {@code Store} is closed, since the bulk loader leaves its connection unusable, and the directory
     * opens again); a document with a quad outside its graph or not concrete is refused before anything of it is
     * written, and the load goes on. A document loaded twice in the same bulk load (two files with the same text) is
     * replaced, as in a {@link Batch}: what the load wrote of it is deleted from the primary index, the only one so far.
     *
     * <p>While a bulk load is open, this store must not be read from other threads: until the commit, the indexes
     * other than the primary ones are detached.
     */
    public final class Bulk implements AutoCloseable {

        private final LoaderSequential loader;
        private final NodeTable quadNodes;
        private final TupleIndex primaryQuads;
        private final Set<String> surnames = new java.util.TreeSet<>();
        private boolean bulkOpen;
        private boolean finished;
        private long documents;

        private Bulk() {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
            quadNodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
            primaryQuads = tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndex(0);
            if (!primaryQuads.getName().startsWith("G")) {
                // the probe and the deletion of a document loaded twice read the primary index by graph
                throw new IllegalStateException("A bulk load needs the quad table's primary index to start with the graph; it is "
                        + primaryQuads.getName());
            }
            // the transaction is ours (begun by bulk()), so that surnames can be resolved before it commits
            loader = new LoaderSequential(dataset, null, (format, args) -> { }) {
                @Override
                public boolean bulkUseTransaction() {
                    return false;
                }
            };
            try {
                loader.startBulk();
                bulkOpen = true;
            } catch (RuntimeException e) {
                abort();
                throw new StoreException("Cannot start a bulk load into " + directory + ": " + e.getMessage(), e);
            }
        }

        /**
         * Adds one document to the load, replacing it if this load has already written it.
         *
         * @throws StoreException if a quad is outside the document's graph (nothing of it is written, the load goes
         *                        on) or if writing failed (the whole load is aborted and the store is empty)
         */
        public void replaceDocument(Node graphName, List<Quad> quads) {
            checkGraphName(graphName);
            Objects.requireNonNull(quads, "quads");
            checkActive();
            List<Quad> buffered = new ArrayList<>(quads.size() + 8);
            try {
                for (Quad quad : quads) {
                    if (!quad.isConcrete()) {
                        throw new IllegalArgumentException("Not a concrete quad: " + quad);
                    }
                    buffered.add(checkQuad(graphName, quad));
                }
            } catch (RuntimeException e) {
                throw new StoreException("Document " + graphName + " was skipped, nothing of it was written: "
                        + e.getMessage(), e);
            }
            try {
                if (written(graphName)) {
                    dropWritten(graphName);
                }
                surnames.addAll(SurnameResolution.index(graphName, buffered));
                StreamRDF stream = loader.stream();
                buffered.forEach(stream::quad);
                documents++;
            } catch (RuntimeException e) {
                abort();
                throw new StoreException("Writing document " + graphName
                        + " failed; the whole bulk load was aborted and the store is empty: " + e.getMessage(), e);
            }
        }

        /** Whether this load has already written graph {@code g}: a probe of the primary quad index (graph first). */
        private boolean written(Node g) {
            NodeId id = quadNodes.getNodeIdForNode(g);
            if (NodeId.isDoesNotExist(id)) {
                return false;
            }
            return primaryQuads.find(TupleFactory.tuple(id, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny)).hasNext();
        }

        /**
         * Deletes what this load wrote of graph {@code g}. Until the bulk loader finishes, the primary index is the only
         * one, so deleting from it deletes the quads; the surnames they carried are in {@link #surnames} already.
         */
        private void dropWritten(Node g) {
            NodeId id = quadNodes.getNodeIdForNode(g);
            List<org.apache.jena.atlas.lib.tuple.Tuple<NodeId>> old = new ArrayList<>();
            primaryQuads.find(TupleFactory.tuple(id, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny)).forEachRemaining(old::add);
            primaryQuads.deleteAll(old);
        }

        private void finishBulk() {
            bulkOpen = false;
            loader.finishBulk();
        }

        /** Documents written so far in this load. */
        public long documents() {
            return documents;
        }

        /** Whether the load can still take documents: neither committed nor aborted. */
        public boolean active() {
            return !finished;
        }

        /** Builds the indexes, resolves the surnames of every document and makes the load durable. */
        public void commit() {
            checkActive();
            try {
                finishBulk();
                SurnameResolution.resolve(dataset, surnames);
                dataset.commit();
            } catch (RuntimeException e) {
                abort();
                throw new StoreException("The bulk load into " + directory + " failed and was aborted, the store is empty: "
                        + e.getMessage(), e);
            }
            finished = true;
            dataset.end();
        }

        /** Aborts unless {@link #commit()} was called. */
        @Override
        public void close() {
            if (!finished) {
                abort();
            }
        }

        private void abort() {
            finished = true;
            if (dataset.isInTransaction()) {
                dataset.abort();
                dataset.end();
            }
            if (bulkOpen) {
                // the bulk loader detached the secondary indexes of this connection, and only finishing it, which
                // means building them, would attach them again: drop the connection instead. On disk the store is
                // as it was before the load, empty, and opens again.
                bulkOpen = false;
                invalidate();
            }
        }

        private void checkActive() {
            if (finished) {
                throw new IllegalStateException("This bulk load into " + directory + " is already finished");
            }
        }
    }
}
