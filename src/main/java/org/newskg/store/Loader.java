package org.newskg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Loads document graphs into a {@link Store}: into an empty store through TDB2's bulk loader, in one transaction
 * ({@link Store.Bulk}); into a store that holds data in write transactions of a few documents each
 * ({@link Store.Batch}), compacting the store when the commits have left enough replaced blocks on disk.
 *
 * <p>TDB2 writes copy-on-write: every commit keeps the blocks it replaced until the database
 * is compacted, so one transaction per document makes a store many times larger than its data.
 * What stays atomic is what {@link Store.Batch} and {@link Store.Bulk} promise: never half a document; a crash
 * loses at most the documents of the transaction under way (for a bulk load, all of them: the store is empty
 * again), and the store is then as it was before that transaction.
 *
 * <pre>{@code
 * try (Store store = Store.open(dir); Loader loader = Loader.forStore(store, names -> { })) {
 *     loader.load(graphName, quads);
 * }   // commits what is pending, and compacts if the files have grown enough
 * }</pre>
 */
public final class Loader implements AutoCloseable {

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

    /**
     * A load that ends by compacting when the files have grown to this many times their size after the last
     * compaction (or, when no compaction is on record, at the start of the load). A small addition to a large store
     * then ends without rewriting the whole store (7 minutes for a 10 GB one).
     */
    static final double GROWTH_BEFORE_FINAL_COMPACTION = 1.5;
    /**
     * Below this size (TDB2's files, which grow in segments of several MB) the store is compacted at the end of every
     * load that wrote to it: it takes seconds.
     */
    static final long ALWAYS_COMPACT_BELOW_BYTES = 1L << 30;
    /** The file, beside TDB2's own, that remembers the store's size after its last compaction, across loads. */
    static final String COMPACTED_SIZE_FILE = "newskg-compacted-bytes";

    /** A document of the batch under way, kept until the batch commits. */
    private record Pending(Node graphName, List<Quad> quads) {
    }

    private final Store store;
    private final int batchSize;
    private final Consumer<List<Node>> committed;
    private final List<Pending> pending = new ArrayList<>();
    private final double growthBeforeCompaction;
    private final long minBytesBeforeCompaction;
    private final long alwaysCompactBelow;
    private Store.Batch batch;
    /** The bulk load, when this loader writes into an empty store; then {@link #bulkNames} are the documents loaded. */
    private final Store.Bulk bulk;
    private final List<Node> bulkNames = new ArrayList<>();
    private boolean loadedAny;
    private long bytesAfterCompaction;
    private int compactions;

    public Loader(Store store, int batchSize) {
        this(store, batchSize, names -> { });
    }

    /**
     * The loader {@code newskg build} uses: a bulk load when {@code store} holds nothing at all ({@link Store.Bulk}:
     * one transaction, reported to {@code committed} when it ends), else one document per transaction.
     */
    public static Loader forStore(Store store, Consumer<List<Node>> committed) {
        if (store.isEmpty()) {
            return new Loader(store, committed);
        }
        return new Loader(store, INCREMENTAL_BATCH, committed);
    }

    /** A bulk load into the empty {@code store}. */
    private Loader(Store store, Consumer<List<Node>> committed) {
        this.store = store;
        this.batchSize = Integer.MAX_VALUE;
        this.committed = committed;
        this.growthBeforeCompaction = GROWTH_BEFORE_COMPACTION;
        this.minBytesBeforeCompaction = MIN_BYTES_BEFORE_COMPACTION;
        this.alwaysCompactBelow = ALWAYS_COMPACT_BELOW_BYTES;
        this.bulk = store.bulk();
    }

    /** Whether this loader writes through TDB2's bulk loader, in one transaction. */
    public boolean isBulk() {
        return bulk != null;
    }

    /**
     * A loader that tells {@code committed} the graph names of the documents each commit made durable, in the order
     * they were loaded, once the commit has returned.
     */
    public Loader(Store store, int batchSize, Consumer<List<Node>> committed) {
        this(store, batchSize, committed, GROWTH_BEFORE_COMPACTION, MIN_BYTES_BEFORE_COMPACTION);
    }

    Loader(Store store, int batchSize, Consumer<List<Node>> committed, double growthBeforeCompaction, long minBytesBeforeCompaction) {
        this(store, batchSize, committed, growthBeforeCompaction, minBytesBeforeCompaction, ALWAYS_COMPACT_BELOW_BYTES);
    }

    Loader(Store store, int batchSize, Consumer<List<Node>> committed, double growthBeforeCompaction, long minBytesBeforeCompaction,
           long alwaysCompactBelow) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.store = store;
        this.batchSize = batchSize;
        this.committed = committed;
        this.growthBeforeCompaction = growthBeforeCompaction;
        this.minBytesBeforeCompaction = minBytesBeforeCompaction;
        this.alwaysCompactBelow = alwaysCompactBelow;
        this.bytesAfterCompaction = compactedSize(store);
        this.bulk = null;
    }

    /** The store's size after its last compaction, as recorded, or its present size when none is recorded. */
    private static long compactedSize(Store store) {
        Path file = store.directory().resolve(COMPACTED_SIZE_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable: fall back to the present size, as for a store never compacted
        }
        return store.diskBytes();
    }

    private static void recordCompactedSize(Store store, long bytes) {
        try {
            Path file = store.directory().resolve(COMPACTED_SIZE_FILE);
            Path tmp = file.resolveSibling(COMPACTED_SIZE_FILE + ".tmp");
            Files.writeString(tmp, Long.toString(bytes) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // only a hint for when to compact next: without it the next load measures growth from its own start
        }
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
        if (bulk != null) {
            bulk.replaceDocument(graphName, quads);
            bulkNames.add(graphName);
            return;
        }
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
            recordCompactedSize(store, after);
        }
    }

    /**
     * Commits what is pending. A bulk load then reports every document it loaded, and needs no compaction: it wrote
     * in one transaction. A load in batches compacts the store if it wrote anything and the files are small
     * (under {@value #ALWAYS_COMPACT_BELOW_BYTES} bytes) or have grown to {@value #GROWTH_BEFORE_FINAL_COMPACTION}
     * times their size after the last compaction.
     */
    @Override
    public void close() {
        if (bulk != null) {
            if (bulk.active()) {
                bulk.commit();
                committed.accept(List.copyOf(bulkNames));
                bulkNames.clear();
                recordCompactedSize(store, store.diskBytes());
            }
            return;
        }
        commit();
        if (loadedAny) {
            long bytes = store.diskBytes();
            if (bytes < alwaysCompactBelow || bytes > GROWTH_BEFORE_FINAL_COMPACTION * bytesAfterCompaction) {
                compact();
            }
        }
    }
}
