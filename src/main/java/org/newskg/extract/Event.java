package org.newskg.extract;

import java.time.LocalDate;
import java.util.List;

import org.newskg.text.Span;

/**
 * Something that happened: an interview, meeting, briefing, visit, publication or social-network post.
 *
 * @param key          document-local id, referenced by statements
 * @param type         what kind of event
 * @param span         the words that name it ("a television interview", "the briefing")
 * @param label        a readable name ("interview with VoenTV")
 * @param participants entity keys of who took part
 * @param medium       entity key of the outlet, channel or network it happened on, else null
 * @param place        entity key of where it happened, else null
 * @param partOf       key of the larger event it was part of, else null
 * @param date         when it happened, normalised against the document date; null if unknown
 * @param confidence   in [0, 1]
 */
public record Event(String key, Type type, Span span, String label, List<String> participants, String medium,
                    String place, String partOf, LocalDate date, double confidence) {

    public Event {
        participants = List.copyOf(participants);
    }

    /** Kinds of event. */
    public enum Type { INTERVIEW, MEETING, BRIEFING, VISIT, PUBLICATION, POST, OTHER }
}
