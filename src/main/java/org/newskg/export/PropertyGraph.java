package org.newskg.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A property graph view of the store, as graph tools want it: nodes keyed by their IRIs (stable across
 * exports, so a re-export merges), directed typed edges, and attributes whose names and types are declared once
 * in {@link #NODE_KEYS} and {@link #EDGE_KEYS}.
 *
 * <pre>{@code
 * PropertyGraph g = GraphSelector.select(dataset, Selection.all());
 * g.nodes().forEach(n -> System.out.println(n.id() + " " + n.kind()));
 * }</pre>
 */
public record PropertyGraph(List<Node> nodes, List<Edge> edges) {

    /** The type of an attribute value. */
    public enum Type {
        STRING, INT, DOUBLE, BOOLEAN
    }

    /** Node attributes and their types, in output order. {@code label} and {@code kind} are always set. */
    public static final Map<String, Type> NODE_KEYS = keys(
            "label", Type.STRING, "kind", Type.STRING, "statements", Type.INT, "aliases", Type.STRING,
            "text", Type.STRING, "cue", Type.STRING, "date", Type.STRING, "direct", Type.BOOLEAN,
            "confidence", Type.DOUBLE, "begin", Type.INT, "end", Type.INT, "source", Type.STRING,
            "event_type", Type.STRING, "wikidata", Type.STRING, "rule", Type.STRING);

    /** Edge attributes and their types, in output order. {@code type} is always set. */
    public static final Map<String, Type> EDGE_KEYS = keys(
            "type", Type.STRING, "date", Type.STRING, "weight", Type.INT, "role", Type.STRING);

    public PropertyGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node: {@code id} is the IRI; {@code kind} is Person, Organization, Place, Group, Other, Event,
     * Statement or Document.
     */
    public record Node(String id, String kind, String label, Map<String, Object> attributes) {
        public Node {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * A directed edge of a {@code type}: SAID (speaker to statement), MENTIONS (statement to entity),
     * AT (statement to the event where it was said), and with scope ALL also FROM_DOCUMENT (statement or event
     * to document), MENTIONED_IN (entity to document, {@code weight} mentions), HAS_ACTOR, MEDIUM, PLACE
     * (event or statement to place) and MEMBER_OF (person to organisation, with the {@code role}).
     * {@code date} is the statement's date (ISO), or null.
     */
    public record Edge(String id, String source, String target, String type, String date, Map<String, Object> attributes) {
        public Edge {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    private static Map<String, Type> keys(Object... pairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Type) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
