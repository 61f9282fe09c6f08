package org.newskg.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * Reads a {@link Selection} of the store into a {@link PropertyGraph}, by SPARQL over the dataset (fixed query
 * texts; the speaker is compared as an RDF term, never pasted into a query). Every edge stands for a statement or a relation
 * in the store, and a node without edges is left out.
 *
 * <pre>{@code
 * PropertyGraph g = GraphSelector.select(store.dataset(), Selection.all().scope(Selection.Scope.STATEMENTS));
 * }</pre>
 */
public final class GraphSelector {

    static final String PREFIXES = """
            PREFIX nkg:    <https://w3id.org/newskg/ontology#>
            PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX schema: <https://schema.org/>
            PREFIX sem:    <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org:    <http://www.w3.org/ns/org#>
            PREFIX owl:    <http://www.w3.org/2002/07/owl#>
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            """;

    static final Query STATEMENTS = QueryFactory.create(PREFIXES + """
            SELECT ?st ?doc ?speaker ?text ?begin ?end ?cue ?date ?direct ?confidence ?venue ?place ?source ?rule WHERE {
              GRAPH ?doc {
                ?st a nkg:Statement ; nif:beginIndex ?begin ; nif:endIndex ?end .
                OPTIONAL { ?st nkg:speaker ?speaker }
                OPTIONAL { ?st nif:anchorOf ?text }
                OPTIONAL { ?st nkg:cue/nif:lemma ?cue }
                OPTIONAL { ?st sem:hasTimeStamp ?date }
                OPTIONAL { ?st nkg:direct ?direct }
                OPTIONAL { ?st nkg:confidence ?confidence }
                OPTIONAL { ?st nkg:venue ?venue }
                OPTIONAL { ?st sem:hasPlace ?place }
                OPTIONAL { ?st nkg:rule ?rule }
                OPTIONAL { ?doc nkg:source ?source }
              }
            } ORDER BY ?source ?begin ?st""");

