package org.newskg.link;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.newskg.store.Store;

/**
 * Review by a person. {@link #write} puts every pending candidate in a CSV, one row per candidate, with the
 * entity's context sentences and an empty {@code decision} column; the person writes {@code accept} or
 * {@code reject} there, and {@link #apply} records those decisions in {@link LinkGraph#DECISIONS} and
 * re-states the links at once.
 *
 * <pre>{@code
 * newskg link --db db --review pending.csv     # then fill in the decision column
 * newskg link --db db --apply pending.csv
 * }</pre>
 */
public final class Review {

    public static final List<String> COLUMNS = List.of("entity", "label", "type", "qid", "candidate_label", "score",
            "features", "status", "context", "decision");

    private Review() {
    }

    /** Writes the pending candidates; returns a one-line summary. */
    public static String write(Store store, Path file) throws IOException {
        List<List<String>> rows = Txn.calculateRead(store.dataset(), () -> {
            List<List<String>> out = new ArrayList<>();
            Map<String, String> contexts = new LinkedHashMap<>();
            for (QuerySolution r : Profiles.select(store.dataset(), """
                    SELECT ?e ?label ?qid ?score ?status (GROUP_CONCAT(?f; separator=" ") AS ?features) WHERE {
                      GRAPH <%s> { ?e nkg:linkCandidate ?c . ?c nkg:qid ?qid ; nkg:linkScore ?score ; nkg:linkStatus ?status .
                        FILTER(?status = "pending") OPTIONAL { ?c nkg:linkFeature ?f } }
                      OPTIONAL { ?e rdfs:label ?label }
                    } GROUP BY ?e ?label ?qid ?score ?status ORDER BY ?e DESC(?score)""".formatted(LinkGraph.LINKS.getURI()))) {
                String e = r.getResource("e").getURI();
                String ctx = contexts.computeIfAbsent(e, k -> context(store, k));
                out.add(List.of(e, r.get("label") == null ? "" : r.getLiteral("label").getLexicalForm(), "",
                        r.getLiteral("qid").getLexicalForm(), "", r.getLiteral("score").getLexicalForm(),
                        r.getLiteral("features").getLexicalForm(), "pending", ctx, ""));
            }
            return dedupe(out);
        });
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS) + "\n");
            for (List<String> row : rows) {
                w.write(String.join(",", row.stream().map(Review::csv).toList()) + "\n");
            }
        }
        return rows.size() + " pending candidates written to " + file;
    }

    private static List<List<String>> dedupe(List<List<String>> rows) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> r : rows) {
            byKey.putIfAbsent(r.get(0) + " " + r.get(3), r);
        }
        return new ArrayList<>(byKey.values());
    }

    /** Up to three sentences of the documents around the entity's mentions, joined by " | ". */
    static String context(Store store, String entity) {
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                PREFIX nkg: <https://w3id.org/newskg/ontology#>
                PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                SELECT ?text ?b ?end WHERE { GRAPH ?g { ?m nkg:refersTo ?e ; nif:referenceContext ?doc ;
                  nif:beginIndex ?b ; nif:endIndex ?end . ?doc nif:isString ?text } } ORDER BY ?g ?b LIMIT 3""");
        q.setIri("e", entity);
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset())).query(q.asQuery()).build()) {
            for (QuerySolution r : ResultSetFormatter.toList(qe.execSelect())) {
                String text = r.getLiteral("text").getLexicalForm();
                int[] cps = text.codePoints().toArray();
                int b = Math.min(cps.length, r.getLiteral("b").getInt());
                int e = Math.min(cps.length, r.getLiteral("end").getInt());
                int s = b;
                while (s > 0 && !(cps[s - 1] == '\n' || (s > 1 && cps[s - 2] == '.' && cps[s - 1] == ' '))) {
                    s--;
                }
                int t = e;
                while (t < cps.length && cps[t] != '\n' && !(cps[t] == '.' && (t + 1 == cps.length || cps[t + 1] == ' '))) {
                    t++;
                }
                out.add(new String(cps, s, Math.min(cps.length, t + 1) - s).strip());
            }
        }
        return String.join(" | ", out.stream().distinct().toList());
    }

    /** Records the accept/reject decisions of a reviewed CSV and re-states the links; returns a summary. */
    public static String apply(Store store, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected the header " + String.join(",", COLUMNS));
        }
        List<String> header = parse(lines.get(0));
        int ei = header.indexOf("entity"), qi = header.indexOf("qid"), di = header.indexOf("decision");
        if (ei < 0 || qi < 0 || di < 0) {
            throw new IllegalArgumentException(file + ": the header needs entity, qid and decision columns");
        }
        List<LinkGraph.Decision> decisions = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        for (int i = 1; i < lines.size(); i++) {
            record.append(record.length() > 0 ? "\n" : "").append(lines.get(i));
            if (quotes(record) % 2 != 0) {
                continue;   // a quoted cell spans lines
            }
            List<String> row = parse(record.toString());
            record.setLength(0);
            if (row.size() <= Math.max(ei, Math.max(qi, di))) {
                continue;
            }
            String d = row.get(di).strip().toLowerCase(Locale.ROOT);
            if (d.isEmpty()) {
                continue;
            }
            boolean accept = switch (d) {
                case "accept", "accepted", "yes", "y", "confirm", "confirmed" -> true;
                case "reject", "rejected", "no", "n" -> false;
                default -> throw new IllegalArgumentException(file + " line " + (i + 1) + ": decision '" + d
                        + "' is neither accept nor reject");
            };
            decisions.add(new LinkGraph.Decision(row.get(ei).strip(), row.get(qi).strip(), accept));
        }
        int held = LinkGraph.record(store, decisions, Instant.now());
        LinkGraph.restate(store);
        return decisions.size() + " decisions recorded from " + file + " (" + held + " held in the store)";
    }

    private static int quotes(CharSequence s) {
        return (int) s.chars().filter(c -> c == '"').count();
    }

    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
