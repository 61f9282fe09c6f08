package org.newskg.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Candidates from local RDF in Wikidata's shape: N-Triples, Turtle or any RDF file, or a TDB2 directory
 * (such as {@code ../shared/kb/us-politicians.nt}). Names are found through an index of the folded tokens of
 * every {@code rdfs:label} and {@code skos:altLabel}; facts through {@link SparqlFacts} on the loaded data.
 *
 * <pre>{@code
 * try (CandidateSource kb = RdfCandidateSource.load(List.of(Path.of("kb.nt")))) { ... }
 * }</pre>
 */
public final class RdfCandidateSource implements CandidateSource {

    /** A token in more labels than this is no evidence of a name ("john", "united"). */
    private static final int COMMON = 40;

    private final DatasetGraph data;
    private final Map<String, Set<String>> byToken = new HashMap<>();
    private final SparqlFacts facts;
    private final String method;

    private RdfCandidateSource(DatasetGraph data, String method) {
        this.data = data;
        this.method = method;
        this.facts = new SparqlFacts(q -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(data)).query(q).build()) {
                return ResultSetFormatter.toList(qe.execSelect());
            }
        }, method);
        Txn.executeRead(data, () -> {
            for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
                var it = data.find(Node.ANY, Node.ANY, p, Node.ANY);
                while (it.hasNext()) {
                    org.apache.jena.sparql.core.Quad t = it.next();
                    String q = t.getSubject().isURI() ? Wikidata.qidOf(t.getSubject().getURI()) : null;
                    if (q != null && t.getObject().isLiteral()) {
                        for (String token : Names.tokens(t.getObject().getLiteralLexicalForm())) {
                            byToken.computeIfAbsent(token, k -> new LinkedHashSet<>()).add(q);
                        }
                    }
                }
            }
        });
    }

    /** Loads RDF files, or opens TDB2 directories, into one dataset; every file keeps its own graph. */
    public static RdfCandidateSource load(List<Path> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no knowledge-base file given");
        }
        if (sources.size() == 1 && Files.isDirectory(sources.get(0))) {
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(sources.get(0).toString());
            tdb.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
            return new RdfCandidateSource(tdb, "kb:" + sources.get(0).getFileName());
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        List<String> names = new ArrayList<>();
        for (Path p : sources) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no knowledge-base file at " + p);
            }
            Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg.getDefaultGraph(), p.toString()));
            names.add(p.getFileName().toString());
        }
        return new RdfCandidateSource(dsg, "kb:" + String.join("+", names));
    }

    @Override
    public Set<String> search(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            List<String> tokens = Names.tokens(name);
            for (String t : tokens) {
                Set<String> items = byToken.getOrDefault(t, Set.of());
                if (items.size() <= COMMON || tokens.size() == 1) {
                    out.addAll(items);
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
        return method;
    }
}
