package org.newskg.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code nodes.csv} and {@code relationships.csv} in the header format of {@code neo4j-admin database import}:
 * {@code id:ID}, {@code :LABEL}, typed properties ({@code statements:int}, {@code date:date},
 * {@code aliases:string[]} with {@code ;} between names), {@code :START_ID}, {@code :END_ID}, {@code :TYPE}.
 */
final class Neo4jCsvWriter {

    static final String NODES = "nodes.csv";
    static final String RELATIONSHIPS = "relationships.csv";

    private Neo4jCsvWriter() {
    }

    static void write(PropertyGraph g, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> nodeKeys = new ArrayList<>(PropertyGraph.NODE_KEYS.keySet());
        try (Writer w = Files.newBufferedWriter(dir.resolve(NODES), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("id:ID", ":LABEL"));
            for (String k : nodeKeys) {
                header.add(column(k, PropertyGraph.NODE_KEYS.get(k)));
            }
            row(w, header);
            for (PropertyGraph.Node n : g.nodes()) {
                List<String> cells = new ArrayList<>(List.of(n.id(), n.kind()));
                for (String k : nodeKeys) {
                    cells.add(cell(k, n.attributes()));
                }
                row(w, cells);
            }
        }
        List<String> edgeKeys = PropertyGraph.EDGE_KEYS.keySet().stream().filter(k -> !k.equals("type")).toList();
        try (Writer w = Files.newBufferedWriter(dir.resolve(RELATIONSHIPS), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE", "id"));
            for (String k : edgeKeys) {
                header.add(column(k, PropertyGraph.EDGE_KEYS.get(k)));
            }
            row(w, header);
            for (PropertyGraph.Edge e : g.edges()) {
                List<String> cells = new ArrayList<>(List.of(e.source(), e.target(), e.type(), e.id()));
                for (String k : edgeKeys) {
                    cells.add(cell(k, e.attributes()));
                }
                row(w, cells);
            }
        }
    }

    static String column(String key, PropertyGraph.Type type) {
        if (key.equals("date")) {
            return "date:date";
        }
        if (key.equals("aliases")) {
            return "aliases:string[]";
        }
        return switch (type) {
            case STRING -> key;
            case INT -> key + ":int";
            case DOUBLE -> key + ":double";
            case BOOLEAN -> key + ":boolean";
        };
    }

    private static String cell(String key, Map<String, Object> attributes) {
        Object v = attributes.get(key);
        if (v == null) {
            return "";
        }
        if (key.equals("date")) {
            // neo4j-admin rejects a date:date cell that is not an ISO date
            return GraphSelector.parse(v.toString()).map(Object::toString).orElse("");
        }
        if (key.equals("aliases")) {
            return v.toString().replace('|', ';');
        }
        return v.toString();
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i);
            if (c.isEmpty()) {
                continue;
            }
            w.write('"');
            w.write(c.replace("\"", "\"\""));
            w.write('"');
        }
        w.write('\n');
    }
}
