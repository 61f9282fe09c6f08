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

    public ExtractionRun(Extractor extractor, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.extractor = extractor;
        this.threads = threads;
    }

    /** One document's graph: its name (the document IRI) and its quads, with counts for reporting. */
    public record DocumentGraph(SourceDocument document, Node name, List<Quad> quads, int statements, int mentions) {
    }

    /** What a run did. */
    public record Summary(int documents, int problems, long quads, int statements) {
    }

    public Summary run(DocumentReader reader, List<String> inputs, Consumer<DocumentGraph> graphs,
                       Consumer<InputProblem> problems) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
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
                    inFlight.add(new Pending(doc, pool.submit(() -> toGraph(doc))));
                    while (inFlight.size() > window) {
                        deliver(inFlight.poll(), graphs, problems, counts);
                    }
                }

                @Override
                public void problem(InputProblem problem) {
                    counts.problems++;
                    problems.accept(problem);
                }
            });
            while (!inFlight.isEmpty()) {
                deliver(inFlight.poll(), graphs, problems, counts);
            }
        } finally {
            inFlight.forEach(p -> p.future.cancel(true));
            pool.shutdownNow();
        }
        return new Summary(counts.documents, counts.problems, counts.quads, counts.statements);
    }

    private record Pending(SourceDocument document, Future<DocumentGraph> future) {
    }

    private static final class Counts {
        int documents;
        int problems;
        long quads;
        int statements;
    }

    private static void deliver(Pending pending, Consumer<DocumentGraph> graphs, Consumer<InputProblem> problems,
                                Counts counts) {
        DocumentGraph graph;
        try {
            graph = pending.future.get();
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
