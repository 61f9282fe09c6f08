package org.newskg.extract;

import java.time.LocalDate;

import org.newskg.text.Span;

/**
 * A source's claim that a person holds a title or role ("Deputy Minister of Defense",
 * "Colonel"), kept as a claim with its span rather than as a fact about the person.
 *
 * @param person       the person's {@link Entity#key()}
 * @param title        the title as stated
 * @param span         where the title is stated
 * @param organization the organisation's entity key when the text gives it, else null
 * @param asOf         the date the claim was true as of (the document's date by default), or null
 * @param confidence   in [0, 1]
 */
public record RoleClaim(String person, String title, Span span, String organization, LocalDate asOf, double confidence) {
}
