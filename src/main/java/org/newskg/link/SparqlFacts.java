package org.newskg.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Reads candidate facts with standard SPARQL over Wikidata's RDF shape: {@code rdfs:label}/{@code skos:altLabel},
 * {@code schema:description}, {@code wdt:} claims, {@code p:P39/ps:P39} with {@code pq:P580}/{@code pq:P582}, {@code wdt:P31/wdt:P279*}; never
 * the proprietary label service. The same queries run on a local dataset and on a remote endpoint: the caller
 * gives the function that executes a query and returns its rows.
 */
final class SparqlFacts {

    static final String PREFIXES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            PREFIX p: <http://www.wikidata.org/prop/>
            PREFIX ps: <http://www.wikidata.org/prop/statement/>
            PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
            PREFIX wikibase: <http://wikiba.se/ontology#>
            PREFIX schema: <http://schema.org/>
            """;

    /** The classes a candidate's type is read from, through P31/P279*. */
    static final String TYPE_CLASSES = String.join(" ", TypeClasses.ALL.stream().map(q -> "wd:" + q).toList());

    private final Function<Query, List<QuerySolution>> select;
    private final String method;

    SparqlFacts(Function<Query, List<QuerySolution>> select, String method) {
        this.select = select;
        this.method = method;
    }

    List<Candidate> facts(Collection<String> qids) {
        List<Candidate> out = new ArrayList<>();
        List<String> ids = qids.stream().filter(Wikidata::isQid).distinct().toList();
        for (int i = 0; i < ids.size(); i += 100) {
            out.addAll(batch(ids.subList(i, Math.min(ids.size(), i + 100))));
        }
        return out;
    }

    private List<Candidate> batch(List<String> ids) {
        String values = "VALUES ?item { " + String.join(" ", ids.stream().map(q -> "wd:" + q).toList()) + " }\n";
        Map<String, Builder> items = new LinkedHashMap<>();
        for (QuerySolution r : run(values, """
                SELECT ?item ?name WHERE { ?item rdfs:label|skos:altLabel ?name
                  FILTER(LANG(?name) = "" || LANGMATCHES(LANG(?name), "en") || LANG(?name) = "mul") }""")) {
            items.computeIfAbsent(qid(r.get("item")), Builder::new).names.add(r.getLiteral("name").getLexicalForm());
        }
        for (QuerySolution r : run(values, """
                SELECT ?item ?description WHERE { ?item schema:description ?description
                  FILTER(LANGMATCHES(LANG(?description), "en") || LANG(?description) = "mul") }
                ORDER BY ?item DESC(LANGMATCHES(LANG(?description), "en"))""")) {
            Builder b = items.get(qid(r.get("item")));
            if (b != null && b.description.isEmpty()) {
                b.description = text(r.get("description"));
            }
        }
        for (QuerySolution r : run(values, """
                SELECT ?item ?cls WHERE { VALUES ?cls { %s } ?item wdt:P31/wdt:P279* ?cls }""".formatted(TYPE_CLASSES))) {
            Builder b = items.get(qid(r.get("item")));
            if (b != null) {
                b.classes.add(qid(r.get("cls")));
            }
        }
        for (QuerySolution r : run(values, """
                SELECT ?item ?prop ?value ?valueLabel WHERE {
                  VALUES ?prop { wdt:P31 wdt:P27 wdt:P106 wdt:P108 wdt:P463 wdt:P102 }
                  ?item ?prop ?value .
                  OPTIONAL { ?value rdfs:label ?valueLabel FILTER(LANGMATCHES(LANG(?valueLabel), "en")) } }""")) {
            Builder b = items.get(qid(r.get("item")));
            String v = qid(r.get("value"));
            if (b != null && v != null) {
                String prop = r.getResource("prop").getURI().substring(Wikidata.DIRECT.length());
                b.claims.computeIfAbsent(prop, k -> new ArrayList<>()).add(new Candidate.Item(v, text(r.get("valueLabel"))));
            }
        }
        for (QuerySolution r : run(values, """
                SELECT ?item ?pos ?posLabel ?start ?end WHERE {
                  ?item p:P39 ?st . ?st ps:P39 ?pos .
                  OPTIONAL { ?st pq:P580 ?start } OPTIONAL { ?st pq:P582 ?end }
                  OPTIONAL { ?pos rdfs:label ?posLabel FILTER(LANGMATCHES(LANG(?posLabel), "en")) } }""")) {
            Builder b = items.get(qid(r.get("item")));
            String pos = qid(r.get("pos"));
            if (b != null && pos != null) {
                b.positions.add(new Candidate.Position(pos, text(r.get("posLabel")), date(r.get("start")), date(r.get("end"))));
            }
        }
        for (QuerySolution r : run(values, "SELECT ?item ?n WHERE { ?item wikibase:sitelinks ?n }")) {
            Builder b = items.get(qid(r.get("item")));
            if (b != null && r.get("n").isLiteral()) {
                try {
                    b.sitelinks = Integer.parseInt(r.getLiteral("n").getLexicalForm());
                } catch (NumberFormatException e) {
                    // a malformed count is no popularity
                }
            }
        }
        return items.values().stream().map(b -> b.build(method)).toList();
    }

    private List<QuerySolution> run(String values, String body) {
        String q = body.replaceFirst("WHERE \\{", java.util.regex.Matcher.quoteReplacement("WHERE { " + values));
        return select.apply(new ParameterizedSparqlString(PREFIXES + q).asQuery());
    }

    private static String qid(RDFNode n) {
        return n != null && n.isURIResource() ? Wikidata.qidOf(n.asResource().getURI()) : null;
    }

    private static String text(RDFNode n) {
        return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : "";
    }

    static LocalDate date(RDFNode n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        return Dates.parse(n.asLiteral().getLexicalForm());
    }

    private static final class Builder {
        final String qid;
        final Set<String> names = new LinkedHashSet<>();
        final Set<String> classes = new LinkedHashSet<>();
        final List<Candidate.Position> positions = new ArrayList<>();
        final Map<String, List<Candidate.Item>> claims = new LinkedHashMap<>();
        int sitelinks;
        /** The English description, else the {@code mul} one; empty when there is neither. */
        String description = "";

        Builder(String qid) {
            this.qid = qid;
        }

        Candidate build(String method) {
            return new Candidate(qid, List.copyOf(names), description, Set.copyOf(classes), List.copyOf(positions),
                    Map.copyOf(claims), sitelinks, method);
        }
    }
}
