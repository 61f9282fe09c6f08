package org.newskg.rdf;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Passes a stream through unchanged and counts what went by, for progress lines and summaries.
 *
 * <pre>{@code
 * QuadCounter counter = new QuadCounter(StreamRDFLib.dataset(dsg));
 * mapper.map(analysis, counter);
 * counter.quads();     // quads written for that document
 * }</pre>
 */
public final class QuadCounter extends StreamRDFWrapper {

    private long quads;
    private long triples;

    public QuadCounter(StreamRDF other) {
        super(other);
    }

    @Override
    public void quad(Quad quad) {
        quads++;
        super.quad(quad);
    }

    @Override
    public void triple(Triple triple) {
        triples++;
        super.triple(triple);
    }

    /** Quads seen so far. */
    public long quads() {
        return quads;
    }

    /** Triples (default-graph statements sent as triples) seen so far. */
    public long triples() {
        return triples;
    }

    /** Quads and triples together. */
    public long total() {
        return quads + triples;
    }
}
