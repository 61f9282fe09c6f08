package org.newskg.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.system.Txn;

/**
 * Checks NewsKG output against the SHACL shapes in {@code ontology/shapes.ttl}, which ship in the
 * jar and are parsed once per process.
 *
 * <pre>{@code
 * ShapesValidator validator = new ShapesValidator();
 * ValidationReport report = validator.validate(dataset);        // every document graph of a store
 * if (!report.conforms()) {
 *     System.err.print(ShapesValidator.render(report));
 * }
 * }</pre>
 */
public final class ShapesValidator {

    /** Where the shapes are on the classpath. */
    public static final String SHAPES_RESOURCE = "/ontology/shapes.ttl";

    private static final class Holder {
        static final Shapes SHAPES = load();
    }

    private final Shapes shapes;

    /** A validator with NewsKG's shapes. */
    public ShapesValidator() {
        this(Holder.SHAPES);
    }

    /** A validator with other shapes, for instance a stricter local profile. */
    public ShapesValidator(Shapes shapes) {
        if (shapes == null) {
            throw new IllegalArgumentException("shapes are required");
        }
        this.shapes = shapes;
    }

    /** NewsKG's shapes, as parsed from {@link #SHAPES_RESOURCE}. */
    public static Shapes shapes() {
        return Holder.SHAPES;
    }

    /** Validates one graph, for instance one document graph. */
    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, data);
    }

    /**
     * Validates every named graph of {@code dataset} on its own and merges the results, inside a read
     * transaction unless the caller already holds one. A document graph is self-contained (it
     * describes every entity, role and agent it points at), so this checks the same as
     * {@link #validateUnion(DatasetGraph)} for NewsKG output, and is several times faster.
     * The default graph is checked too when it is not empty.
     */
    public ValidationReport validate(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            ValidationReport.Builder merged = ValidationReport.create();
            merged.addPrefixes(Prefixes.adapt(DocumentMapper.prefixes()));
            Iterator<Node> graphs = dataset.listGraphNodes();
            while (graphs.hasNext()) {
                validate(dataset.getGraph(graphs.next())).getEntries().forEach(merged::addReportEntry);
            }
            if (!dataset.getDefaultGraph().isEmpty()) {
                validate(dataset.getDefaultGraph()).getEntries().forEach(merged::addReportEntry);
            }
            return merged.build();
        });
    }

    /**
     * Validates the union of the named graphs of {@code dataset} as one graph: slower, but it also
     * sees statements that other tools added about NewsKG nodes in graphs of their own.
     */
    public ValidationReport validateUnion(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> validate(dataset.getUnionGraph()));
    }

    /** One result of a report, with nodes and path written in NewsKG's prefixes. */
    public record Violation(String severity, String focusNode, String path, String value, String message,
                            String constraint) {

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            s.append(severity).append(' ').append(focusNode);
            if (path != null) {
                s.append(' ').append(path);
            }
            if (value != null) {
                s.append(" = ").append(value);
            }
            s.append(": ").append(message).append(" [").append(constraint).append(']');
            return s.toString();
        }
    }

    /** The results of {@code report}, sorted by focus node and path so output is stable. */
    public static List<Violation> violations(ValidationReport report) {
        PrefixMap prefixes = DocumentMapper.prefixes();
        prefixes.add("sh", "http://www.w3.org/ns/shacl#");
        Prologue prologue = new Prologue(Prefixes.adapt(prefixes));
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            out.add(new Violation(
                    e.severity() == null ? "Violation" : e.severity().level().getLocalName(),
                    str(e.focusNode(), prefixes),
                    e.resultPath() == null ? null : PathWriter.asString(e.resultPath(), prologue),
                    e.value() == null ? null : abbreviate(str(e.value(), prefixes)),
                    e.message(),
                    str(e.sourceConstraintComponent(), prefixes)));
        }
        out.sort(Comparator.comparing(Violation::focusNode)
                .thenComparing(v -> v.path() == null ? "" : v.path())
                .thenComparing(Violation::message));
        return out;
    }

    /** A readable listing, one violation a line, ending with a count; "Conforms." when there is nothing to say. */
    public static String render(ValidationReport report) {
        if (report.conforms()) {
            return "Conforms." + System.lineSeparator();
        }
        StringBuilder s = new StringBuilder();
        List<Violation> all = violations(report);
        for (Violation v : all) {
            s.append(v).append(System.lineSeparator());
        }
        s.append(all.size()).append(all.size() == 1 ? " violation" : " violations").append(System.lineSeparator());
        return s.toString();
    }

    private static String str(Node node, PrefixMap prefixes) {
        return node == null ? null : NodeFmtLib.str(node, prefixes);
    }

    /** A document's whole text as a value would drown the report. */
    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static Shapes load() {
        try (InputStream in = ShapesValidator.class.getResourceAsStream(SHAPES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SHAPES_RESOURCE + " is not on the classpath");
            }
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            return Shapes.parse(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
