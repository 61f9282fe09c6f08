package org.newskg.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Documents per write transaction when the store holds none yet. A first build commits in batches, which costs
     * far less than a commit per document (PolNeAR train: 139 s against 174 s for the whole build, most of the
     * difference the system time of the commits); a crash then leaves the store as it was after the last whole
     * batch, and every document reported committed is there.
     */
    public static final int FRESH_BATCH = 64;

    /**
     * Documents per write transaction in a store that already holds documents: one, so that a crash leaves it
     * exactly as it was before the document being written.
     */
    public static final int INCREMENTAL_BATCH = 1;

    /**
     * A load compacts the store between batches once its files have grown to this many times their size after the
     * last compaction. Every commit leaves the index blocks it replaced on disk until a compaction: without one along
     * the way, a first build of 9,152 PolNeAR articles had left 26 GB of files for well under 5 GB of data, and the
     * growth per document was still rising. Compacting at a fixed growth factor bounds the waste to that factor, at
     * a cost that grows with the data, not with the number of commits.
     */
    static final double GROWTH_BEFORE_COMPACTION = 4.0;
    /** Below this size the store is only compacted at the end of a load. */
    static final long MIN_BYTES_BEFORE_COMPACTION = 1L << 30;

    /** A document of the batch under way, kept until the batch commits. */
    private record Pending(Node graphName, List<Quad> quads) {
    }

    private final Store store;
    private final int batchSize;
    private final Consumer<List<Node>> committed;
    private final List<Pending> pending = new ArrayList<>();
    private final double growthBeforeCompaction;
    private final long minBytesBeforeCompaction;
    private Store.Batch batch;
    private boolean loadedAny;
    private long bytesAfterCompaction;
    private int compactions;

    public Loader(Store store, int batchSize) {
        this(store, batchSize, names -> { });
    }

    /** The batch size for loading into {@code store}: {@link #FRESH_BATCH} when it is empty, else {@link #INCREMENTAL_BATCH}. */
    public static int batchSizeFor(Store store) {
        return store.documentCount() == 0 ? FRESH_BATCH : INCREMENTAL_BATCH;
    }

    /**
     * A loader that tells {@code committed} the graph names of the documents each commit made durable, in the order
     * they were loaded, once the commit has returned.
     */
    public Loader(Store store, int batchSize, Consumer<List<Node>> committed) {
        this(store, batchSize, committed, GROWTH_BEFORE_COMPACTION, MIN_BYTES_BEFORE_COMPACTION);
    }

    Loader(Store store, int batchSize, Consumer<List<Node>> committed, double growthBeforeCompaction, long minBytesBeforeCompaction) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.store = store;
        this.batchSize = batchSize;
        this.committed = committed;
        this.growthBeforeCompaction = growthBeforeCompaction;
        this.minBytesBeforeCompaction = minBytesBeforeCompaction;
        this.bytesAfterCompaction = store.diskBytes();
    }

    /** How often this load has compacted the store so far, the final compaction of {@link #close()} included. */
    public int compactions() {
        return compactions;
    }

    /**
     * Replaces the named graph of one document with {@code quads}. If writing it fails, the batch is aborted by the
     * store; the documents loaded before it in that batch are then written again, each in a transaction of its own,
     * so that one bad document never takes others with it, and the failure is thrown.
     */
    public void load(Node graphName, List<Quad> quads) {
        if (batch == null) {
            batch = store.batch();
        }
        try {
            batch.replaceDocument(graphName, quads);
        } catch (RuntimeException e) {
            if (!batch.active()) {
                batch = null;
                rewritePendingOneByOne();
            }
            throw e;
        }
        pending.add(new Pending(graphName, quads));
        loadedAny = true;
        if (pending.size() >= batchSize) {
            commit();
        }
    }

    private void rewritePendingOneByOne() {
        List<Pending> again = List.copyOf(pending);
        pending.clear();
        for (Pending p : again) {
            store.replaceDocument(p.graphName(), p.quads());
            committed.accept(List.of(p.graphName()));
        }
    }

    private void commit() {
        if (batch != null) {
            Store.Batch b = batch;
            batch = null;
            b.commit();
            List<Node> names = pending.stream().map(Pending::graphName).toList();
            pending.clear();
            committed.accept(names);
            compactIfGrown();
        }
    }

    private void compactIfGrown() {
        long bytes = store.diskBytes();
        if (bytes > minBytesBeforeCompaction && bytes > growthBeforeCompaction * bytesAfterCompaction) {
            compact();
        }
    }

    private void compact() {
        store.compact();
        compactions++;
        long after = store.diskBytes();
        if (after > 0) {
            bytesAfterCompaction = after;
        }
    }

    /** Commits what is pending and, if anything was loaded, compacts the store. */
    @Override
    public void close() {
        commit();
        if (loadedAny) {
            compact();
        }
    }
}
