package org.newskg.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.newskg.document.DocumentReader;
import org.newskg.query.CannedQueries;
import org.newskg.query.ResultFormat;
import org.newskg.rdf.ExtractionRun;
import org.newskg.extract.Extractor;
import org.newskg.serve.Server;
import org.newskg.store.Loader;
import org.newskg.store.Store;

/**
 * Concurrent clients on loopback against a real server: each client in turn runs a canned query (bound client-side,
 * as {@code newskg query} does against an endpoint) and a raw SPARQL query, for a fixed time. Prints throughput,
 * p50/p99 latency and errors. Not a unit test: run it by hand after {@code mvn package}:
 *
 * <pre>
 * java -cp target/newskg.jar:target/test-classes org.newskg.bench.ServeLoadBenchmark examples/news 32 60
 * </pre>
 */
public final class ServeLoadBenchmark {

    private ServeLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ServeLoadBenchmark INPUT [clients=32] [seconds=60]");
            System.exit(2);
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path dir = Files.createTempDirectory("newskg-load");
        try (Store store = Store.open(dir.resolve("db"))) {
            try (Loader loader = new Loader(store, 100)) {
                new ExtractionRun(new Extractor(), Runtime.getRuntime().availableProcessors()).run(new DocumentReader(),
                        List.of(args[0]), g -> loader.load(g.name(), g.quads()), p -> System.err.println(p));
            }
            Server server = Server.builder().store(store).port(0).localhostOnly(true).build().start();
            try {
                run(server, clients, seconds, store.documentCount());
            } finally {
                server.stop();
            }
        }
    }

    private static void run(Server server, int clients, int seconds, long documents) throws Exception {
        CannedQueries queries = CannedQueries.fromClasspath();
        List<Map.Entry<String, Map<String, String>>> canned = List.of(
                Map.entry("who-said-what", Map.of()), Map.entry("statements-by", Map.of("speaker", "Petrescu")),
                Map.entry("entities", Map.of()), Map.entry("where-said", Map.of()), Map.entry("events", Map.of()));
        String raw = "SELECT ?speaker (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/newskg/ontology#speaker> ?p . "
                + "?p <http://www.w3.org/2000/01/rdf-schema#label> ?speaker } GROUP BY ?speaker ORDER BY DESC(?n)";
        String rawUrl = server.sparqlUrl() + "?query=" + URLEncoder.encode(raw, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<Long> cannedNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> rawNanos = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int i = client;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        if (i % 2 == 0) {
                            var q = canned.get((i / 2) % canned.size());
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            queries.run(q.getKey(), q.getValue(), server.sparqlUrl(), ResultFormat.CSV, out);
                            if (out.size() == 0) {
                                throw new IllegalStateException("empty answer to " + q.getKey());
                            }
                            cannedNanos.add(System.nanoTime() - t0);
                        } else {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rawUrl))
                                    .header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException("HTTP " + r.statusCode());
                            }
                            rawNanos.add(System.nanoTime() - t0);
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 5) {
                            errorSamples.add(e.toString());
                        }
                    }
                    i++;
                }
                done.countDown();
            }, "client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        long total = cannedNanos.size() + rawNanos.size();
        System.out.printf("%d clients, %d s, %d documents: %d requests, %.1f requests/s, %d errors%n",
                clients, seconds, documents, total, total / (double) seconds, errors.get());
        report("canned", cannedNanos);
        report("raw SPARQL", rawNanos);
        List<Long> all = new ArrayList<>(cannedNanos);
        all.addAll(rawNanos);
        report("all", all);
        errorSamples.forEach(e -> System.out.println("  error: " + e));
    }

    private static void report(String name, java.util.Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            System.out.println(name + ": no requests");
            return;
        }
        System.out.printf("  %-10s %7d requests  p50 %6.1f ms  p99 %6.1f ms%n", name, sorted.length,
                sorted[(int) (sorted.length * 0.50)] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
    }
}
