package org.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** NIF 2.1 Core terms NewsKG uses for offsets and anchor text. */
public final class NIF {

    public static final String NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String PREFIX = "nif";

    private NIF() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    public static final Resource Context = resource("Context");
    public static final Resource String = resource("String");
    public static final Resource Phrase = resource("Phrase");
    public static final Resource Word = resource("Word");
    public static final Resource Sentence = resource("Sentence");
    public static final Resource Paragraph = resource("Paragraph");
    public static final Property isString = property("isString");
    public static final Property beginIndex = property("beginIndex");
    public static final Property endIndex = property("endIndex");
    public static final Property anchorOf = property("anchorOf");
    public static final Property referenceContext = property("referenceContext");
    public static final Property lemma = property("lemma");
    public static final Property sentence = property("sentence");
}
