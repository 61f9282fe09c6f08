package org.newskg.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON-LD 1.1 of the selected RDF: every triple whose subject is a node of the selection's
 * {@link PropertyGraph}, as stored. The {@code @context} is NewsKG's published one
 * ({@code ontology/context.jsonld}, served at {@code /context.jsonld}), written inline so the file reads
 * offline; it only declares prefixes, so terms are compact IRIs ({@code nkg:speaker}).
 */
public final class JsonLdWriter {

    /** The classpath resource of the published context. */
    public static final String CONTEXT_RESOURCE = "ontology/context.jsonld";

    private JsonLdWriter() {
    }

    /** The published context document. */
    public static JsonNode context() {
        try (InputStream in = JsonLdWriter.class.getClassLoader().getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The JSON-LD context " + CONTEXT_RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The selected triples, from the union of the document graphs. */
    public static Graph selectedTriples(DatasetGraph dataset, PropertyGraph selected) {
        Graph out = GraphFactory.createDefaultGraph();
        Txn.executeRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            for (PropertyGraph.Node n : selected.nodes()) {
                union.find(NodeFactory.createURI(n.id()), Node.ANY, Node.ANY).forEachRemaining(out::add);
            }
        });
        return out;
    }

    static void write(Graph graph, OutputStream out) throws IOException {
        Map<String, String> prefixes = new LinkedHashMap<>();
        JsonNode context = context().get("@context");
        context.fields().forEachRemaining(e -> prefixes.put(e.getKey(), e.getValue().asText()));
        Map<Node, List<Triple>> bySubject = new java.util.TreeMap<>(Comparator.comparing(Node::toString));
        graph.find().forEachRemaining(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t));
        try (JsonGenerator j = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            j.setCodec(new ObjectMapper());
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeFieldName("@context");
            j.writeTree(context);
            j.writeArrayFieldStart("@graph");
            for (var s : bySubject.entrySet()) {
                j.writeStartObject();
                j.writeStringField("@id", s.getKey().isBlank() ? "_:" + s.getKey().getBlankNodeLabel() : s.getKey().getURI());
                Map<String, List<Node>> byPredicate = new java.util.TreeMap<>();
                List<String> types = new ArrayList<>();
                for (Triple t : s.getValue()) {
                    if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isURI()) {
                        types.add(compact(t.getObject().getURI(), prefixes));
                    } else {
                        byPredicate.computeIfAbsent(compact(t.getPredicate().getURI(), prefixes), k -> new ArrayList<>()).add(t.getObject());
                    }
                }
                if (!types.isEmpty()) {
                    j.writeArrayFieldStart("@type");
                    for (String t : types.stream().sorted().toList()) {
                        j.writeString(t);
                    }
                    j.writeEndArray();
                }
                for (var p : byPredicate.entrySet()) {
                    j.writeArrayFieldStart(p.getKey());
                    for (Node o : p.getValue()) {
                        value(j, o, prefixes);
                    }
                    j.writeEndArray();
                }
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
    }

    private static void value(JsonGenerator j, Node o, Map<String, String> prefixes) throws IOException {
        j.writeStartObject();
        if (o.isURI()) {
            j.writeStringField("@id", o.getURI());
        } else if (o.isBlank()) {
            j.writeStringField("@id", "_:" + o.getBlankNodeLabel());
        } else {
            j.writeStringField("@value", o.getLiteralLexicalForm());
            if (!o.getLiteralLanguage().isEmpty()) {
                j.writeStringField("@language", o.getLiteralLanguage());
            } else if (!XSD.xstring.getURI().equals(o.getLiteralDatatypeURI())) {
                j.writeStringField("@type", compact(o.getLiteralDatatypeURI(), prefixes));
            }
        }
        j.writeEndObject();
    }

    private static String compact(String iri, Map<String, String> prefixes) {
        for (var p : prefixes.entrySet()) {
            String local = iri.startsWith(p.getValue()) ? iri.substring(p.getValue().length()) : null;
            // a local part starting with "//" would read as an absolute IRI
            if (local != null && !local.isEmpty() && !local.startsWith("//")) {
                return p.getKey() + ":" + local;
            }
        }
        return iri;
    }
}
