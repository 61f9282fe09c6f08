package org.newskg.extract;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent in each stage of the pipeline, summed over every thread that ran it. Handed to an
 * {@link Extractor} (and through it to the RDF mapping) by a benchmark that wants the split; the
 * normal path passes none and pays nothing.
 *
 * <pre>{@code
 * StageTimes times = new StageTimes();
 * Extractor extractor = new Extractor(times);
 * extractor.analyze(document);
 * times.nanos(StageTimes.Stage.LINGUISTIC);   // time in sentences, tokens, POS and lemmas
 * }</pre>
 */
public final class StageTimes {

    /** A stage of the pipeline, in the order a document passes through them. */
    public enum Stage {
        CLEAN("cleaning"), LINGUISTIC("linguistic layer"), ENTITIES("entities"), EVENTS("events"),
        STATEMENTS("statements"), RDF("RDF emission");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);

    public StageTimes() {
        for (Stage s : Stage.values()) {
            nanos.put(s, new LongAdder());
        }
    }

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to {@code stage}; returns now. */
    public long lap(Stage stage, long startNanos) {
        long now = System.nanoTime();
        nanos.get(stage).add(now - startNanos);
        return now;
    }

    /** Total nanoseconds recorded for {@code stage}, over all threads. */
    public long nanos(Stage stage) {
        return nanos.get(stage).sum();
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        nanos.values().forEach(LongAdder::reset);
    }
}
