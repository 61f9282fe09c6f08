package org.newskg.rdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.document.DocumentReader;
import org.newskg.document.DocumentSink;
import org.newskg.document.InputError;
import org.newskg.document.InputProblem;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Extractor;
import org.newskg.extract.StageTimes;

/**
 * Reads documents, analyses them on every core and maps each to the quads of its named graph,
 * handing the graphs to a consumer one at a time, in input order.
 *
 * <p>At most {@code window} documents are in flight, so memory stays flat however many
 * documents pass. A document whose analysis fails becomes an {@link InputProblem}
 * ({@link InputError#EXTRACTION_FAILED}) and the run goes on, unless the problem consumer throws (strict mode).
 *
 * <pre>{@code
 * ExtractionRun run = new ExtractionRun(new Extractor(), Runtime.getRuntime().availableProcessors());
 * run.run(new DocumentReader(), List.of("news/"), graph -> store.replaceDocument(graph.name(), graph.quads()),
 *         problem -> System.err.println(problem));
 * }</pre>
 */
public final class ExtractionRun {

    private final Extractor extractor;
    private final DocumentMapper mapper = new DocumentMapper();
    private final int threads;
    private final java.time.Duration budget;

    /** The time one document's analysis may take unless told otherwise. */
    public static final java.time.Duration DEFAULT_BUDGET = java.time.Duration.ofMinutes(2);

    public ExtractionRun(Extractor extractor, int threads) {
        this(extractor, threads, DEFAULT_BUDGET);
    }

    /**
     * A run whose documents each get {@code budget} of analysis time, counted from when the run waits for that
     * document; one over budget is reported ({@link InputError#OVER_TIME_BUDGET}) and skipped.
     */
    public ExtractionRun(Extractor extractor, int threads, java.time.Duration budget) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the time budget per document must be positive, got " + budget);
        }
        this.extractor = extractor;
        this.threads = threads;
        this.budget = budget;
    }

    /** One document's graph: its name (the document IRI) and its quads, with counts for reporting. */
    public record DocumentGraph(SourceDocument document, Node name, List<Quad> quads, int statements, int mentions) {
    }

    /** What a run did. */
    public record Summary(int documents, int problems, long quads, int statements) {
    }

    public Summary run(DocumentReader reader, List<String> inputs, Consumer<DocumentGraph> graphs,
                       Consumer<InputProblem> problems) {
        java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor) Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newskg-extract");
            t.setDaemon(true);
            return t;
        });
        Deque<Pending> inFlight = new ArrayDeque<>();
        int window = threads * 4;
        Counts counts = new Counts();
        try {
            reader.read(inputs, new DocumentSink() {
                @Override
                public void document(SourceDocument doc) {
                    java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
                    inFlight.add(new Pending(doc, started, pool.submit(() -> {
                        started.set(System.nanoTime());
                        return toGraph(doc);
                    })));
                    while (inFlight.size() > window) {
                        deliver(inFlight.poll(), graphs, problems, counts, pool);
                    }
                }

                @Override
                public void problem(InputProblem problem) {
                    counts.problems++;
                    problems.accept(problem);
                }
            });
            while (!inFlight.isEmpty()) {
                deliver(inFlight.poll(), graphs, problems, counts, pool);
            }
        } finally {
            inFlight.forEach(p -> p.future.cancel(true));
            pool.shutdownNow();
        }
        return new Summary(counts.documents, counts.problems, counts.quads, counts.statements);
    }

    /** A submitted document; {@code started} is the worker's start time in nanoseconds, 0 while it waits for a thread. */
    private record Pending(SourceDocument document, java.util.concurrent.atomic.AtomicLong started, Future<DocumentGraph> future) {
    }

    private static final class Counts {
        int documents;
        int problems;
        long quads;
        int statements;
    }

    /** The document's graph, waiting at most the budget from the moment its analysis started; null when over budget. */
    private DocumentGraph await(Pending pending) throws InterruptedException, ExecutionException {
        long budgetNanos = budget.toNanos();
        while (true) {
            long started = pending.started.get();
            long wait = started == 0 ? budgetNanos : started + budgetNanos - System.nanoTime();
            if (started != 0 && wait <= 0) {
                return pending.future.isDone() ? pending.future.get() : null;
            }
            try {
                // while it waits for a thread, look again every second for when it started
                return pending.future.get(started == 0 ? Math.min(wait, 1_000_000_000L) : wait,
                        java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // loop: either it has started since, or its budget is checked again
            }
        }
    }

    private void deliver(Pending pending, Consumer<DocumentGraph> graphs, Consumer<InputProblem> problems,
                         Counts counts, java.util.concurrent.ThreadPoolExecutor pool) {
        DocumentGraph graph;
        try {
            graph = await(pending);
            if (graph == null) {
                throw new java.util.concurrent.TimeoutException();
            }
        } catch (java.util.concurrent.TimeoutException e) {
            // The worker is interrupted. Analysis code that ignores interrupts runs on to its end on a daemon
            // thread whose result is dropped; the pool gets one more thread so the other documents keep their pace.
            if (pending.future.cancel(true)) {
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                pool.setCorePoolSize(pool.getCorePoolSize() + 1);
            }
            counts.problems++;
            problems.accept(InputError.OVER_TIME_BUDGET.at(pending.document.source(), null,
                    "analysis took longer than its budget of " + budget.toSeconds() + " s; skipped"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + pending.document.source(), e);
        } catch (ExecutionException e) {
            counts.problems++;
            Throwable cause = e.getCause();
            problems.accept(InputError.EXTRACTION_FAILED.at(pending.document.source(), null, "analysis failed: " + cause));
            return;
        }
        graphs.accept(graph);
        counts.documents++;
        counts.quads += graph.quads().size();
        counts.statements += graph.statements();
    }

    /** Analyses and maps one document; runs on a worker thread. */
    public DocumentGraph toGraph(SourceDocument doc) {
        Analysis analysis = extractor.analyze(doc);
        long mapping = System.nanoTime();
        Node name = Iris.document(doc);
        List<Quad> quads = new ArrayList<>();
        mapper.map(analysis, new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }

            @Override
            public void triple(Triple triple) {
                quads.add(Quad.create(name, triple));
            }
        });
        if (extractor.times() != null) {
            extractor.times().lap(StageTimes.Stage.RDF, mapping);
        }
        return new DocumentGraph(doc, name, quads, analysis.statements().size(), analysis.mentions().size());
    }
}
