package org.newskg.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.document.DocumentMetadata;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Entities;
import org.newskg.extract.EntityRecognizer;
import org.newskg.extract.EntityType;
import org.newskg.extract.Event;
import org.newskg.extract.EventExtractor;
import org.newskg.extract.Extractor;
import org.newskg.extract.StatementExtractor;
import org.newskg.rdf.DocumentMapper;
import org.newskg.rdf.Iris;
import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH micro-benchmarks of the hot paths beyond the linguistic layer, on one short article of our own: entity
 * recognition, statement extraction (the sentence-level loop), IRI minting and quad emission, with the linguistic
 * layer itself as the yardstick. A benchmark, not a test: run it as the README's Speed section shows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HotPathsBenchmark {

    static final String ARTICLE = """
            Harbour board approves the northern quay

            OSLO, March 3 (NewsKG) - The harbour board approved the northern quay on Monday, its chair Ingrid Solberg said.
            "We have waited eleven years for this," Solberg told reporters after the meeting in Oslo. She added that the
            first ships would dock in May. According to the Ministry of Transport, the project will cost 40 million euros.
            Karl Ode, a spokesman for the dockworkers' union, said the union welcomed the decision but warned that
            crews were still short. "Nobody asked us about the night shifts," Ode said in an interview with NRK radio.
            Officials in Bergen believe the quay will draw cargo away from their port, a city councillor said.
            Minister Anna Berg stressed on Tuesday that the state would pay half of the cost.
            """;
    static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    private final Linguistics linguistics = Linguistics.english();
    private final EntityRecognizer recognizer = new EntityRecognizer();
    private final EventExtractor events = new EventExtractor();
    private final StatementExtractor statements = new StatementExtractor();
    private final DocumentMapper mapper = new DocumentMapper("bench");
    private CleanText clean;
    private AnnotatedText annotated;
    private Entities entities;
    private List<Event> found;
    private Analysis analysis;
    private Node document;
    private List<String> keys;

    @Setup
    public void setUp() {
        SourceDocument doc = new SourceDocument("bench.txt", ARTICLE, DocumentMetadata.NONE);
        clean = CleanText.unchanged(ARTICLE);
        annotated = linguistics.annotate(clean);
        entities = recognizer.recognize(annotated, DAY);
        found = events.extract(annotated, entities, DAY);
        analysis = new Extractor().analyze(doc);
        document = Iris.document(doc);
        keys = analysis.entities().stream().map(e -> e.identityKey() != null ? e.identityKey() : e.name()).toList();
        if (analysis.statements().isEmpty() || keys.isEmpty()) {
            throw new IllegalStateException("the benchmark article gives no statements or entities");
        }
    }

    /** The yardstick: sentences, tokens, POS tags and lemmas of the article. */
    @Benchmark
    public AnnotatedText linguisticLayer() {
        return linguistics.annotate(clean);
    }

    @Benchmark
    public Entities entityRecognition() {
        return recognizer.recognize(annotated, DAY);
    }

    /** Statement extraction over every sentence of the article: the sentence-level loop. */
    @Benchmark
    public Object statementExtraction() {
        return statements.extract(annotated, entities, found, DAY);
    }

    /** Minting the IRIs of every entity and a mention IRI for each: done for every fact written. */
    @Benchmark
    public void iriMinting(Blackhole hole) {
        int offset = 0;
        for (String key : keys) {
            hole.consume(Iris.entity(EntityType.PERSON, key));
            hole.consume(Iris.mention(document, offset, offset + key.length()));
            offset += 7;
        }
    }

    /** Emitting the quads of the whole analysis into a sink that only counts them. */
    @Benchmark
    public long quadEmission() {
        long[] count = {0};
        mapper.map(analysis, new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                count[0]++;
            }

            @Override
            public void triple(Triple triple) {
                count[0]++;
            }
        });
        return count[0];
    }
}
