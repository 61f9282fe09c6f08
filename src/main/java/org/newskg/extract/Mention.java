package org.newskg.extract;

import org.newskg.text.Span;

/**
 * A stretch of text that refers to an {@link Entity}.
 *
 * @param span       where it is
 * @param surface    the text of the span
 * @param entity     the {@link Entity#key()} it refers to
 * @param kind       how it refers: by name, pronoun, description or acronym
 * @param role       a role the text gives the referent at this point, e.g. {@code "government"}
 *                   for a capital standing for its government ("Minsk says"); else null
 * @param confidence how sure the recogniser (and, for pronouns and descriptions, the resolver) is, in [0, 1]
 * @param rule       the name of the recognition rule that found it ({@code nkg:rule}); null if not recorded
 */
public record Mention(Span span, String surface, String entity, Kind kind, String role, double confidence, String rule) {

    /** A mention without the name of its rule (written by hand, or outside recognition). */
    public Mention(Span span, String surface, String entity, Kind kind, String role, double confidence) {
        this(span, surface, entity, kind, role, confidence, null);
    }

    /** How a mention refers. */
    public enum Kind { NAME, PRONOUN, DESCRIPTION, ACRONYM }
}
