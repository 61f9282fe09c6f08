package org.newskg.store;

import java.io.InputStream;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.newskg.rdf.NKG;

/** The hand-made two-document fixture ({@code store/two-documents.trig}), for tests of the store, the server and the queries. */
public final class Fixture {

    public static final Node DOC1 = NodeFactory.createURI(NKG.ID + "doc-harbour-1");
    public static final Node DOC2 = NodeFactory.createURI(NKG.ID + "doc-harbour-2");
    public static final String LENA = NKG.ID + "lena-vargas";
    public static final String TOMAS = NKG.ID + "tomas-reed";

    private Fixture() {
    }

    /** The fixture as an in-memory dataset. */
    public static DatasetGraph dataset() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = Fixture.class.getResourceAsStream("/store/two-documents.trig")) {
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dsg;
    }

    /** The quads of one document graph of the fixture. */
    public static List<Quad> quads(Node graph) {
        return Iter.toList(dataset().find(graph, Node.ANY, Node.ANY, Node.ANY));
    }

    /** Loads both documents into the store, one transaction each. */
    public static void load(Store store) {
        store.replaceDocument(DOC1, quads(DOC1));
        store.replaceDocument(DOC2, quads(DOC2));
    }
}
