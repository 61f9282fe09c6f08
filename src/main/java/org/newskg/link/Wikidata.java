package org.newskg.link;

import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Wikidata's RDF namespaces and the properties NewsKG reads, declared once. */
public final class Wikidata {

    public static final String ENTITY = "http://www.wikidata.org/entity/";
    public static final String DIRECT = "http://www.wikidata.org/prop/direct/";
    public static final String CLAIM = "http://www.wikidata.org/prop/";
    public static final String STATEMENT = "http://www.wikidata.org/prop/statement/";
    public static final String QUALIFIER = "http://www.wikidata.org/prop/qualifier/";
    public static final String WIKIBASE = "http://wikiba.se/ontology#";

    /** Properties whose values are compared with what the articles say. */
    public static final String INSTANCE_OF = "P31", SUBCLASS_OF = "P279", CITIZENSHIP = "P27", OCCUPATION = "P106",
            EMPLOYER = "P108", MEMBER_OF = "P463", PARTY = "P102", POSITION_HELD = "P39", START = "P580", END = "P582";

    /** Classes that make a candidate a human, a geographic entity or an organisation. */
    public static final String HUMAN = "Q5";

    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]{0,11}");

    private Wikidata() {
    }

    /** Whether {@code s} is a well-formed item id such as {@code Q42}. */
    public static boolean isQid(String s) {
        return s != null && QID.matcher(s).matches();
    }

    /** The item IRI of a QID; rejects anything else, so no text reaches a query as an IRI. */
    public static Node item(String qid) {
        if (!isQid(qid)) {
            throw new IllegalArgumentException("not a Wikidata item id: " + qid);
        }
        return NodeFactory.createURI(ENTITY + qid);
    }

    /** The QID of an item IRI, or null when it is not one. */
    public static String qidOf(String iri) {
        if (iri == null || !iri.startsWith(ENTITY)) {
            return null;
        }
        String q = iri.substring(ENTITY.length());
        return isQid(q) ? q : null;
    }
}
