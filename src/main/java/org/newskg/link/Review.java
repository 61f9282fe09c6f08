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
 * entity's type (Person, Organization, Place), the candidate's Wikidata label and description, the entity's
 * context sentences and an empty {@code decision} column; the person writes {@code accept} or
 * {@code reject} there, and {@link #apply} records those decisions in {@link LinkGraph#DECISIONS} and
 * re-states the links at once. The reader finds its columns by their header names, so a file written before
 * {@code candidate_description} existed (or with columns moved) still applies.
 *
 * <pre>{@code
 * newskg link --db db --review pending.csv     # then fill in the decision column
 * newskg link --db db --apply pending.csv
 * }</pre>
 */
public final class Review {

    public static final List<String> COLUMNS = List.of("entity", "label", "type", "qid", "candidate_label",
            "candidate_description", "score", "features", "status", "context", "decision");

    private Review() {
    }

    /** Writes the pending candidates; returns a one-line summary. */
    public static String write(Store store, Path file) throws IOException {
        List<List<String>> rows = Txn.calculateRead(store.dataset(), () -> dedupe(pendingRows(store)));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS) + "\n");
            for (List<String> row : rows) {
                w.write(String.join(",", row.stream().map(Review::csv).toList()) + "\n");
            }
        }
        return rows.size() + " pending candidates written to " + file;
    }

    /** One row per pending candidate, in the order of {@link #COLUMNS}, best candidate of each entity first. */
    private static List<List<String>> pendingRows(Store store) {
        Map<String, String> types = new LinkedHashMap<>();
        Profiles.read(store.dataset()).forEach(p -> types.put(p.iri(), p.type()));
        Map<String, String> contexts = new LinkedHashMap<>();
        List<List<String>> out = new ArrayList<>();
        for (QuerySolution r : Profiles.select(store.dataset(), """
                SELECT ?e ?label ?qid ?score ?status ?clabel ?cdescription (GROUP_CONCAT(?f; separator=" ") AS ?features) WHERE {
                  GRAPH <%s> { ?e nkg:linkCandidate ?c . ?c nkg:qid ?qid ; nkg:linkScore ?score ; nkg:linkStatus ?status .
                    FILTER(?status = "pending") OPTIONAL { ?c nkg:linkFeature ?f }
                    OPTIONAL { ?c nkg:candidateLabel ?clabel } OPTIONAL { ?c nkg:candidateDescription ?cdescription } }
                  OPTIONAL { ?e rdfs:label ?label }
                } GROUP BY ?e ?label ?qid ?score ?status ?clabel ?cdescription ORDER BY ?e DESC(?score)"""
                .formatted(LinkGraph.LINKS.getURI()))) {
            String e = r.getResource("e").getURI();
            out.add(List.of(e, text(r, "label"), types.getOrDefault(e, ""), text(r, "qid"), text(r, "clabel"),
                    text(r, "cdescription"), text(r, "score"), text(r, "features"), "pending",
                    contexts.computeIfAbsent(e, k -> context(store, k)), ""));
        }
        return out;
    }

    /** The lexical form of a bound literal, or empty when the variable is unbound. */
    private static String text(QuerySolution r, String var) {
        return r.get(var) == null ? "" : r.getLiteral(var).getLexicalForm();
    }

    private static List<List<String>> dedupe(List<List<String>> rows) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> r : rows) {
            byKey.putIfAbsent(r.get(COLUMNS.indexOf("entity")) + " " + r.get(COLUMNS.indexOf("qid")), r);
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
