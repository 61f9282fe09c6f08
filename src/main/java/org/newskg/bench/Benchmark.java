package org.newskg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.newskg.document.DocumentReader;
import org.newskg.document.DocumentSink;
import org.newskg.document.InputProblem;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Extractor;
import org.newskg.extract.StageTimes;
import org.newskg.query.CannedQueries;
import org.newskg.rdf.ExtractionRun;
import org.newskg.store.Loader;
import org.newskg.store.Store;
import org.newskg.text.Cleaner;
import org.newskg.text.Linguistics;

/**
 * Measures what NewsKG achieves on a corpus, side by side in one process: (b) the OpenNLP linguistic layer
 * alone (sentences, tokens, POS, lemmas: the floor the design cannot beat), (a) the full extraction with RDF
 * emission into a null sink, each on one thread and on all cores; (c) a build into a fresh TDB2 store and
 * (d) a build of the same corpus into that store again (every document replaced); then every canned query
 * timed on the store.
 *
 * <pre>{@code
 * Benchmark.Report r = new Benchmark(new Benchmark.Options(Path.of("corpus"), 3, 2, 20, null), System.err::println).run();
 * System.out.println(r.markdown());
 * }</pre>
 *
 * <p>Replication: with {@code copies > 1} every document is written {@code copies} times to a temporary
 * folder as {@code copyK-NAME.txt}. Copy K is the text followed by K extra line breaks: the text, and so the
 * document IRI (a hash of it), differ, while the sentences, spans and statements are the same, so every
 * copy goes through identity resolution and the store's load path instead of being one document loaded
 * N times. Only the text is copied: the metadata of an HTML or JSONL article is not.
 */
public final class Benchmark {

    /** Documents extracted before timing starts, to load the models and warm the JIT. */
    private static final int WARM_UP = 30;

    /**
     * What to run.
     *
     * @param corpus    a file or folder of articles
     * @param copies    replication factor, at least 1
     * @param threads   "all cores": the thread count compared with one thread
     * @param queryRuns how many times each canned query is timed (0: no query timing)
     * @param db        where to build the store (must be missing or empty), or null for a temporary one that is deleted
     */
    public record Options(Path corpus, int copies, int threads, int queryRuns, Path db) {
        public Options {
            Objects.requireNonNull(corpus, "corpus");
            if (copies < 1) {
                throw new IllegalArgumentException("copies must be at least 1, got " + copies);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (queryRuns < 0) {
                throw new IllegalArgumentException("query runs must be 0 or more, got " + queryRuns);
            }
        }
    }

    /** One timed pass over the corpus. */
    public record Pass(String label, int threads, int documents, long tokens, long bytes, double seconds,
                       long peakHeapBytes, long peakRssBytes) {
        public double documentsPerSecond() {
            return documents / seconds;
        }

        public double tokensPerSecond() {
            return tokens / seconds;
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /** A canned query's latency in milliseconds over its runs. */
    public record QueryTiming(String name, String parameters, long rows, int runs, double first, double p50, double p95) {
    }

    /** Everything measured. {@code split} is the time per stage in the one-thread full extraction, in seconds. */
    public record Report(Options options, int documents, long bytes, long tokens, double readSeconds,
                         List<Pass> passes, Map<String, Double> split, double loadSeconds, double compactSeconds,
                         double reloadLoadSeconds, double reloadCompactSeconds, long storedDocuments,
                         List<QueryTiming> queries) {

        /** The pass with this label and thread count. */
        public Pass pass(String label, int threads) {
            return passes.stream().filter(p -> p.label.equals(label) && p.threads == threads).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no pass " + label + " on " + threads + " threads"));
        }

        /** The table, the ratios and the query latencies, as Markdown. */
        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Corpus: %s x%d = %d documents, %.1f MB of text, %d tokens; reading it: %.1f s%n%n",
                    options.corpus, options.copies, documents, bytes / 1e6, tokens, readSeconds));
            out.append("| pass | threads | s | docs/s | tokens/s | MB/s | peak heap MB | peak RSS MB |\n");
            out.append("|---|---|---|---|---|---|---|---|\n");
            for (Pass p : passes) {
                out.append(String.format("| %s | %d | %.1f | %.1f | %,.0f | %.3f | %d | %s |%n", p.label, p.threads,
                        p.seconds, p.documentsPerSecond(), p.tokensPerSecond(), p.megabytesPerSecond(),
                        p.peakHeapBytes >> 20, p.peakRssBytes < 0 ? "" : String.valueOf(p.peakRssBytes >> 20)));
            }
            int all = options.threads;
            Pass a = pass(FULL, all);
            Pass b = pass(LINGUISTIC, all);
            Pass c = pass(FRESH, all);
            Pass d = pass(REPLACE, all);
            out.append(String.format("%nRatios on %d threads: a/b = %.2f (target >= 0.5), c/a = %.2f (target <= 1.5), d/a = %.2f%n",
                    all, b.seconds / a.seconds, c.seconds / a.seconds, d.seconds / a.seconds));
            if (all > 1) {
                out.append(String.format("Scaling 1 -> %d threads: full extraction x%.2f, linguistic layer x%.2f%n",
                        all, pass(FULL, 1).seconds / a.seconds, pass(LINGUISTIC, 1).seconds / b.seconds));
            }
            double total = split.values().stream().mapToDouble(Double::doubleValue).sum();
            out.append("\nSplit of the one-thread full extraction (reading timed on its own, above):");
            split.forEach((stage, s) -> out.append(String.format(" %s %.1f s (%.0f%%);", stage, s, 100 * s / total)));
            out.append(String.format("%nStore (c): %.1f s writing to the bulk loader on the main thread while the workers extract, "
                    + "then %.1f s building the other indexes, resolving surnames and committing; "
                    + "(d): %.1f s writing, %.1f s for the last commit and compaction; the store holds %d documents%n",
                    loadSeconds, compactSeconds, reloadLoadSeconds, reloadCompactSeconds, storedDocuments));
            if (!queries.isEmpty()) {
                out.append("\n").append(queryTable(queries));
            }
            return out.toString();
        }
    }

