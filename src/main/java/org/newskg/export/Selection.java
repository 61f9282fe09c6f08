package org.newskg.export;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What part of the store an export (or the explorer) takes: every statement, or one speaker's, within an
 * optional date range; and either the statements alone (speakers, statements, what they mention, where they
 * were said) or everything around them (documents, all mentioned entities, events and their participants,
 * role claims).
 *
 * <pre>{@code
 * Selection s = Selection.all().speaker("https://w3id.org/newskg/id/person/ingrid-solberg")
 *         .between(LocalDate.parse("2025-03-01"), null).scope(Selection.Scope.STATEMENTS);
 * }</pre>
 *
 * @param speaker the speaker's IRI, or null for every speaker
 * @param from the first day (inclusive), or null; a statement without a date is outside any date range
 * @param to the last day (inclusive), or null
 * @param scope statements only, or everything
 */
public record Selection(String speaker, LocalDate from, LocalDate to, Scope scope) {

    /** How much around the selected statements is taken. */
    public enum Scope {
        /** Speakers, statements, the entities a statement's content mentions, and the events where it was said. */
        STATEMENTS,
        /** Also the documents, every entity they mention, their events with actors, media and places, and role claims. */
        ALL
    }

    public Selection {
        if (scope == null) {
            throw new IllegalArgumentException("No scope given: STATEMENTS or ALL");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("Bad date range " + from + ".." + to + ": the start is after the end");
        }
        if (speaker != null && speaker.isBlank()) {
            throw new IllegalArgumentException("Blank speaker: give an IRI, or null for every speaker");
        }
    }

    /** The whole store, everything. */
    public static Selection all() {
        return new Selection(null, null, null, Scope.ALL);
    }

    /** The same selection for one speaker (an IRI). */
    public Selection speaker(String iri) {
        return new Selection(iri, from, to, scope);
    }

    /** The same selection within a date range; either end may be null (open). */
    public Selection between(LocalDate first, LocalDate last) {
        return new Selection(speaker, first, last, scope);
    }

    /** The same selection with another scope. */
    public Selection scope(Scope s) {
        return new Selection(speaker, from, to, s);
    }

    /** True when no speaker and no date range restrict the statements. */
    public boolean unrestricted() {
        return speaker == null && from == null && to == null;
    }

    /** Whether a statement with this date (or none) lies in the date range. */
    public boolean inRange(Optional<LocalDate> date) {
        if (from == null && to == null) {
            return true;
        }
        if (date.isEmpty()) {
            return false;
        }
        LocalDate d = date.get();
        return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
}
