package org.newskg.link;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the articles say about one entity, for comparing with a candidate: its names, type (Person,
 * Organization, Place), the titles sources give it (role claims) with their organisations, the countries
 * it is tied to (nationality from a demonym in a title, or the country the text names), the dates of the
 * articles that mention it, and those articles.
 */
public record EntityProfile(String iri, String label, String type, List<String> names, List<String> titles,
                            List<String> organizations, Set<String> countries, Set<LocalDate> dates, Set<String> documents) {

    public boolean person() {
        return "Person".equals(type);
    }
}
