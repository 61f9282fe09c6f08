package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.newskg.extract.Analysis;

/** Cases as folders: {@code rdf/golden/CASE/expected.trig}, compared with the mapper's output by isomorphism. */
class GoldenTest {

    private static DatasetGraph expected(String name) throws Exception {
        String resource = "/rdf/golden/" + name + "/expected.trig";
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = GoldenTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is missing");
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        }
        return dsg;
    }

    private static String trig(DatasetGraph dsg) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFDataMgr.write(bytes, dsg, RDFFormat.TRIG_PRETTY);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void check(String name, Analysis analysis) throws Exception {
        DatasetGraph expected = expected(name);
        ValidationReport report = new ShapesValidator().validate(expected);
        assertTrue(report.conforms(), () -> name + ": expected.trig breaks the shapes\n" + ShapesValidator.render(report));
        DatasetGraph actual = DocumentMapperTest.map(analysis);
        assertTrue(IsoMatcher.isomorphic(expected, actual),
                () -> name + ": output differs from expected.trig\n--- expected\n" + trig(expected)
                        + "\n--- actual\n" + trig(actual));
    }

    @Test
    void indirectSpeechAfterEmoji() throws Exception {
        check("indirect-speech-after-emoji", Articles.mini());
    }

    @Test
    void interviewWithRoleAndCreatedSource() throws Exception {
        check("interview-with-role-and-created-source", Articles.clinics());
    }
}
