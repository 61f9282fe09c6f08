package org.newskg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Cytoscape.js elements JSON ({@code .cyjs}), which Cytoscape desktop imports too. */
final class JsonGraphWriter {

    private JsonGraphWriter() {
    }

    static void cyjs(PropertyGraph g, OutputStream out, String version) throws IOException {
        try (JsonGenerator j = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeStringField("format_version", "1.0");
            j.writeStringField("generated_by", "NewsKG " + version);
            j.writeStringField("target_cytoscapejs_version", "~3.33");
            j.writeObjectFieldStart("data");
            j.writeStringField("name", "NewsKG: who said what");
            j.writeEndObject();
            j.writeObjectFieldStart("elements");
            j.writeArrayFieldStart("nodes");
            for (PropertyGraph.Node n : g.nodes()) {
                j.writeStartObject();
                j.writeObjectFieldStart("data");
                j.writeStringField("id", n.id());
                fields(j, n.attributes());
                j.writeEndObject();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("edges");
            for (PropertyGraph.Edge e : g.edges()) {
                j.writeStartObject();
                j.writeObjectFieldStart("data");
                j.writeStringField("id", e.id());
                j.writeStringField("source", e.source());
                j.writeStringField("target", e.target());
                j.writeStringField("interaction", e.type());
                fields(j, e.attributes());
                j.writeEndObject();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
            j.writeEndObject();
        }
    }

    static void fields(JsonGenerator j, Map<String, Object> attributes) throws IOException {
        for (var a : attributes.entrySet()) {
            Object v = a.getValue();
            if (v instanceof Integer i) {
                j.writeNumberField(a.getKey(), i);
            } else if (v instanceof Double d) {
                j.writeNumberField(a.getKey(), d);
            } else if (v instanceof Boolean b) {
                j.writeBooleanField(a.getKey(), b);
            } else {
                j.writeStringField(a.getKey(), v.toString());
            }
        }
    }
}
