package org.newskg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.newskg.rdf.NKG;

/**
 * GraphML (yEd, Gephi, Cytoscape) and GEXF 1.2 (Gephi, with a timeline over statement dates). GEXF 1.2 rather than
 * 1.3: Gephi, NetworkX, graphology and JGraphT all read it, and its published schema is at hand to validate it.
 */
final class XmlGraphWriter {

    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    static final String GEXF_NS = "http://www.gexf.net/1.2draft";

    private XmlGraphWriter() {
    }

    static void graphml(PropertyGraph g, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("graphml");
            x.writeDefaultNamespace(GRAPHML_NS);
            x.writeCharacters("\n");
            key(x, "n_iri", "node", "iri", PropertyGraph.Type.STRING);
            for (var k : PropertyGraph.NODE_KEYS.entrySet()) {
                key(x, "n_" + k.getKey(), "node", k.getKey(), k.getValue());
            }
            key(x, "e_id", "edge", "id", PropertyGraph.Type.STRING);
            for (var k : PropertyGraph.EDGE_KEYS.entrySet()) {
                key(x, "e_" + k.getKey(), "edge", k.getKey(), k.getValue());
            }
            x.writeStartElement("graph");
            x.writeAttribute("id", "newskg");
            x.writeAttribute("edgedefault", "directed");
            x.writeCharacters("\n");
            for (PropertyGraph.Node n : g.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", graphmlId(n.id()));
                data(x, "n_", Map.of("iri", n.id()));
                data(x, "n_", n.attributes());
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            for (PropertyGraph.Edge e : g.edges()) {
                x.writeStartElement("edge");
                x.writeAttribute("id", graphmlId(e.id()));
                x.writeAttribute("source", graphmlId(e.source()));
                x.writeAttribute("target", graphmlId(e.target()));
                data(x, "e_", Map.of("id", e.id()));
                data(x, "e_", e.attributes());
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("GraphML: " + e.getMessage(), e);
        }
    }

    /**
     * A GraphML id for an IRI. GraphML ids are XML name tokens, which cannot hold {@code /} or {@code #}, so the
     * IRI is written reversibly: NewsKG's own IRIs as {@code nkg:} and the rest of the path, others as
     * {@code iri:} and the whole IRI; {@code /} becomes {@code :}, letters, digits, {@code .} and {@code -} stay,
     * and every other character is {@code _} with the hex of its UTF-8 bytes. The same IRI always gives the same
     * id, so a re-export merges in yEd or Gephi; the IRI itself is the node's {@code iri} attribute. Edge ids
     * ({@code source TYPE target}) are spelled the same way, with the plain id as the edge's {@code id} attribute.
     *
     * <pre>{@code
     * graphmlId("https://w3id.org/newskg/id/doc/3f2a#statement-1")   // nkg:doc:3f2a_23statement-1
     * }</pre>
     */
    static String graphmlId(String iri) {
        boolean ours = iri.startsWith(NKG.ID);
        StringBuilder b = new StringBuilder(ours ? "nkg:" : "iri:");
        for (byte c : (ours ? iri.substring(NKG.ID.length()) : iri).getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
                b.append((char) c);
            } else if (c == '/') {
                b.append(':');
            } else {
                b.append('_').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    /** The IRI (or edge id) a {@link #graphmlId} spells: its inverse. */
    static String fromGraphmlId(String id) {
        String base = id.startsWith("nkg:") ? NKG.ID : id.startsWith("iri:") ? "" : null;
        if (base == null) {
            throw new IllegalArgumentException("not a NewsKG GraphML id: " + id);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 4; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ':') {
                bytes.write('/');
            } else if (c == '_') {
                bytes.write(Integer.parseInt(id.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return base + bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Text as XML 1.0 can hold it. The document reader lets vertical tab, form feed and escape through (they occur in
     * pasted text), but XML cannot carry them even as character references, so they become U+FFFD here; offsets
     * are attributes of their own and stay exact.
     */
    static String xml(String text) {
        if (text.codePoints().allMatch(XmlGraphWriter::isXmlChar)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(isXmlChar(c) ? c : 0xFFFD));
        return b.toString();
    }

    /** The characters of XML 1.0 (its production Char); a lone surrogate is not one. */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static void key(XMLStreamWriter x, String id, String domain, String name, PropertyGraph.Type type) throws XMLStreamException {
        x.writeEmptyElement("key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", domain);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", switch (type) {
            case STRING -> "string";
            case INT -> "int";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
        });
        x.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter x, String prefix, Map<String, Object> attributes) throws XMLStreamException {
        for (var a : attributes.entrySet()) {
            x.writeStartElement("data");
            x.writeAttribute("key", prefix + a.getKey());
            x.writeCharacters(xml(a.getValue().toString()));
            x.writeEndElement();
        }
    }

    static void gexf(PropertyGraph g, OutputStream out, String version) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("gexf");
            x.writeDefaultNamespace(GEXF_NS);
            x.writeAttribute("version", "1.2");
            x.writeStartElement("meta");
            x.writeStartElement("creator");
            x.writeCharacters("NewsKG " + version);
            x.writeEndElement();
            x.writeStartElement("description");
            x.writeCharacters("who said what, where: node and edge ids are IRIs");
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeStartElement("graph");
            x.writeAttribute("mode", "dynamic");
            x.writeAttribute("defaultedgetype", "directed");
            x.writeAttribute("timeformat", "date");
            attributes(x, "node", PropertyGraph.NODE_KEYS);
            attributes(x, "edge", PropertyGraph.EDGE_KEYS);
            x.writeStartElement("nodes");
            for (PropertyGraph.Node n : g.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", xml(n.id()));
                x.writeAttribute("label", xml(n.label()));
                attvalues(x, PropertyGraph.NODE_KEYS, n.attributes());
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeStartElement("edges");
            for (PropertyGraph.Edge e : g.edges()) {
                x.writeStartElement("edge");
                x.writeAttribute("id", e.id());
                x.writeAttribute("source", e.source());
                x.writeAttribute("target", e.target());
                x.writeAttribute("label", e.type());
                Object w = e.attributes().get("weight");
                if (w != null) {
                    x.writeAttribute("weight", w.toString());
                }
                if (e.date() != null && GraphSelector.parse(e.date()).isPresent()) {
                    // a statement is said on one day: the edge lives from that day to that day
                    String day = GraphSelector.parse(e.date()).get().toString();
                    x.writeAttribute("start", day);
                    x.writeAttribute("end", day);
                }
                attvalues(x, PropertyGraph.EDGE_KEYS, e.attributes());
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("GEXF: " + e.getMessage(), e);
        }
    }

    private static void attributes(XMLStreamWriter x, String domain, Map<String, PropertyGraph.Type> keys) throws XMLStreamException {
        x.writeStartElement("attributes");
        x.writeAttribute("class", domain);
        x.writeAttribute("mode", "static");
        for (var k : keys.entrySet()) {
            x.writeEmptyElement("attribute");
            x.writeAttribute("id", k.getKey());
            x.writeAttribute("title", k.getKey());
            x.writeAttribute("type", switch (k.getValue()) {
                case STRING -> "string";
                case INT -> "integer";
                case DOUBLE -> "double";
                case BOOLEAN -> "boolean";
            });
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void attvalues(XMLStreamWriter x, Map<String, PropertyGraph.Type> keys, Map<String, Object> values) throws XMLStreamException {
        if (values.isEmpty()) {
            return;
        }
        x.writeStartElement("attvalues");
        for (String k : keys.keySet()) {
            Object v = values.get(k);
            if (v != null) {
                x.writeEmptyElement("attvalue");
                x.writeAttribute("for", k);
                x.writeAttribute("value", xml(v.toString()));
            }
        }
        x.writeEndElement();
    }
}
