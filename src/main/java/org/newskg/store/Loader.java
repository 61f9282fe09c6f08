package org.newskg.store;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Loads document graphs into a {@link Store} in batches of write transactions, then compacts
 * the store so that replaced data does not stay on disk.
 *
 * <p>TDB2 writes copy-on-write: every commit keeps the blocks it replaced until the database
 * is compacted, so one transaction per document makes a store many times larger than its data.
 * A batch of documents per transaction keeps it small and fast. What stays atomic is what
 * {@link Store.Batch} promises: never half a document; a crash loses at most the documents of
 * the batch under way, and the store is then as it was before that batch.
 *
 * <pre>{@code
 * try (Store store = Store.open(dir); Loader loader = new Loader(store, 100)) {
 *     loader.load(graphName, quads);
 * }   // commits the last batch and compacts
 * }</pre>
 */
public final class Loader implements AutoCloseable {

    private final Store store;
    private final int batchSize;
    private Store.Batch batch;
    private boolean loadedAny;

    public Loader(Store store, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.store = store;
        this.batchSize = batchSize;
    }

    /** Replaces the named graph of one document with {@code quads}. */
    public void load(Node graphName, List<Quad> quads) {
        if (batch == null) {
            batch = store.batch();
        }
        try {
            batch.replaceDocument(graphName, quads);
        } finally {
            if (!batch.active()) {
                batch = null; // a failed write aborted the batch; the next document starts a new one
            }
        }
        loadedAny = true;
        if (batch.documents() >= batchSize) {
            commit();
        }
    }

    private void commit() {
        if (batch != null) {
            Store.Batch b = batch;
            batch = null;
            b.commit();
        }
    }

    /** Commits what is pending and, if anything was loaded, compacts the store. */
    @Override
    public void close() {
        commit();
        if (loadedAny) {
            store.compact();
        }
    }
}
