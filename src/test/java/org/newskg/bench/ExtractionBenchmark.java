package org.newskg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.newskg.document.DocumentReader;
import org.newskg.document.DocumentSink;
import org.newskg.document.InputProblem;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Extractor;
import org.newskg.rdf.ExtractionRun;
import org.newskg.text.Cleaner;
import org.newskg.text.Linguistics;

/**
 * Documents per second through extraction and RDF mapping, on every core, with the linguistic
 * layer alone timed on one core for comparison. Not a unit test: run it by hand after
 * {@code mvn package}:
 *
 * <pre>
 * java -cp target/newskg.jar:target/test-classes org.newskg.bench.ExtractionBenchmark ../shared/corpora/polnear/train/text
 * </pre>
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ExtractionBenchmark DIR [threads]");
            System.exit(2);
        }
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<SourceDocument> docs = new ArrayList<>();
        new DocumentReader().read(List.of(args[0]), new DocumentSink() {
            @Override
            public void document(SourceDocument doc) {
                docs.add(doc);
            }

            @Override
            public void problem(InputProblem problem) {
                System.err.println(problem);
            }
        });
        long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
        System.out.printf("%d documents, %.1f MB of text, %d threads%n", docs.size(), chars / 1e6, threads);

        // warm up the JIT and load the models
        ExtractionRun run = new ExtractionRun(new Extractor(), threads);
        docs.stream().limit(50).forEach(run::toGraph);

        Cleaner cleaner = new Cleaner();
        long t0 = System.nanoTime();
        for (SourceDocument d : docs) {
            Linguistics.english().annotate(cleaner.clean(d.text()));
        }
        double linguistic = (System.nanoTime() - t0) / 1e9;

        AtomicLong quads = new AtomicLong();
        long t1 = System.nanoTime();
        run.run(new DocumentReader(), List.of(args[0]), g -> quads.addAndGet(g.quads().size()), p -> { });
        double full = (System.nanoTime() - t1) / 1e9;

        System.out.printf("linguistic layer alone, 1 thread: %.1f s, %.1f docs/s%n", linguistic, docs.size() / linguistic);
        System.out.printf("full extraction + RDF, %d threads: %.1f s, %.1f docs/s, %d quads%n",
                threads, full, docs.size() / full, quads.get());
    }
}
