package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.document.DocumentMetadata;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Entity;
import org.newskg.extract.EntityType;
import org.newskg.extract.Mention;
import org.newskg.extract.Statement;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;

/** Validation of a real TDB2 store holding several document graphs that share entities. */
class StoreValidationTest {

    @TempDir
    Path dir;

    /** A second article naming the same person with a different fullest name: two labels in the union. */
    private static Analysis another() {
        String t = "Varga said on Friday that more ferries were planned.";
        SourceDocument doc = new SourceDocument("news/more.txt", t, DocumentMetadata.NONE);
        return new Analysis(doc, Linguistics.english().annotate(CleanText.unchanged(t)),
                List.of(new Entity("v", EntityType.PERSON, "Varga", "tomas varga", List.of("Varga"), null)),
                List.of(new Mention(Articles.span(t, "Varga"), "Varga", "v", Mention.Kind.NAME, null, 0.6)),
                List.of(),
                List.of(new Statement(Statement.Kind.INDIRECT_SPEECH, Articles.span(t, "more ferries were planned"),
                        Articles.span(t, "said"), "say", Articles.span(t, "Varga"), "v", null, null, null, 0.7)),
                List.of());
    }

    @Test
    void unionOfDocumentGraphsInTdb2Conforms() {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            Txn.executeWrite(store, () -> {
                StreamRDF out = StreamRDFLib.dataset(store);
                DocumentMapper mapper = new DocumentMapper("9.9.9-test");
                for (Analysis a : List.of(Articles.ferry(), Articles.mini(), another())) {
                    mapper.map(a, out);
                }
            });
            ShapesValidator validator = new ShapesValidator();
            ValidationReport report = validator.validate(store);
            assertTrue(report.conforms(), () -> ShapesValidator.render(report));
            ValidationReport union = validator.validateUnion(store);
            assertTrue(union.conforms(), () -> ShapesValidator.render(union));
            Txn.executeRead(store, () -> {
                assertEquals(3, org.apache.jena.atlas.iterator.Iter.count(store.listGraphNodes()));
                Node varga = Iris.entity(EntityType.PERSON, "tomas varga");
                assertEquals(2, store.getUnionGraph().find(varga, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY)
                        .toList().size(), "each document keeps its own view of the label");
            });

            // a statement that lost its cue in the store is reported, inside the caller's transaction too
            Node doc = Iris.document(another().document());
            Txn.executeWrite(store, () -> store.deleteAny(doc, Iris.statement(doc, 1), NKG.cue.asNode(), Node.ANY));
            ValidationReport broken = Txn.calculateRead(store, () -> validator.validate(store));
            assertFalse(broken.conforms());
            assertEquals(1, ShapesValidator.violations(broken).size(), () -> ShapesValidator.render(broken));
            ValidationReport brokenUnion = validator.validateUnion(store);
            assertEquals(ShapesValidator.violations(broken), ShapesValidator.violations(brokenUnion));
        } finally {
            store.close();
        }
    }
}
