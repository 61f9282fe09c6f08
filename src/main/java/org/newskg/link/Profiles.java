package org.newskg.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** Reads an {@link EntityProfile} for every person, organisation and place of the store. */
final class Profiles {

    private static final String PREFIXES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX nkg: <https://w3id.org/newskg/ontology#>
            """;

    private Profiles() {
    }

    static List<EntityProfile> read(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Map<String, String> type = new HashMap<>();
            Map<String, Set<String>> names = new LinkedHashMap<>();
            for (QuerySolution r : select(dataset, """
                    SELECT ?e ?rank ?name WHERE {
                      ?e a ?cls . VALUES (?cls ?rank) { (schema:Person 1) (schema:Organization 2) (schema:Place 3) }
                      ?e rdfs:label|schema:alternateName ?n BIND(STR(?n) AS ?name) } ORDER BY ?e ?rank ?name""")) {
                String e = r.getResource("e").getURI();
                int rank = r.getLiteral("rank").getInt();
                type.merge(e, new String[] {"", "Person", "Organization", "Place"}[rank],
                        (a, b) -> rankOf(a) <= rankOf(b) ? a : b);
                names.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(r.getLiteral("name").getLexicalForm());
            }
            Map<String, List<String>> titles = new HashMap<>();
            Map<String, List<String>> orgs = new HashMap<>();
            for (QuerySolution r : select(dataset, """
                    SELECT ?e ?title ?orgLabel WHERE { ?m org:member ?e ; org:role/rdfs:label ?title .
                      OPTIONAL { ?m org:organization/rdfs:label ?orgLabel } }""")) {
                String e = r.getResource("e").getURI();
                titles.computeIfAbsent(e, k -> new ArrayList<>()).add(r.getLiteral("title").getLexicalForm());
                if (r.get("orgLabel") != null) {
                    orgs.computeIfAbsent(e, k -> new ArrayList<>()).add(r.getLiteral("orgLabel").getLexicalForm());
                }
            }
            Map<String, Set<String>> countries = new HashMap<>();
            for (QuerySolution r : select(dataset, "SELECT ?e ?c WHERE { ?e nkg:country/rdfs:label ?c }")) {
                countries.computeIfAbsent(r.getResource("e").getURI(), k -> new TreeSet<>()).add(r.getLiteral("c").getLexicalForm());
            }
            Map<String, Set<String>> docs = new HashMap<>();
            Map<String, Set<LocalDate>> dates = new HashMap<>();
            for (QuerySolution r : select(dataset, """
                    SELECT DISTINCT ?e ?g ?date WHERE { GRAPH ?g { ?m nkg:refersTo ?e }
                      OPTIONAL { GRAPH ?g { ?g schema:datePublished ?date } } }""")) {
                String e = r.getResource("e").getURI();
                docs.computeIfAbsent(e, k -> new TreeSet<>()).add(r.getResource("g").getURI());
                LocalDate d = r.get("date") == null ? null : Dates.parse(r.getLiteral("date").getLexicalForm());
                if (d != null) {
                    dates.computeIfAbsent(e, k -> new TreeSet<>()).add(d);
                }
            }
            List<EntityProfile> out = new ArrayList<>();
            for (var en : names.entrySet()) {
                String e = en.getKey();
                List<String> all = new ArrayList<>(en.getValue());
                String label = all.stream().max(Comparator.comparingInt((String s) -> s.split(" ").length)
                        .thenComparingInt(String::length)).orElse("");
                Set<String> cs = new TreeSet<>(countries.getOrDefault(e, Set.of()));
                for (String t : titles.getOrDefault(e, List.of())) {
                    cs.addAll(Countries.inTitle(t));
                }
                out.add(new EntityProfile(e, label, type.get(e), all, titles.getOrDefault(e, List.of()),
                        orgs.getOrDefault(e, List.of()), cs, dates.getOrDefault(e, Set.of()), docs.getOrDefault(e, Set.of())));
            }
            return out;
        });
    }

    private static int rankOf(String type) {
        return switch (type) {
            case "Person" -> 1;
            case "Organization" -> 2;
            default -> 3;
        };
    }

    static List<QuerySolution> select(DatasetGraph dataset, String body) {
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dataset)).query(PREFIXES + body).build()) {
            return ResultSetFormatter.toList(qe.execSelect());
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
