package org.newskg.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.document.DocumentMetadata;
import org.newskg.document.DocumentReader;
import org.newskg.document.DocumentReaderTest;
import org.newskg.document.InputProblem;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Extractor;
import org.newskg.rdf.DocumentMapper;
import org.newskg.rdf.NIF;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets. In a plain test run each target replays its kept inputs (the folders under
 * {@code src/test/resources/org/newskg/fuzz/ExtractionFuzzTestInputs/}), so a crash found once stays a regression
 * case. To fuzz one target for its time budget: {@code JAZZER_FUZZ=1 mvn -o test -Dtest=ExtractionFuzzTest#documentReader}.
 * A crash is any exception escaping the reader (bad input must become an {@link InputProblem}), any exception from
 * the extractors, a span whose anchor is not its code-point substring, or a run over the time budget.
 */
class ExtractionFuzzTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final DocumentMapper MAPPER = new DocumentMapper("fuzz");
    private static final String[] KINDS = {".txt", ".html", ".jsonl"};
    private static Path dir;

    private static Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("newskg-fuzz");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    @FuzzTest(maxDuration = "60s")
    void documentReader(FuzzedDataProvider data) throws IOException {
        String kind = KINDS[data.consumeInt(0, KINDS.length - 1)];
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = dir().resolve("input" + kind);
        Files.write(file, bytes);
        DocumentReaderTest.Collected collected = new DocumentReaderTest.Collected();
        new DocumentReader(1 << 16).read(List.of(file.toString()), collected);
        List<SourceDocument> documents = collected.documents;
        List<InputProblem> problems = collected.problems;
        for (InputProblem p : problems) {
            assertTrue(p.toString().matches("(?s)NKG-E\\d{3} .*"), p.toString());
        }
        for (SourceDocument d : documents) {
            assertNotNull(d.text());
            assertTrue(!d.text().isBlank(), "a blank document was delivered instead of NKG-E102");
            // one leading BOM is removed (contract); a second U+FEFF after it is text, and stays
            boolean oneBom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                    && !(bytes.length >= 6 && (bytes[3] & 0xFF) == 0xEF && (bytes[4] & 0xFF) == 0xBB && (bytes[5] & 0xFF) == 0xBF);
            if (kind.equals(".txt") && oneBom) {
                assertTrue(d.text().isEmpty() || d.text().charAt(0) != '\uFEFF', "the BOM was kept");
            }
        }
        assertTrue(!documents.isEmpty() || !problems.isEmpty(), "neither a document nor a problem");
    }

    @FuzzTest(maxDuration = "60s")
    void extractors(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        if (text.isBlank() || text.length() > 4000) {
            return;
        }
        SourceDocument doc = new SourceDocument("fuzz.txt", text, DocumentMetadata.NONE);
        Analysis analysis = EXTRACTOR.analyze(doc);
        int[] codePoints = text.codePoints().toArray();
        Map<Node, Map<String, Node>> spans = new HashMap<>();
        MAPPER.map(analysis, new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                record(t.getSubject(), t.getPredicate(), t.getObject());
            }

            @Override
            public void quad(Quad q) {
                record(q.getSubject(), q.getPredicate(), q.getObject());
            }

            private void record(Node s, Node p, Node o) {
                if (p.equals(NIF.beginIndex.asNode()) || p.equals(NIF.endIndex.asNode()) || p.equals(NIF.anchorOf.asNode())) {
                    spans.computeIfAbsent(s, k -> new HashMap<>()).put(p.getURI(), o);
                }
            }
        });
        for (var e : spans.entrySet()) {
            Map<String, Node> span = e.getValue();
            int begin = Integer.parseInt(span.get(NIF.beginIndex.getURI()).getLiteralLexicalForm());
            int end = Integer.parseInt(span.get(NIF.endIndex.getURI()).getLiteralLexicalForm());
            String anchor = span.get(NIF.anchorOf.getURI()).getLiteralLexicalForm();
            assertTrue(0 <= begin && begin <= end && end <= codePoints.length, e.getKey() + " [" + begin + "," + end + ")");
            assertEquals(new String(codePoints, begin, end - begin), anchor, e.getKey().toString());
        }
    }
}
