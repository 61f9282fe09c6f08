package org.newskg.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * The confidence of a statement: how often a statement of its kind, with its speaker in the same state, was right
 * end to end (content, source and cue) on the training split of PolNeAR. The table is
 * {@code /extract/statement-confidence.tsv}; its header says how it was fitted and how to refit it.
 *
 * <pre>{@code
 * StatementConfidence.of(Statement.Kind.DIRECT_QUOTE, "entity");        // 0.91
 * StatementConfidence.of(Statement.Kind.INDIRECT_SPEECH, "none");       // 0.18: no one to attribute it to
 * }</pre>
 */
final class StatementConfidence {

    private static final Map<String, Double> TABLE = load("/extract/statement-confidence.tsv");

    private StatementConfidence() {
    }

    /**
     * @param speakerState {@code entity}, {@code pronoun}, {@code pronoun-unresolved}, {@code span-only} or
     *                     {@code none}; a state the table lacks for the kind falls back to the kind's overall share
     */
    static double of(Statement.Kind kind, String speakerState) {
        Double c = TABLE.get(kind.name() + "\t" + speakerState);
        if (c == null) {
            c = TABLE.get(kind.name() + "\t*");
        }
        if (c == null) {
            throw new IllegalStateException("statement-confidence.tsv has no row for " + kind);
        }
        return c;
    }

    private static Map<String, Double> load(String resource) {
        Map<String, Double> out = new HashMap<>();
        for (String[] f : Lexicon.rows(resource)) {
            out.put(f[0] + "\t" + f[1], Double.parseDouble(f[2]));
        }
        return Map.copyOf(out);
    }
}
