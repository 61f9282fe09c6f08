package org.newskg.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newskg.document.DocumentReader;
import org.newskg.extract.Extractor;
import org.newskg.rdf.ExtractionRun;
import org.newskg.rdf.DocumentMapper;
import org.newskg.rdf.ShapesValidator;

/**
 * Cases as folders: {@code src/test/resources/golden/<case>/} holds an input article and the
 * TriG NewsKG must produce for it, compared by graph isomorphism. On a difference both graphs
 * are printed. Every output is also validated against the SHACL shapes.
 *
 * <p>To (re)write the expected files after a deliberate change, run with
 * {@code -Dgolden.update=true}, then read the diff before committing it.
 */
class GoldenCasesTest {

    static final Path CASES = Path.of("src/test/resources/golden");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesTheExpectedGraph(Path dir) throws IOException {
        Path input;
        try (Stream<Path> s = Files.list(dir)) {
            input = s.filter(p -> p.getFileName().toString().startsWith("input.")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no input.* in " + dir));
        }
        DatasetGraph actual = extract(input);

        ValidationReport report = new ShapesValidator().validate(actual);
        assertTrue(report.conforms(), () -> ShapesValidator.render(report));

        Path expectedFile = dir.resolve("expected.trig");
        if (Boolean.getBoolean("golden.update")) {
            try (OutputStream out = Files.newOutputStream(expectedFile)) {
                RDFDataMgr.write(out, actual, RDFFormat.TRIG_PRETTY);
            }
        }
        DatasetGraph expected = RDFDataMgr.loadDatasetGraph(expectedFile.toString());
        if (!IsoMatcher.isomorphic(expected, actual)) {
            fail("graphs differ for " + dir + "\n=== expected\n" + trig(expected) + "\n=== actual\n" + trig(actual));
        }
    }

    private static DatasetGraph extract(Path input) {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        ExtractionRun run = new ExtractionRun(new Extractor(), 1);
        run.run(new DocumentReader(), List.of(input.toString()),
                graph -> graph.quads().forEach(ds::add),
                problem -> fail("unexpected input problem " + problem));
        ds.prefixes().putAll(DocumentMapper.prefixes());
        return ds;
    }

    private static String trig(DatasetGraph ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, ds, RDFFormat.TRIG_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }
}