    static final Query STATEMENT_MENTIONS = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?st ?entity WHERE {
              GRAPH ?doc {
                ?st a nkg:Statement ; nif:beginIndex ?b ; nif:endIndex ?e .
                ?m a nkg:Mention ; nkg:refersTo ?entity ; nif:beginIndex ?mb ; nif:endIndex ?me .
                FILTER(?mb >= ?b && ?me <= ?e)
              }
            }""");

    static final Query ENTITIES = QueryFactory.create(PREFIXES + """
            SELECT ?e ?type ?label ?alias ?wikidata WHERE {
              { ?e a schema:Person BIND("Person" AS ?type) } UNION { ?e a schema:Organization BIND("Organization" AS ?type) }
              UNION { ?e a schema:Place BIND("Place" AS ?type) } UNION { ?e a nkg:Group BIND("Group" AS ?type) }
              OPTIONAL { ?e rdfs:label ?label }
              OPTIONAL { ?e schema:alternateName ?alias }
              OPTIONAL { ?e skos:exactMatch ?wikidata FILTER(STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/")) }
            }""");

    static final Query EVENTS = QueryFactory.create(PREFIXES + """
            SELECT ?ev ?doc ?label ?eventType ?date ?actor ?medium ?place WHERE {
              GRAPH ?doc {
                ?ev a sem:Event .
                OPTIONAL { ?ev rdfs:label ?label }
                OPTIONAL { ?ev a ?t FILTER(STRSTARTS(STR(?t), STR(nkg:))) BIND(STRAFTER(STR(?t), "#") AS ?eventType) }
                OPTIONAL { ?ev sem:hasTimeStamp ?date }
                OPTIONAL { ?ev sem:hasActor ?actor }
                OPTIONAL { ?ev nkg:medium ?medium }
                OPTIONAL { ?ev sem:hasPlace ?place }
              }
            }""");

    static final Query DOCUMENTS = QueryFactory.create(PREFIXES + """
            SELECT ?doc ?source ?headline ?date WHERE {
              GRAPH ?doc { ?doc a schema:NewsArticle .
                OPTIONAL { ?doc nkg:source ?source } OPTIONAL { ?doc schema:headline ?headline }
                OPTIONAL { ?doc schema:datePublished ?date } }
            }""");

    static final Query DOCUMENT_MENTIONS = QueryFactory.create(PREFIXES + """
            SELECT ?doc ?entity (COUNT(?m) AS ?n) WHERE {
              GRAPH ?doc { ?m a nkg:Mention ; nkg:refersTo ?entity }
            } GROUP BY ?doc ?entity""");

    static final Query MEMBERSHIPS = QueryFactory.create(PREFIXES + """
            SELECT ?doc ?person ?organization ?role WHERE {
              GRAPH ?doc { ?claim a org:Membership ; org:member ?person ; org:organization ?organization .
                OPTIONAL { ?claim org:role/rdfs:label ?role } }
            }""");

    private GraphSelector() {
    }

    /** Reads the selection; runs in a read transaction of its own. */
    public static PropertyGraph select(DatasetGraph dataset, Selection selection) {
        return Txn.calculateRead(dataset, () -> new Build(dataset, selection).run());
    }

    private static final class Build {
        final DatasetGraph dataset;
        final Selection selection;
        final Map<String, PropertyGraph.Node> nodes = new LinkedHashMap<>();
        final Map<String, PropertyGraph.Edge> edges = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> entities = new TreeMap<>();
        final Map<String, Integer> statementsBy = new LinkedHashMap<>();

        Build(DatasetGraph dataset, Selection selection) {
            this.dataset = dataset;
            this.selection = selection;
        }

        PropertyGraph run() {
            each(ENTITIES, null, b -> {
                Map<String, Object> a = entities.computeIfAbsent(uri(b, "e"), k -> new LinkedHashMap<>());
                a.putIfAbsent("kind", str(b, "type"));
                if (str(b, "label") != null) {
                    a.putIfAbsent("label", str(b, "label"));
                }
                if (str(b, "wikidata") != null) {
                    a.putIfAbsent("wikidata", str(b, "wikidata").substring(str(b, "wikidata").lastIndexOf('/') + 1));
                }
                @SuppressWarnings("unchecked")
                Set<String> aliases = (Set<String>) a.computeIfAbsent("@aliases", k -> new java.util.TreeSet<String>());
                if (str(b, "label") != null) {
                    aliases.add(str(b, "label"));
                }
                if (str(b, "alias") != null) {
                    aliases.add(str(b, "alias"));
                }
            });
            Map<String, Map<String, Object>> events = new LinkedHashMap<>();
            List<Binding> eventRows = new ArrayList<>();
            each(EVENTS, null, b -> {
                eventRows.add(b);
                Map<String, Object> a = events.computeIfAbsent(uri(b, "ev"), k -> new LinkedHashMap<>());
                a.putIfAbsent("label", str(b, "label"));
                if (str(b, "eventType") != null) {
                    a.putIfAbsent("event_type", str(b, "eventType"));
                }
                if (str(b, "date") != null) {
                    a.putIfAbsent("date", str(b, "date"));
                }
            });

            Node speaker = selection.speaker() == null ? null : NodeFactory.createURI(selection.speaker());
            Set<String> statements = new HashSet<>();
            Set<String> documents = new HashSet<>();
            Map<String, String> statementDates = new LinkedHashMap<>();
            each(STATEMENTS, speaker, b -> {
                String date = str(b, "date");
                if (!selection.inRange(parse(date))) {
                    return;
                }
                String st = uri(b, "st");
                if (!statements.add(st)) {
                    return;
                }
                statementDates.put(st, date);
                documents.add(uri(b, "doc"));
                Map<String, Object> a = new LinkedHashMap<>();
                String text = str(b, "text");
                a.put("text", text);
                a.put("cue", str(b, "cue"));
                a.put("date", date);
                a.put("direct", b.get("direct") == null ? null : Boolean.valueOf(str(b, "direct")));
                a.put("confidence", b.get("confidence") == null ? null : Double.valueOf(str(b, "confidence")));
                a.put("begin", Integer.valueOf(str(b, "begin")));
                a.put("end", Integer.valueOf(str(b, "end")));
                a.put("source", str(b, "source"));
                a.put("rule", str(b, "rule"));
                node(st, "Statement", text == null ? st : text, a);
                String who = uri(b, "speaker");
                if (who != null) {
                    entityNode(who);
                    statementsBy.merge(who, 1, Integer::sum);
                    edge(who, st, "SAID", date, Map.of());
                }
                String venue = uri(b, "venue");
                if (venue != null && events.containsKey(venue)) {
                    node(venue, "Event", label(events.get(venue), venue), events.get(venue));
                    edge(st, venue, "AT", date, Map.of());
                }
                if (selection.scope() == Selection.Scope.ALL) {
                    if (uri(b, "place") != null) {
                        entityNode(uri(b, "place"));
                        edge(st, uri(b, "place"), "PLACE", date, Map.of());
                    }
                    documentEdge(st, uri(b, "doc"));
                }
            });
            Map<String, String> speakerOf = new LinkedHashMap<>();
            edges.values().stream().filter(e -> e.type().equals("SAID")).forEach(e -> speakerOf.put(e.target(), e.source()));
            each(STATEMENT_MENTIONS, null, b -> {
                String st = uri(b, "st");
                String entity = uri(b, "entity");
                if (statements.contains(st) && entity != null && !entity.equals(speakerOf.get(st)) && entities.containsKey(entity)) {
                    entityNode(entity);
                    edge(st, entity, "MENTIONS", statementDates.get(st), Map.of());
                }
            });

            if (selection.scope() == Selection.Scope.ALL) {
                Set<String> docs = selection.unrestricted() ? null : documents;
                each(DOCUMENTS, null, b -> {
                    String doc = uri(b, "doc");
                    if (docs == null || docs.contains(doc)) {
                        Map<String, Object> a = new LinkedHashMap<>();
                        a.put("source", str(b, "source"));
                        a.put("date", str(b, "date"));
                        String title = str(b, "headline") != null ? str(b, "headline") : str(b, "source");
                        node(doc, "Document", title == null ? doc : title, a);
                    }
                });
                each(DOCUMENT_MENTIONS, null, b -> {
                    String doc = uri(b, "doc");
                    String entity = uri(b, "entity");
                    if (nodes.containsKey(doc) && entities.containsKey(entity)) {
                        entityNode(entity);
                        edge(entity, doc, "MENTIONED_IN", null, Map.of("weight", Integer.valueOf(str(b, "n"))));
                    }
                });
                for (Binding b : eventRows) {
                    String ev = uri(b, "ev");
                    String doc = uri(b, "doc");
                    if (!nodes.containsKey(doc)) {
                        continue;
                    }
                    node(ev, "Event", label(events.get(ev), ev), events.get(ev));
                    documentEdge(ev, doc);
                    relation(ev, uri(b, "actor"), "HAS_ACTOR");
                    relation(ev, uri(b, "medium"), "MEDIUM");
                    relation(ev, uri(b, "place"), "PLACE");
                }
                each(MEMBERSHIPS, null, b -> {
                    if (nodes.containsKey(uri(b, "doc")) && entities.containsKey(uri(b, "person"))
                            && entities.containsKey(uri(b, "organization"))) {
                        entityNode(uri(b, "person"));
                        entityNode(uri(b, "organization"));
                        Map<String, Object> a = new LinkedHashMap<>();
                        a.put("role", str(b, "role"));
                        edge(uri(b, "person"), uri(b, "organization"), "MEMBER_OF", null, a);
                    }
                });
            }
            // node size: statements made within the selection
            List<PropertyGraph.Node> out = new ArrayList<>();
            Set<String> linked = new HashSet<>();
            edges.values().forEach(e -> {
                linked.add(e.source());
                linked.add(e.target());
            });
            for (PropertyGraph.Node n : nodes.values()) {
                if (!linked.contains(n.id())) {
                    continue;
                }
                if (statementsBy.containsKey(n.id())) {
                    Map<String, Object> a = new LinkedHashMap<>(n.attributes());
                    a.put("statements", statementsBy.get(n.id()));
                    n = new PropertyGraph.Node(n.id(), n.kind(), n.label(), a);
                }
                out.add(n);
            }
            return new PropertyGraph(out, new ArrayList<>(edges.values()));
        }

        private void documentEdge(String from, String doc) {
            if (!nodes.containsKey(doc)) {
                nodes.put(doc, new PropertyGraph.Node(doc, "Document", doc, Map.of("label", doc, "kind", "Document")));
            }
            edge(from, doc, "FROM_DOCUMENT", null, Map.of());
        }

        private void relation(String from, String to, String type) {
            if (to != null && entities.containsKey(to)) {
                entityNode(to);
                edge(from, to, type, null, Map.of());
            }
        }

        private void entityNode(String iri) {
            if (nodes.containsKey(iri)) {
                return;
            }
            Map<String, Object> e = entities.get(iri);
            Map<String, Object> a = new LinkedHashMap<>();
            String kind = "Other";
            if (e != null) {
                kind = (String) e.get("kind");
                @SuppressWarnings("unchecked")
                Set<String> aliases = (Set<String>) e.get("@aliases");
                a.put("aliases", aliases == null || aliases.isEmpty() ? null : String.join("|", aliases));
                a.put("wikidata", e.get("wikidata"));
            }
            a.put("statements", 0);
            node(iri, kind, e == null ? iri : label(e, iri), a);
        }

        private void node(String id, String kind, String label, Map<String, Object> attributes) {
            if (nodes.containsKey(id)) {
                return;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("label", label);
            a.put("kind", kind);
            attributes.forEach((k, v) -> {
                if (v != null && PropertyGraph.NODE_KEYS.containsKey(k) && !k.equals("label") && !k.equals("kind")) {
                    a.put(k, v);
                }
            });
            nodes.put(id, new PropertyGraph.Node(id, kind, label, a));
        }

        private void edge(String from, String to, String type, String date, Map<String, Object> attributes) {
            String id = from + " " + type + " " + to;
            if (edges.containsKey(id)) {
                return;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("type", type);
            if (date != null) {
                a.put("date", date);
            }
            attributes.forEach((k, v) -> {
                if (v != null) {
                    a.put(k, v);
                }
            });
            edges.put(id, new PropertyGraph.Edge(id, from, to, type, date, a));
        }

        private static String label(Map<String, Object> a, String fallback) {
            Object l = a == null ? null : a.get("label");
            return l == null ? fallback : l.toString();
        }

        private void each(Query query, Node speaker, Consumer<Binding> row) {
            // the speaker is compared as an RDF term on each row: no query text is built from input
            try (QueryExec qe = QueryExec.dataset(dataset).query(query).build()) {
                RowSet rows = qe.select();
                while (rows.hasNext()) {
                    Binding b = rows.next();
                    if (speaker != null && !speaker.equals(b.get("speaker"))) {
                        continue;
                    }
                    row.accept(b);
                }
            }
        }
    }

    static Optional<LocalDate> parse(String date) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String uri(Binding b, String var) {
        Node n = b.get(var);
        return n == null ? null : n.isURI() ? n.getURI() : n.isBlank() ? "_:" + n.getBlankNodeLabel() : null;
    }

    static String str(Binding b, String var) {
        Node n = b.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }
}
