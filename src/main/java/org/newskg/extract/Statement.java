package org.newskg.extract;

import java.time.LocalDate;

import org.newskg.text.Span;

/**
 * One act of reported speech or stated belief: who, with which cue, said what, where and when.
 *
 * @param kind         direct quote, indirect speech, "according to", or belief
 * @param content      the content span (what was said)
 * @param cue          the cue span ("stressed", "according to")
 * @param cueLemma     the cue's lemma ("stress", "according to")
 * @param speakerSpan  the words that stand as source in the sentence (a name, pronoun or description); null if none
 * @param speaker      the {@link Entity#key()} the source resolves to; null if unresolved
 * @param venue        the {@link Event#key()} of the medium or event where it was said; null if not stated
 * @param place        the entity key of the place where it was said; null if not stated
 * @param date         when it was said; the document's date when nothing better is stated; null if unknown
 * @param confidence   in [0, 1]
 * @param rule         the name of the extraction rule that found it ({@code nkg:rule}); null if not recorded
 */
public record Statement(Kind kind, Span content, Span cue, String cueLemma, Span speakerSpan, String speaker,
                        String venue, String place, LocalDate date, double confidence, String rule) {

    /** A statement without the name of its rule (written by hand, or outside extraction). */
    public Statement(Kind kind, Span content, Span cue, String cueLemma, Span speakerSpan, String speaker,
                     String venue, String place, LocalDate date, double confidence) {
        this(kind, content, cue, cueLemma, speakerSpan, speaker, venue, place, date, confidence, null);
    }

    /** The form of the attribution. */
    public enum Kind {
        DIRECT_QUOTE, INDIRECT_SPEECH, ACCORDING_TO, BELIEF;

        /** Verbatim quotes are direct; everything else is reported in the writer's words. */
        public boolean direct() {
            return this == DIRECT_QUOTE;
        }
    }
}
