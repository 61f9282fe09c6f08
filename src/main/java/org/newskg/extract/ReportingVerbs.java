package org.newskg.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A lexicon of verbs that introduce reported speech or a stated mental state, by lemma, each with its
 * {@link VerbClass}. The list lives in {@code lexicon/reporting-verbs.txt}; its header says where it comes from.
 *
 * <pre>{@code
 * ReportingVerbs verbs = ReportingVerbs.standard();
 * verbs.classOf("stress");   // Optional[SPEECH]
 * verbs.classOf("believe");  // Optional[BELIEF]
 * verbs.classOf("table");    // Optional.empty()
 * }</pre>
 */
public final class ReportingVerbs {

    /** What a reporting verb reports. */
    public enum VerbClass {
        /** A speech act: say, stress, deny, tweet. */
        SPEECH,
        /** A belief or other cognitive state: believe, fear, know. */
        BELIEF,
        /** A wish or intention: want, plan, seek. */
        INTENTION,
        /** Perception or evidence: see, show, appear. */
        PERCEPTION
    }

    private static final String RESOURCE = "/lexicon/reporting-verbs.txt";

    private final Map<String, VerbClass> byLemma;

    private ReportingVerbs(Map<String, VerbClass> byLemma) {
        this.byLemma = Map.copyOf(byLemma);
    }

    private static final class Holder {
        static final ReportingVerbs STANDARD = load();
    }

    /** The lexicon shipped with NewsKG. */
    public static ReportingVerbs standard() {
        return Holder.STANDARD;
    }

    /** The class of the verb with this lemma, if it is a reporting verb. */
    public Optional<VerbClass> classOf(String lemma) {
        return Optional.ofNullable(byLemma.get(lemma.toLowerCase(Locale.ROOT)));
    }

    public boolean contains(String lemma) {
        return byLemma.containsKey(lemma.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return byLemma.size();
    }

    private static ReportingVerbs load() {
        Map<String, VerbClass> map = new HashMap<>();
        for (String line : Lexicon.lines(RESOURCE)) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(RESOURCE + ": expected 'lemma class', got '" + line + "'");
            }
            map.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), VerbClass.valueOf(parts[1].toUpperCase(Locale.ROOT)));
        }
        return new ReportingVerbs(map);
    }
}
