package org.newskg.link;

import java.util.Set;
import java.util.stream.Stream;

/**
 * The Wikidata classes that tell what kind of thing a candidate is, for type compatibility: a Person must be
 * a human (Q5); a Place a geographic entity; an Organization an organisation. General knowledge of Wikidata's
 * upper classes, reached through {@code P31/P279*}.
 */
final class TypeClasses {

    static final Set<String> PERSON = Set.of("Q5");
    /** geographic location, geographic entity, location, human settlement, administrative territorial entity, country, city, geographic region */
    static final Set<String> PLACE = Set.of("Q2221906", "Q27096213", "Q17334923", "Q486972", "Q56061", "Q6256", "Q515",
            "Q82794", "Q618123");
    /** organization, business, political party, government agency, government, international organization, enterprise */
    static final Set<String> ORGANIZATION = Set.of("Q43229", "Q4830453", "Q7278", "Q327333", "Q7188", "Q484652", "Q6881511");

    static final Set<String> ALL = Set.copyOf(Stream.of(PERSON, PLACE, ORGANIZATION).flatMap(Set::stream).toList());

    private TypeClasses() {
    }
}
