package org.newskg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** GraphML (yEd, Gephi, Cytoscape) and GEXF 1.3 (Gephi, with a timeline over statement dates). */
final class XmlGraphWriter {

    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    static final String GEXF_NS = "http://gexf.net/1.3";

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
            for (var k : PropertyGraph.NODE_KEYS.entrySet()) {
                key(x, "n_" + k.getKey(), "node", k.getKey(), k.getValue());
            }
            for (var k : PropertyGraph.EDGE_KEYS.entrySet()) {
                key(x, "e_" + k.getKey(), "edge", k.getKey(), k.getValue());
            }
            x.writeStartElement("graph");
            x.writeAttribute("id", "newskg");
            x.writeAttribute("edgedefault", "directed");
            x.writeCharacters("\n");
            for (PropertyGraph.Node n : g.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", n.id());
                data(x, "n_", n.attributes());
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            for (PropertyGraph.Edge e : g.edges()) {
                x.writeStartElement("edge");
                x.writeAttribute("id", e.id());
                x.writeAttribute("source", e.source());
                x.writeAttribute("target", e.target());
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
            x.writeCharacters(a.getValue().toString());
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
            x.writeAttribute("version", "1.3");
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
            x.writeAttribute("timerepresentation", "interval");
            attributes(x, "node", PropertyGraph.NODE_KEYS);
            attributes(x, "edge", PropertyGraph.EDGE_KEYS);
            x.writeStartElement("nodes");
            for (PropertyGraph.Node n : g.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", n.id());
                x.writeAttribute("label", n.label());
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
                x.writeAttribute("value", v.toString());
            }
        }
        x.writeEndElement();
    }
}
