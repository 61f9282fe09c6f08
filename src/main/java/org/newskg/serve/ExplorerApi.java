package org.newskg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.newskg.export.GraphSelector;
import org.newskg.export.PropertyGraph;
import org.newskg.export.Selection;
import org.newskg.query.CannedQueries;
import org.newskg.query.CannedQuery;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The explorer's JSON endpoints, each a bounded SPARQL read of the dataset with its parameters bound as RDF terms:
 * <ul>
 * <li>{@code /api/network?from=&to=&type=&venue=&q=}: the who-said-what network, speakers linked to what their
 *     statements mention and to the events where they spoke, at most {@value #MAX_NODES} nodes;</li>
 * <li>{@code /api/speaker?id=IRI}: one speaker's statements with cue, venue, date and source;</li>
 * <li>{@code /api/statement?id=IRI}: a statement with its document text and the offsets (code points) of the
 *     content, the speaker mention and the cue, plus the extractor and confidence;</li>
 * <li>{@code /api/queries}: the canned queries, for the SPARQL editor.</li>
 * <li>{@code /api/query/NAME?PARAM=VALUE&limit=&offset=}: one page of a canned query's rows (default 100, at most
 *     {@value #MAX_PAGE}) as SPARQL JSON results, the same rows as the query with that {@code OFFSET} and {@code LIMIT};
 *     the queries sorted by document are read document by document, which makes a first page fast on a large store.</li>
 * </ul>
 */
final class ExplorerApi {

    static final int MAX_NODES = 5000;
    static final int MAX_STATEMENTS = 2000;
    static final int MAX_PAGE = 10_000;
    static final int DEFAULT_PAGE = 100;

    private static final String PREFIXES = """
            PREFIX nkg:    <https://w3id.org/newskg/ontology#>
            PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX schema: <https://schema.org/>
            PREFIX sem:    <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov:   <http://www.w3.org/ns/prov#>
            """;

    private static final String SPEAKER = PREFIXES + """
            SELECT ?st ?text ?cue ?venue_label ?venue_type ?date ?source ?begin ?direct ?confidence WHERE {
              GRAPH ?doc {
                ?st a nkg:Statement ; nkg:speaker ?speaker ; nif:beginIndex ?begin .
                OPTIONAL { ?st nif:anchorOf ?text }
                OPTIONAL { ?st nkg:cue/nif:lemma ?cue }
                OPTIONAL { ?st nkg:venue ?venue . OPTIONAL { ?venue rdfs:label ?venue_label }
                           OPTIONAL { ?venue a ?vt FILTER(STRSTARTS(STR(?vt), STR(nkg:))) BIND(STRAFTER(STR(?vt), "#") AS ?venue_type) } }
                OPTIONAL { ?st sem:hasTimeStamp ?date }
                OPTIONAL { ?st nkg:direct ?direct }
                OPTIONAL { ?st nkg:confidence ?confidence }
                OPTIONAL { ?doc nkg:source ?source }
              }
            } ORDER BY ?date ?source ?begin ?st LIMIT""" + " " + MAX_STATEMENTS;

    private static final String LABEL = PREFIXES + """
            SELECT ?label ?alias WHERE { OPTIONAL { ?speaker rdfs:label ?label } OPTIONAL { ?speaker schema:alternateName ?alias } }""";

    private static final String STATEMENT = PREFIXES + """
            SELECT ?doc ?text ?docText ?begin ?end ?speaker ?speaker_label ?speaker_begin ?speaker_end ?cue ?cue_begin ?cue_end
                   ?venue_label ?date ?source ?confidence ?extractor ?extractor_version ?kind ?rule WHERE {
              GRAPH ?doc {
                ?st a nkg:Statement ; nif:beginIndex ?begin ; nif:endIndex ?end .
                OPTIONAL { ?st nif:anchorOf ?text }
                OPTIONAL { ?doc nif:isString ?docText }
                OPTIONAL { ?doc nkg:source ?source }
                OPTIONAL { ?st nkg:speaker ?speaker OPTIONAL { ?speaker rdfs:label ?speaker_label } }
                OPTIONAL { ?st nkg:sourceMention ?m . ?m nif:beginIndex ?speaker_begin ; nif:endIndex ?speaker_end }
                OPTIONAL { ?st nkg:cue ?c . OPTIONAL { ?c nif:lemma ?cue } OPTIONAL { ?c nif:beginIndex ?cue_begin ; nif:endIndex ?cue_end } }
                OPTIONAL { ?st nkg:venue/rdfs:label ?venue_label }
                OPTIONAL { ?st sem:hasTimeStamp ?date }
                OPTIONAL { ?st nkg:confidence ?confidence }
                OPTIONAL { ?st nkg:statementKind ?k BIND(STRAFTER(STR(?k), "#") AS ?kind) }
                OPTIONAL { ?st nkg:rule ?rule }
                OPTIONAL { ?st prov:wasGeneratedBy/prov:wasAssociatedWith ?agent .
                           OPTIONAL { ?agent rdfs:label ?extractor } OPTIONAL { ?agent nkg:extractorVersion ?extractor_version } }
              }
            } LIMIT 1""";

    private final DatasetGraph dataset;
    private final long timeoutMillis;
    private final CannedQueries canned = CannedQueries.fromClasspath();
    private final ObjectMapper json = new ObjectMapper();

    /** The API on {@code dataset}; a canned query's executions are cancelled after {@code timeoutMillis} (none when 0). */
    ExplorerApi(DatasetGraph dataset, long timeoutMillis) {
        this.dataset = dataset;
        this.timeoutMillis = timeoutMillis;
    }

    void handle(String endpoint, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (endpoint.startsWith("query/")) {
            canned(endpoint.substring("query/".length()), request, response);
            return;
        }
        Object body;
        try {
            body = switch (endpoint) {
                case "network" -> network(request);
                case "speaker" -> speaker(iri(request, "id"));
                case "statement" -> statement(iri(request, "id"));
                case "queries" -> queries();
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such endpoint or resource: /api/" + endpoint);
            return;
        }
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        json.writeValue(response.getOutputStream(), body);
    }

    private static Node iri(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing parameter '" + name + "': an IRI");
        }
        if (!IRIs.check(value) || !(value.startsWith("http://") || value.startsWith("https://"))) {
            throw new IllegalArgumentException("Bad parameter " + name + "='" + value + "': not an http(s) IRI");
        }
        return NodeFactory.createURI(value);
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Bad parameter " + name + "='" + value + "': not a date YYYY-MM-DD");
        }
    }

    /** The who-said-what network: speaker to mentioned entity, speaker to event; node size by statements. */
    Map<String, Object> network(HttpServletRequest request) {
        LocalDate from = date(request, "from");
        LocalDate to = date(request, "to");
        String type = blankToNull(request.getParameter("type"));
        String venue = blankToNull(request.getParameter("venue"));
        String q = blankToNull(request.getParameter("q"));
        PropertyGraph g = GraphSelector.select(dataset, new Selection(null, from, to, Selection.Scope.STATEMENTS));
        Map<String, PropertyGraph.Node> nodes = new HashMap<>();
        g.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, String> speakerOf = new HashMap<>();
        Map<String, String> venueOf = new HashMap<>();
        Map<String, List<String>> mentions = new HashMap<>();
        for (PropertyGraph.Edge e : g.edges()) {
            switch (e.type()) {
                case "SAID" -> speakerOf.put(e.target(), e.source());
                case "AT" -> venueOf.put(e.source(), e.target());
                case "MENTIONS" -> mentions.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target());
                default -> { }
            }
        }
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        Map<String, Map<String, Object>> outNodes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> outEdges = new LinkedHashMap<>();
        boolean truncated = false;
        int statements = 0;
        for (var s : speakerOf.entrySet()) {
            String statement = s.getKey();
            PropertyGraph.Node speaker = nodes.get(s.getValue());
            PropertyGraph.Node event = venueOf.containsKey(statement) ? nodes.get(venueOf.get(statement)) : null;
            List<String> about = mentions.getOrDefault(statement, List.of());
            if (type != null && !type.equals(speaker.kind())) {
                continue;
            }
            if (venue != null && (event == null ? !venue.equals("none") : !venue.equals(event.attributes().get("event_type")))) {
                continue;
            }
            if (needle != null && !names(speaker).contains(needle) && about.stream().noneMatch(a -> names(nodes.get(a)).contains(needle))) {
                continue;
            }
            int needed = 1 + about.size() + (event == null ? 0 : 1);
            if (outNodes.size() + needed > MAX_NODES) {
                truncated = true;
                continue;
            }
            statements++;
            Map<String, Object> sp = node(outNodes, speaker, needle);
            sp.put("statements", (Integer) sp.get("statements") + 1);
            sp.put("speaker", true);
            for (String a : about) {
                node(outNodes, nodes.get(a), needle);
                edge(outEdges, speaker.id(), a, "MENTIONS");
            }
            if (event != null) {
                node(outNodes, event, needle);
                edge(outEdges, speaker.id(), event.id(), "SPOKE_AT");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", new ArrayList<>(outNodes.values()));
        out.put("edges", new ArrayList<>(outEdges.values()));
        out.put("statements", statements);
        out.put("truncated", truncated);
        out.put("maxNodes", MAX_NODES);
        return out;
    }

    private static String names(PropertyGraph.Node n) {
        Object aliases = n.attributes().get("aliases");
        return (n.label() + "|" + (aliases == null ? "" : aliases)).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> node(Map<String, Map<String, Object>> out, PropertyGraph.Node n, String needle) {
        return out.computeIfAbsent(n.id(), id -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("label", n.label());
            m.put("kind", n.kind());
            m.put("statements", 0);
            m.put("speaker", false);
            Object aliases = n.attributes().get("aliases");
            m.put("aliases", aliases == null ? List.of() : List.of(aliases.toString().split("\\|")));
            if (n.attributes().get("event_type") != null) {
                m.put("event_type", n.attributes().get("event_type"));
            }
            m.put("match", needle != null && names(n).contains(needle));
            return m;
        });
    }

    private static void edge(Map<String, Map<String, Object>> out, String source, String target, String type) {
        Map<String, Object> e = out.computeIfAbsent(source + " " + type + " " + target, id -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("source", source);
            m.put("target", target);
            m.put("type", type);
            m.put("weight", 0);
            return m;
        });
        e.put("weight", (Integer) e.get("weight") + 1);
    }

    /** One speaker and their statements; null when the IRI speaks nowhere in the store. */
    Map<String, Object> speaker(Node speaker) {
        return Txn.calculateRead(dataset, () -> {
            List<Map<String, Object>> statements = rows(SPEAKER, Map.of("speaker", speaker));
            if (statements.isEmpty()) {
                return null;
            }
            List<Map<String, Object>> names = rows(LABEL, Map.of("speaker", speaker));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", speaker.getURI());
            out.put("label", names.isEmpty() ? speaker.getURI() : names.get(0).getOrDefault("label", speaker.getURI()));
            out.put("aliases", names.stream().map(r -> r.get("alias")).filter(a -> a != null).distinct().toList());
            out.put("statements", statements);
            return out;
        });
    }

    /** A statement with its document text and spans; null when there is no such statement. */
    Map<String, Object> statement(Node statement) {
        return Txn.calculateRead(dataset, () -> {
            List<Map<String, Object>> rows = rows(STATEMENT, Map.of("st", statement));
            if (rows.isEmpty()) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", statement.getURI());
            out.putAll(rows.get(0));
            return out;
        });
    }

    /** One page of a canned query, as SPARQL JSON results; 400 for a bad parameter, 503 when it runs out of time. */
    private void canned(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!canned.names().contains(name)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No canned query '" + name + "'; /api/queries lists them");
            return;
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            long limit = count(request, "limit", DEFAULT_PAGE, 0, MAX_PAGE);
            long offset = count(request, "offset", 0, 0, Long.MAX_VALUE);
            Map<String, String> params = new LinkedHashMap<>();
            request.getParameterMap().forEach((k, v) -> {
                if (!k.equals("limit") && !k.equals("offset") && v.length > 0) {
                    params.put(k, v[0]);
                }
            });
            canned.run(name, params, dataset, org.newskg.query.ResultFormat.JSON, body, List.of(),
                    new CannedQueries.Page(offset, limit), timeoutMillis);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (org.apache.jena.query.QueryCancelledException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Query " + name + " ran out of time (" + timeoutMillis + " ms)");
            return;
        }
        response.setContentType("application/sparql-results+json; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        body.writeTo(response.getOutputStream());
    }

    private static long count(HttpServletRequest request, String name, long dflt, long min, long max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Bad parameter " + name + "='" + value + "': a whole number from " + min + " to " + max);
    }

    /** The canned queries: name, what each answers, and its text as written in {@code queries/}. */
    List<Map<String, Object>> queries() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CannedQuery q : CannedQueries.fromClasspath().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", q.name());
            m.put("description", q.description());
            m.put("parameters", q.parameters().stream().map(CannedQuery.Parameter::name).toList());
            try (InputStream in = ExplorerApi.class.getClassLoader().getResourceAsStream("queries/" + q.name() + ".rq")) {
                m.put("text", in == null ? q.query().toString() : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.add(m);
        }
        return out;
    }

    private static final Set<String> NUMBERS = Set.of("begin", "end", "speaker_begin", "speaker_end", "cue_begin", "cue_end");

    private List<Map<String, Object>> rows(String query, Map<String, Node> params) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(query);
        params.forEach(pss::setParam);
        List<Map<String, Object>> out = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(dataset).query(pss.asQuery()).build()) {
            RowSet rows = qe.select();
            List<String> vars = rows.getResultVars().stream().map(v -> v.getVarName()).toList();
            while (rows.hasNext()) {
                Binding b = rows.next();
                Map<String, Object> m = new LinkedHashMap<>();
                for (String v : vars) {
                    Node n = b.get(v);
                    if (n == null) {
                        continue;
                    }
                    String s = n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
                    if (NUMBERS.contains(v)) {
                        m.put(v, Integer.valueOf(s));
                    } else if (v.equals("confidence")) {
                        m.put(v, Double.valueOf(s));
                    } else if (v.equals("direct")) {
                        m.put(v, Boolean.valueOf(s));
                    } else {
                        m.put(v, s);
                    }
                }
                out.add(m);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
