package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newskg.document.DocumentReader;
import org.newskg.document.DocumentSink;
import org.newskg.document.InputProblem;
import org.newskg.document.SourceDocument;

/**
 * Runs the full extractor (the path {@code build} takes, without the store) over the PolNeAR texts and writes
 * {@code target/eval/polnear-<split>.csv} in the who-said-what format, for
 * {@code ../shared/eval/score_attribution.py}: a quick loop for developing statement extraction. Speakers are
 * written as entity keys, not IRIs; the scorer reads spans only. System property {@code speech.splits}
 * (default {@code train,dev}) and {@code speech.every} (take every n-th document, default 1).
 */
@Tag("eval")
class SpeechEvalHarness {

    private static final Path CORPUS = Path.of("../shared/corpora/polnear");
    private static final String HEADER = "source,document,speaker,speaker_label,speaker_type,speaker_begin,speaker_end,cue,"
            + "cue_begin,cue_end,statement,begin,end,direct,venue,venue_label,place_label,date,kind,confidence";

    @Test
    void writesWhoSaidWhat() throws Exception {
        Extractor extractor = new Extractor();
        int every = Integer.parseInt(System.getProperty("speech.every", "1"));
        for (String split : System.getProperty("speech.splits", "train,dev").split(",")) {
            List<SourceDocument> all = new ArrayList<>();
            new DocumentReader().read(List.of(CORPUS.resolve(split).resolve("text").toString()), new DocumentSink() {
                @Override
                public void document(SourceDocument document) {
                    all.add(document);
                }

                @Override
                public void problem(InputProblem problem) {
                    throw new IllegalStateException(problem.toString());
                }
            });
            List<SourceDocument> documents = new ArrayList<>();
            for (int k = 0; k < all.size(); k += every) {
                documents.add(all.get(k));
            }
            Path out = Path.of("target/eval/polnear-" + split + ".csv");
            Files.createDirectories(out.getParent());
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            int rows = 0;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write(HEADER + "\n");
                List<Future<Analysis>> analyses = new ArrayList<>();
                for (SourceDocument d : documents) {
                    analyses.add(pool.submit(() -> extractor.analyze(d)));
                }
                for (Future<Analysis> f : analyses) {
                    Analysis a = get(f);
                    for (Statement st : a.statements()) {
                        w.write(row(a, st));
                        rows++;
                    }
                }
            } finally {
                pool.shutdown();
            }
            System.out.printf("polnear %s: %d documents, %d statements, %.1f s%n",
                    split, documents.size(), rows, (System.nanoTime() - t0) / 1e9);
            assertTrue(rows > 0, "no statements found in " + split);
        }
    }

    private static Analysis get(Future<Analysis> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static String row(Analysis a, Statement s) {
        String text = a.document().text();
        String source = a.document().source();
        String venueLabel = s.venue() == null ? "" : a.event(s.venue()).map(Event::label).orElse("");
        String speakerType = s.speaker() == null ? "" : a.entity(s.speaker()).map(e -> e.type().label()).orElse("");
        return String.join(",",
                csv(source), csv(source), csv(s.speaker()), csv(s.speakerSpan() == null ? null : s.speakerSpan().of(text)),
                csv(speakerType), cp(a, s.speakerSpan(), true), cp(a, s.speakerSpan(), false),
                csv(s.cueLemma()), cp(a, s.cue(), true), cp(a, s.cue(), false),
                csv(s.content().of(text)), cp(a, s.content(), true), cp(a, s.content(), false),
                String.valueOf(s.kind().direct()), csv(s.venue()), csv(venueLabel), csv(s.place()),
                s.date() == null ? "" : s.date().toString(), s.kind().name(), String.valueOf(s.confidence())) + "\n";
    }

    private static String cp(Analysis a, org.newskg.text.Span span, boolean begin) {
        if (span == null) {
            return "";
        }
        return String.valueOf(a.document().codePointOffset(begin ? span.begin() : span.end()));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
