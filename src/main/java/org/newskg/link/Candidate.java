package org.newskg.link;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Wikidata item as a candidate for an entity, with the facts the scorer compares: its names (labels and
 * aliases), its short description (shown to a reviewer, empty when the backend has none), the classes it is an instance of (directly or through subclasses), the positions it held with
 * their dates, other claims as items with labels, and its number of sitelinks.
 *
 * <pre>{@code
 * Candidate c = source.facts(List.of("Q76")).get(0);
 * c.positions().forEach(p -> System.out.println(p.label() + " " + p.start() + ".." + p.end()));
 * }</pre>
 */
public record Candidate(String qid, List<String> names, String description, Set<String> classes, List<Position> positions,
                        Map<String, List<Item>> claims, int sitelinks, String method) {

    /** An item value with its English label (may be empty). */
    public record Item(String qid, String label) {
    }

    /** A P39 position held, with its P580 start and P582 end (either may be null). */
    public record Position(String qid, String label, LocalDate start, LocalDate end) {
        boolean covers(LocalDate date) {
            return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
        }
    }

    public List<Item> claim(String property) {
        return claims.getOrDefault(property, List.of());
    }

    public String label() {
        return names.isEmpty() ? "" : names.get(0);
    }
}
