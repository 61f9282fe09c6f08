package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.rdf.NKG;
import org.newskg.rdf.SCHEMA;
import org.newskg.store.Store;

/**
 * The real command in its own JVM ({@code java -cp target/newskg.jar}): killed with SIGKILL at random points of a
 * build, the store opens afterwards and holds only whole documents; a build run to its end then gives the same
 * store as an uninterrupted one, and building the same corpus twice gives an isomorphic store. While
 * {@code serve} runs, {@code build} on its store fails at once and names the server.
 */
class CrashSafetyIT {

    /** Kills of a first build, a bulk load into an empty store (fewer if one lands after its commit). */
    static final int BULK_KILLS = 3;
    /** Kills of builds into a store that holds documents. */
    static final int INCREMENTAL_KILLS = 5;
    /** Generated articles besides the 8 examples: enough for builds that last several seconds. */
    static final int GENERATED = 152;
    static final int DOCUMENTS = 8 + GENERATED;

    @TempDir
    Path tmp;

    static Process newskg(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", Path.of("target/newskg.jar").toAbsolutePath().toString(), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    static String output(Process p) throws Exception {
        CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the command did not end");
        return text.get(30, TimeUnit.SECONDS);
    }

    /** The examples plus generated articles: enough documents for a build that lasts several seconds. */
    Path corpus() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        try (var files = Files.list(Path.of("examples/news"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        String[] names = {"Anna Berg", "Karl Ode", "Mira Salo", "Jonas Lind", "Eva Holm"};
        for (int i = 0; i < GENERATED; i++) {
            String who = names[i % names.length];
            Files.writeString(corpus.resolve(String.format("gen-%02d.txt", i)), "Minister " + who + " said on Monday that ferry line "
                    + i + " would reopen. \"We are ready,\" " + who.split(" ")[1] + " told reporters in Bergen. "
                    + "According to " + names[(i + 1) % names.length] + ", the port handled " + (i * 37) + " ships last year.\n");
        }
        return corpus;
    }

    /**
     * The output of a build run with --progress, followed as it comes: when the first document was written (into a
     * bulk load) or committed, and how many were reported committed.
     */
    static final class Committed {
        final java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicLong firstAt = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        private final StringBuffer text = new StringBuffer();

        static Committed follow(Process p) {
            Committed c = new Committed();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        c.text.append(line).append('\n');
                        boolean committed = line.startsWith("newskg: committed ");
                        boolean written = line.startsWith("newskg: written ");
                        if (written) {
                            c.written.incrementAndGet();
                        }
                        if (committed) {
                            c.count.incrementAndGet();
                        }
                        if ((committed || written) && c.firstAt.compareAndSet(0, System.nanoTime())) {
                            c.first.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the process was killed: its output ends here
                }
                c.first.countDown();
                c.done.countDown();
            });
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        String text() {
            return text.toString();
        }
    }

    static DatasetGraph copy(Path db) {
        try (Store store = Store.open(db)) {
            return Txn.calculateRead(store.dataset(), () -> {
                DatasetGraph copy = DatasetGraphFactory.create();
                store.dataset().find().forEachRemaining(copy::add);
                return copy;
            });
        }
    }

    static Map<Node, Long> statementsPerDocument(DatasetGraph dsg) {
        Map<Node, Long> counts = new HashMap<>();
        dsg.listGraphNodes().forEachRemaining(g -> counts.put(g,
                dsg.stream(g, Node.ANY, RDF.type.asNode(), NKG.Statement.asNode()).count()));
        return counts;
    }

    /** A build run to its end with --progress: its output, how long it took from its first document written or committed to its end. */
    record Timed(String output, long loadMillis, int committed) {
    }

    static Timed timedBuild(Path dir, Path db, String... inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(List.of(inputs));
        args.addAll(List.of("--db", db.toString(), "--progress"));
        Process p = newskg(dir, args.toArray(String[]::new));
        Committed c = Committed.follow(p);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the build did not end");
        long end = System.nanoTime();
        assertTrue(c.done.await(30, TimeUnit.SECONDS), "the build's output did not end");
        assertEquals(0, p.exitValue(), c.text());
        return new Timed(c.text(), (end - c.firstAt.get()) / 1_000_000, c.count.get());
    }

    /** One build killed with SIGKILL at a random point of its loading window (from its first document written or committed). */
    record Kill(Map<Node, Long> statements, DatasetGraph after, int reportedCommitted, String description) {
    }

    static Kill killedBuild(Path tmp, Path corpus, Path db, long windowMillis, Random random) throws Exception {
        Process build = newskg(tmp, "build", corpus.toString(), "--db", db.toString(), "--progress");
        Committed committed = Committed.follow(build);
        // JVM start and model loading come before the window, so the kill lands while documents are being written
        boolean loading = committed.first.await(120, TimeUnit.SECONDS) && committed.firstAt.get() != 0;
        long delay = random.nextInt((int) Math.max(1, windowMillis));
        boolean ended = build.waitFor(delay, TimeUnit.MILLISECONDS);
        int saidCommitted = committed.count.get();
        int written = committed.written.get();
        build.destroyForcibly(); // SIGKILL
        assertTrue(build.waitFor(60, TimeUnit.SECONDS));
        DatasetGraph after = copy(db); // opens after the kill, or the test fails here
        Map<Node, Long> statements = statementsPerDocument(after);
        String description = (loading ? delay + " ms into loading" : "before loading") + (ended ? " (already ended)" : "")
                + ": " + written + " written, " + saidCommitted + " reported committed, " + statements.size() + " stored";
        return new Kill(statements, after, saidCommitted, description);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("tdb.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Every graph of the store is a whole document, and none reported committed is missing. */
    static void assertWholeDocuments(Kill kill, Map<Node, Long> expectedStatements) {
        for (var e : kill.statements().entrySet()) {
            assertTrue(kill.after().contains(e.getKey(), e.getKey(), RDF.type.asNode(), SCHEMA.NewsArticle.asNode()),
                    "a graph that is not a whole document: " + e.getKey());
            assertEquals(expectedStatements.get(e.getKey()), e.getValue(), "half a document: " + e.getKey());
        }
        // a document reported as committed is never lost (the store may hold more: those committed and not yet printed)
        assertTrue(kill.statements().size() >= Math.min(kill.reportedCommitted(), expectedStatements.size()),
                "the build said " + kill.reportedCommitted() + " documents were committed; " + kill.description());
    }

    @Test
    void killedBuildsLeaveOnlyWholeDocumentsAndARerunCompletes() throws Exception {
        Path corpus = corpus();
        Path reference = tmp.resolve("reference");
        // a first build is one bulk transaction; a build into a store that holds documents commits one at a time and
        // takes longer: each kill is timed against the loading window of the kind of build it interrupts
        Timed fresh = timedBuild(corpus.getParent(), reference, corpus.toString());
        assertEquals(DOCUMENTS, fresh.committed(), "one progress line per committed document\n" + fresh.output());
        DatasetGraph expected = copy(reference);
        Map<Node, Long> expectedStatements = statementsPerDocument(expected);
        assertEquals(DOCUMENTS, expectedStatements.size(), fresh.output());
        Timed incremental = timedBuild(corpus.getParent(), reference, corpus.toString());
        assertEquals(DOCUMENTS, incremental.committed(), incremental.output());
        // idempotence: building the same corpus again changes nothing
        assertTrue(IsoMatcher.isomorphic(expected, copy(reference)), "a second build changed the store\n" + incremental.output());

        Random random = new Random(20261201);
        List<String> kills = new ArrayList<>();
        // first builds, into an empty store: the bulk load is all or nothing
        Path bulkDb = tmp.resolve("bulk");
        for (int i = 0; i < BULK_KILLS; i++) {
            Kill kill = killedBuild(tmp, corpus, bulkDb, fresh.loadMillis(), random);
            assertWholeDocuments(kill, expectedStatements);
            assertTrue(kill.statements().isEmpty() || IsoMatcher.isomorphic(expected, kill.after()),
                    "a killed bulk load left part of the corpus: " + kill.description());
            kills.add("kill " + (i + 1) + " (first build, one bulk transaction) " + kill.description());
            if (!kill.statements().isEmpty()) {
                break; // it had committed: the store is no longer empty
            }
        }
        // builds into a store holding half the corpus (a copy of it each time): each document is a transaction of its own
        Path half = tmp.resolve("half");
        try (var files = Files.list(corpus)) {
            List<String> all = files.sorted().map(Path::toString).toList();
            timedBuild(tmp, half, java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 2 == 0)
                    .mapToObj(all::get).toArray(String[]::new));
        }
        int halfStored = statementsPerDocument(copy(half)).size();
        assertEquals(DOCUMENTS / 2, halfStored);
        Path db = null;
        for (int i = 0; i < INCREMENTAL_KILLS; i++) {
            db = tmp.resolve("db-" + i);
            copyTree(half, db);
            Kill kill = killedBuild(tmp, corpus, db, incremental.loadMillis(), random);
            assertWholeDocuments(kill, expectedStatements);
            assertTrue(kill.statements().size() >= halfStored, "a killed build lost documents stored before it: " + kill.description());
            kills.add("kill " + (BULK_KILLS + i + 1) + " (into a store holding " + halfStored + " documents) " + kill.description());
        }
        System.out.println("CrashSafetyIT: " + DOCUMENTS + " documents; from the first document written to the end a first build took "
                + fresh.loadMillis() + " ms, from the first commit a rebuild " + incremental.loadMillis() + " ms; " + String.join("; ", kills));
        assertFalse(kills.stream().allMatch(k -> k.contains("(already ended)")), "every kill came after the build had ended: " + kills);
        assertTrue(kills.stream().anyMatch(k -> k.contains("(into a store") && !k.contains("(already ended)")
                        && !k.endsWith(" " + halfStored + " stored")),
                "no kill came while documents were being loaded one at a time: " + kills);

        for (Path store : List.of(bulkDb, db)) {
            Process rerun = newskg(tmp, "build", corpus.toString(), "--db", store.toString());
            String out = output(rerun);
            assertEquals(0, rerun.exitValue(), out);
            DatasetGraph recovered = copy(store);
            assertTrue(IsoMatcher.isomorphic(expected, recovered), "after the kills and a full build the store differs\n" + out);
        }
    }

    @Test
    void buildWhileServingFailsAtOnceNamingTheServer() throws Exception {
        Path db = tmp.resolve("served");
        Process build = newskg(tmp, "build", "examples/news", "--db", db.toString());
        build.waitFor();
        Path examples = Path.of("examples/news").toAbsolutePath();
        Process serve = newskg(tmp, "serve", "--db", db.toString(), "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String url = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.contains("/newskg/sparql")) {
                            return line.strip();
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new AssertionError("serve ended without printing its address");
            }).get(240, TimeUnit.SECONDS);
            long start = System.nanoTime();
            Process second = newskg(tmp, "build", examples.toString(), "--db", db.toString());
            String message = output(second);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(1, second.exitValue(), message);
            assertTrue(message.contains("newskg serve") && message.contains("process " + serve.pid()) && message.contains(url),
                    message);
            assertTrue(took.toSeconds() < 60, "took " + took);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(db.resolve(StoreOption.SERVE_FILE)), "serve left its mark behind after a normal stop");
    }
}
