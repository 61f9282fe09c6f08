package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.newskg.extract.Analysis;

/** Broken graphs must not conform, and the report must say where and why. */
class ShapesValidatorTest {

    private final Analysis mini = Articles.mini();
    private final Node doc = Iris.document(mini.document());
    private final Node statement = Iris.statement(doc, 1);

    /** The mini article's document graph after {@code damage}; conforming before it. */
    private Graph broken(Consumer<Graph> damage) {
        DatasetGraph dsg = DocumentMapperTest.map(mini);
        Graph g = dsg.getGraph(doc);
        assertTrue(new ShapesValidator().validate(g).conforms(), "undamaged graph must conform");
        damage.accept(g);
        return g;
    }

    private static List<ShapesValidator.Violation> violations(Graph g) {
        ValidationReport report = new ShapesValidator().validate(g);
        assertFalse(report.conforms(), "a broken graph conformed");
        return ShapesValidator.violations(report);
    }

    private static void set(Graph g, Node s, org.apache.jena.rdf.model.Property p, Node o) {
        g.remove(s, p.asNode(), Node.ANY);
        g.add(s, p.asNode(), o);
    }

    @Test
    void statementWithoutCue() {
        Graph g = broken(x -> x.remove(statement, NKG.cue.asNode(), Node.ANY));
        List<ShapesValidator.Violation> v = violations(g);
        assertEquals(1, v.size(), v::toString);
        assertEquals("nkg:cue", v.get(0).path());
        assertTrue(v.get(0).focusNode().endsWith("#statement-1>"), v.get(0).focusNode());
        assertTrue(v.get(0).constraint().contains("MinCount"), v.get(0).toString());
    }

    @Test
    void anchorThatIsNotTheTextAtTheOffsets() {
        // off by one, as a UTF-16 offset would be after the emoji
        Graph g = broken(x -> {
            set(x, statement, NIF.beginIndex, NodeFactory.createLiteralDT("21", XSDDatatype.XSDnonNegativeInteger));
            set(x, statement, NIF.endIndex, NodeFactory.createLiteralDT("43", XSDDatatype.XSDnonNegativeInteger));
        });
        List<ShapesValidator.Violation> v = violations(g);
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).message().contains("code points"), v.get(0).toString());
    }

    @Test
    void endBeforeBegin() {
        Graph g = broken(x -> set(x, statement, NIF.endIndex,
                NodeFactory.createLiteralDT("3", XSDDatatype.XSDnonNegativeInteger)));
        assertTrue(violations(g).stream().anyMatch(v -> v.constraint().contains("LessThanOrEquals")));
    }

    @Test
    void confidenceOutOfRangeOrUntyped() {
        Graph g = broken(x -> set(x, statement, NKG.confidence, NodeFactory.createLiteralDT("1.5", XSDDatatype.XSDdouble)));
        assertTrue(violations(g).stream().anyMatch(v -> v.constraint().contains("MaxInclusive")));
        Graph h = broken(x -> set(x, statement, NKG.confidence, NodeFactory.createLiteralDT("0.5", XSDDatatype.XSDdecimal)));
        assertTrue(violations(h).stream().anyMatch(v -> v.constraint().contains("Datatype")));
    }

    @Test
    void directThatContradictsTheKind() {
        Graph g = broken(x -> set(x, statement, NKG.direct, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        assertTrue(violations(g).stream().anyMatch(v -> v.message().contains("nkg:direct")));
    }

    @Test
    void sourceMentionThatContradictsTheSpeaker() {
        Graph g = broken(x -> set(x, statement, NKG.speaker, Iris.entity(org.newskg.extract.EntityType.PERSON, "someone else")));
        // the new speaker has no type or label either: both shapes speak up
        List<ShapesValidator.Violation> v = violations(g);
        assertTrue(v.stream().anyMatch(x -> x.message().contains("refer to its nkg:speaker")), v::toString);
        assertTrue(v.stream().anyMatch(x -> "rdfs:label".equals(x.path())), v::toString);
    }

    @Test
    void generatedNodeWithoutProvenanceAndEntityWithoutType() {
        Node person = Iris.entity(org.newskg.extract.EntityType.PERSON, "lena park");
        Graph g = broken(x -> {
            x.remove(statement, PROV.wasGeneratedBy.asNode(), Node.ANY);
            x.remove(person, RDF.type.asNode(), Node.ANY);
        });
        List<ShapesValidator.Violation> v = violations(g);
        assertTrue(v.stream().anyMatch(x -> "prov:wasGeneratedBy".equals(x.path())), v::toString);
        assertTrue(v.stream().anyMatch(x -> "rdf:type".equals(x.path()) && x.focusNode().contains("lena-park")), v::toString);
    }

    @Test
    void documentWithoutSource() {
        Graph g = broken(x -> x.remove(doc, NKG.source.asNode(), Node.ANY));
        assertTrue(violations(g).stream().anyMatch(v -> "nkg:source".equals(v.path())));
    }

    @Test
    void renderListsEveryViolationOnALine() {
        Graph g = broken(x -> {
            x.remove(statement, NKG.cue.asNode(), Node.ANY);
            x.remove(statement, NKG.statementKind.asNode(), Node.ANY);
        });
        String text = ShapesValidator.render(new ShapesValidator().validate(g));
        assertTrue(text.contains("nkg:cue") && text.contains("nkg:statementKind"), text);
        assertTrue(text.strip().endsWith("2 violations"), text);
        assertEquals("Conforms.", ShapesValidator.render(new ShapesValidator().validate(DocumentMapperTest.map(mini))).strip());
    }
}
