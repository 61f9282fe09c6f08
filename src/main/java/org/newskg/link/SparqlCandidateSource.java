package org.newskg.link;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;

/**
 * Candidates from any SPARQL endpoint holding Wikidata-shaped data (the Wikidata Query Service, a local Fuseki,
 * QLever): an exact {@code rdfs:label}/{@code skos:altLabel} match in English or {@code mul}, names bound as
 * literals through {@link ParameterizedSparqlString} so no name can change the query; facts as {@link SparqlFacts}.
 *
 * <pre>{@code
 * CandidateSource s = new SparqlCandidateSource("http://localhost:3030/kb/sparql");
 * }</pre>
 */
public final class SparqlCandidateSource implements CandidateSource {

    private final String endpoint;
    private final SparqlFacts facts;

    public SparqlCandidateSource(String endpoint) {
        this.endpoint = endpoint;
        this.facts = new SparqlFacts(this::select, method());
    }

    private List<QuerySolution> select(Query q) {
        try (QueryExecution qe = QueryExecution.service(endpoint).query(q).build()) {
            return ResultSetFormatter.toList(qe.execSelect());
        }
    }

    @Override
    public Set<String> search(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (name.isBlank()) {
                continue;
            }
            ParameterizedSparqlString q = new ParameterizedSparqlString(SparqlFacts.PREFIXES + """
                    SELECT DISTINCT ?item WHERE {
                      { ?item rdfs:label|skos:altLabel ?en } UNION { ?item rdfs:label|skos:altLabel ?mul }
                    } LIMIT 50""");
            q.setParam("en", NodeFactory.createLiteralLang(name, "en"));
            q.setParam("mul", NodeFactory.createLiteralLang(name, "mul"));
            for (QuerySolution r : select(q.asQuery())) {
                String qid = r.get("item").isURIResource() ? Wikidata.qidOf(r.getResource("item").getURI()) : null;
                if (qid != null) {
                    out.add(qid);
                }
            }
        }
        return out;
    }

    @Override
    public List<Candidate> facts(Collection<String> qids) {
        return facts.facts(qids);
    }

    @Override
    public String method() {
        return "sparql:" + endpoint;
    }
}