    static final String LINGUISTIC = "(b) linguistic layer alone";
    static final String FULL = "(a) full extraction + RDF to a null sink";
    static final String FRESH = "(c) build into a fresh store";
    static final String REPLACE = "(d) build into the store holding it (replace)";

    private final Options options;
    private final Consumer<String> log;

    /** {@code log} receives one line per step, for progress. */
    public Benchmark(Options options, Consumer<String> log) {
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs every pass; temporary folders are deleted at the end. */
    public Report run() {
        Path work = null;
        try {
            work = Files.createTempDirectory("newskg-bench");
            Path corpus = options.copies == 1 ? options.corpus : replicate(options.corpus, options.copies, work.resolve("corpus"));
            Path db = options.db != null ? options.db : work.resolve("store");
            checkFresh(db);
            return measure(List.of(corpus.toString()), db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private Report measure(List<String> inputs, Path db) {
        DocumentReader reader = new DocumentReader();
        // reading alone, and the documents kept for the warm-up
        List<SourceDocument> warmUp = new ArrayList<>();
        AtomicLong bytes = new AtomicLong();
        int[] documents = {0};
        resetPeaks();
        long t0 = System.nanoTime();
        reader.read(inputs, sink(doc -> {
            documents[0]++;
            bytes.addAndGet(doc.text().getBytes(StandardCharsets.UTF_8).length);
            if (warmUp.size() < WARM_UP) {
                warmUp.add(doc);
            }
        }));
        double readSeconds = seconds(t0);
        log.accept(String.format("read %d documents (%.1f MB) in %.1f s", documents[0], bytes.get() / 1e6, readSeconds));
        if (documents[0] == 0) {
            throw new IllegalArgumentException("No documents in " + options.corpus);
        }
        ExtractionRun warm = new ExtractionRun(new Extractor(), 1);
        warmUp.forEach(warm::toGraph);

        List<Pass> passes = new ArrayList<>();
        int[] threadCounts = options.threads == 1 ? new int[] {1} : new int[] {1, options.threads};
        long tokens = 0;
        for (int threads : threadCounts) {
            resetPeaks();
            long start = System.nanoTime();
            tokens = linguistic(reader, inputs, threads);
            passes.add(pass(LINGUISTIC, threads, documents[0], tokens, bytes.get(), seconds(start)));
        }
        Map<String, Double> split = new LinkedHashMap<>();
        for (int threads : threadCounts) {
            StageTimes times = new StageTimes();
            resetPeaks();
            long start = System.nanoTime();
            new ExtractionRun(new Extractor(times), threads).run(reader, inputs, graph -> { }, this::problem);
            passes.add(pass(FULL, threads, documents[0], tokens, bytes.get(), seconds(start)));
            if (threads == 1) {
                for (StageTimes.Stage s : StageTimes.Stage.values()) {
                    split.put(s.label(), times.nanos(s) / 1e9);
                }
            }
        }
        double[] fresh = build(reader, inputs, db, FRESH, documents[0], tokens, bytes.get(), passes);
        double[] replace = build(reader, inputs, db, REPLACE, documents[0], tokens, bytes.get(), passes);
        long stored;
        List<QueryTiming> queries;
        try (Store store = Store.open(db)) {
            stored = store.documentCount();
            queries = options.queryRuns == 0 ? List.of() : queries(store, options.queryRuns, log);
        }
        return new Report(options, documents[0], bytes.get(), tokens, readSeconds, passes, split,
                fresh[0], fresh[1], replace[0], replace[1], stored, queries);
    }

    /**
     * One build as {@code newskg build} does it: all cores extracting, TDB2's bulk loader in one transaction into a fresh
     * store, and one transaction per document into a store that holds documents (compacted at the end when its files
     * have grown enough). The second figure returned is the time of closing the loader: for a bulk load, building the
     * secondary indexes, resolving surnames and the commit; for the replace path, the last commit and any compaction.
     */
    private double[] build(DocumentReader reader, List<String> inputs, Path db, String label, int documents, long tokens,
                           long bytes, List<Pass> passes) {
        resetPeaks();
        long start = System.nanoTime();
        long[] loadNanos = {0};
        double compact;
        try (Store store = Store.open(db)) {
            Loader loader = Loader.forStore(store, names -> { });
            new ExtractionRun(new Extractor(), options.threads).run(reader, inputs, graph -> {
                long t = System.nanoTime();
                loader.load(graph.name(), graph.quads());
                loadNanos[0] += System.nanoTime() - t;
            }, this::problem);
            long t = System.nanoTime();
            loader.close();
            compact = seconds(t);
        }
        passes.add(pass(label, options.threads, documents, tokens, bytes, seconds(start)));
        return new double[] {loadNanos[0] / 1e9, compact};
    }

    /** Sentences, tokens, POS and lemmas of every document, on {@code threads} threads; returns the token count. */
    private long linguistic(DocumentReader reader, List<String> inputs, int threads) {
        Cleaner cleaner = new Cleaner();
        Linguistics linguistics = Linguistics.english();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newskg-bench");
            t.setDaemon(true);
            return t;
        });
        Semaphore window = new Semaphore(threads * 4);
        LongAdder tokens = new LongAdder();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            reader.read(inputs, sink(doc -> {
                window.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        linguistics.annotate(cleaner.clean(doc.text())).sentences().forEach(s -> tokens.add(s.tokens().size()));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        window.release();
                    }
                });
            }));
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.DAYS)) {
                throw new IllegalStateException("the linguistic pass did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return tokens.sum();
    }

    /**
     * Times every canned query on {@code store}, {@code runs} times each after one first run (fewer when a query's runs
     * pass 60 s), with the store's most quoted person for {@code statements-by} and {@code statements-about}, one of
     * its statements for {@code provenance}, and the queries read by document also with LIMIT 100.
     */
    public static List<QueryTiming> queries(Store store, int runs, Consumer<String> log) {
        CannedQueries canned = CannedQueries.fromClasspath();
        String speaker = topSpeaker(store);
        String statement = firstStatement(store);
        List<QueryTiming> timings = new ArrayList<>();
        for (String name : canned.names()) {
            Map<String, String> params = new LinkedHashMap<>();
            switch (name) {
                case "statements-by" -> params.put("speaker", speaker);
                case "statements-about" -> params.put("entity", speaker);
                case "provenance" -> params.put("iri", statement);
                default -> { }
            }
            if (params.containsValue(null)) {
                continue; // the store has no statement with a named speaker
            }
            timings.add(time(canned, name, params, -1, store, runs, log));
            if (List.of("who-said-what", "statements-by", "mentions", "events").contains(name)) {
                // the first page, as a client pages them: these are read document by document
                timings.add(time(canned, name, params, 100, store, runs, log));
            }
        }
        return timings;
    }

    /** A first run that takes longer is cancelled, and the query reported as such, not timed. */
    static final long QUERY_TIMEOUT_MS = 60_000;

    /** The canned-query timings as a Markdown table; a cancelled query shows its rows as "cancelled". */
    public static String queryTable(List<QueryTiming> queries) {
        StringBuilder out = new StringBuilder("| canned query | parameters | rows | first run ms | runs | p50 ms | p95 ms |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (QueryTiming q : queries) {
            if (q.runs == 0) {
                out.append(String.format("| %s | %s | cancelled | > %.0f | 0 | | |%n", q.name, q.parameters, q.first));
            } else {
                out.append(String.format("| %s | %s | %d | %.1f | %d | %.1f | %.1f |%n", q.name, q.parameters, q.rows, q.first,
                        q.runs, q.p50, q.p95));
            }
        }
        return out.toString();
    }

    private static QueryTiming time(CannedQueries canned, String name, Map<String, String> params, long limit, Store store,
                                    int queryRuns, Consumer<String> log) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + v));
        if (limit >= 0) {
            parts.add("LIMIT " + limit);
        }
        String shown = String.join(" ", parts);
        long cold = System.nanoTime();
        try {
            // the first run fills caches and JIT: reported, not counted in p50/p95
            canned.count(name, params, store.dataset(), limit, QUERY_TIMEOUT_MS);
        } catch (org.apache.jena.query.QueryCancelledException e) {
            log.accept(String.format("query %s %s: cancelled after %d s", name, shown, QUERY_TIMEOUT_MS / 1000));
            return new QueryTiming(name, shown, -1, 0, (System.nanoTime() - cold) / 1e6, Double.NaN, Double.NaN);
        }
        double first = (System.nanoTime() - cold) / 1e6;
        double[] ms = new double[queryRuns];
        long rows = 0;
        int runs = 0;
        long budget = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUERY_TIMEOUT_MS);
        while (runs < ms.length) {
            long t = System.nanoTime();
            rows = canned.count(name, params, store.dataset(), limit);
            ms[runs++] = (System.nanoTime() - t) / 1e6;
            if (System.nanoTime() > budget) {
                break; // a slow query is timed fewer times rather than holding the run for minutes
            }
        }
        double[] done = Arrays.copyOf(ms, runs);
        Arrays.sort(done);
        log.accept(String.format("query %s %s: p50 %.1f ms", name, shown, percentile(done, 50)));
        return new QueryTiming(name, shown, rows, runs, first, percentile(done, 50), percentile(done, 95));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final String PREFIXES = "PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

    /** The label of the named person with the most statements: a realistic statements-by parameter. */
    private static String topSpeaker(Store store) {
        return first(store, PREFIXES + "SELECT ?label (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a nkg:Statement ; nkg:speaker ?p } "
                + "?p a <https://schema.org/Person> ; rdfs:label ?label } GROUP BY ?label ORDER BY DESC(?n) LIMIT 1", "label");
    }

    private static String firstStatement(Store store) {
        return first(store, PREFIXES + "SELECT ?s WHERE { GRAPH ?g { ?s a nkg:Statement ; nkg:speaker ?p } } LIMIT 1", "s");
    }

    private static String first(Store store, String sparql, String var) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, org.apache.jena.query.DatasetFactory.wrap(store.dataset()))) {
                ResultSet rs = qe.execSelect();
                if (!rs.hasNext()) {
                    return null;
                }
                QuerySolution row = rs.next();
                return row.get(var).isURIResource() ? row.getResource(var).getURI() : row.getLiteral(var).getLexicalForm();
            }
        });
    }

    /** Writes {@code copies} copies of every document of {@code corpus} into {@code into}; see the class comment. */
    static Path replicate(Path corpus, int copies, Path into) throws IOException {
        Files.createDirectories(into);
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<SourceDocument> batch = new ArrayList<>();
        new DocumentReader().read(List.of(corpus.toString()), sink(batch::add));
        for (SourceDocument doc : batch) {
            String base = Path.of(doc.source().replaceAll("[:?#]", "_")).getFileName().toString().replaceAll("\\.[A-Za-z]+$", "");
            int n = seen.merge(base, 1, Integer::sum);
            String name = n == 1 ? base : base + "-" + n;
            for (int k = 1; k <= copies; k++) {
                Files.writeString(into.resolve("copy" + k + "-" + name + ".txt"), doc.text() + "\n".repeat(k), StandardCharsets.UTF_8);
            }
        }
        return into;
    }

    private static void checkFresh(Path db) throws IOException {
        if (Files.isDirectory(db)) {
            try (Stream<Path> entries = Files.list(db)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The benchmark builds a fresh store: " + db + " must be missing or empty");
                }
            }
        }
    }

    private void problem(InputProblem problem) {
        log.accept("problem: " + problem);
    }

    private static DocumentSink sink(Consumer<SourceDocument> documents) {
        return new DocumentSink() {
            @Override
            public void document(SourceDocument doc) {
                documents.accept(doc);
            }

            @Override
            public void problem(InputProblem problem) {
                // counted by the passes that use the documents
            }
        };
    }

    private Pass pass(String label, int threads, int documents, long tokens, long bytes, double seconds) {
        Pass p = new Pass(label, threads, documents, tokens, bytes, seconds, peakHeap(), peakRss());
        log.accept(String.format("%s, %d threads: %.1f s, %.1f docs/s", label, threads, seconds, p.documentsPerSecond()));
        return p;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The process's peak resident set (VmHWM) since the last reset, or -1 where /proc is not there. */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM on Linux
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the RSS peak is then the process's so far
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the report for
        }
    }
}
