package org.newskg.link;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where candidates come from: Wikidata-shaped RDF files ({@link RdfCandidateSource}), a SPARQL endpoint
 * ({@link SparqlCandidateSource}) or the Wikidata API ({@link ApiCandidateSource}).
 *
 * <pre>{@code
 * Set<String> qids = source.search(List.of("Barack Obama", "Obama"));
 * List<Candidate> facts = source.facts(qids);
 * }</pre>
 */
public interface CandidateSource extends AutoCloseable {

    /** Items whose labels or aliases may be one of these names. */
    Set<String> search(List<String> names);

    /** The facts of these items; an unknown QID is left out. */
    List<Candidate> facts(Collection<String> qids);

    /** What to record as the link method, such as {@code kb:us-politicians.nt}. */
    String method();

    @Override
    default void close() {
    }
}
