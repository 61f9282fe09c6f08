package org.newskg.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newskg.store.Store;

/**
 * Links the store's people, organisations and places to Wikidata: candidates from a {@link CandidateSource},
 * scored by the {@link Scorer} in two passes (the second knows the links the first made for entities of the same
 * articles), decided, and written to {@link LinkGraph#LINKS} with their evidence.
 *
 * <p>Decision: a candidate is accepted ({@code auto}) when its score is at least {@link #THRESHOLD} and leads the
 * runner-up by {@link #MARGIN}; a person matched on a surname alone needs some agreeing context too. Otherwise the
 * candidates scoring at least {@link #KEEP} are kept as {@code pending} for review, and an entity with none is NIL.
 * A person's decisions ({@link LinkGraph#DECISIONS}) override the scorer: a rejected QID is never linked, a
 * confirmed one always is.
 *
 * <pre>{@code
 * try (Store store = Store.open(db); CandidateSource kb = RdfCandidateSource.load(files)) {
 *     Linker.Summary s = new Linker().link(store, kb);
 * }
 * }</pre>
 */
public final class Linker {

    public static final double THRESHOLD = 0.60;
    public static final double MARGIN = 0.10;
    public static final double KEEP = 0.35;
    private static final int MAX_KEPT = 5;

    private final Scorer scorer = new Scorer();

    /**
     * One candidate as decided, with its Wikidata label and description (empty when unknown): its status is auto,
     * pending, confirmed, rejected or runner-up.
     */
    public record Ranked(String qid, String label, String description, double score, Map<String, Double> features,
                         String method, String status) {
        public boolean linked() {
            return status.equals("auto") || status.equals("confirmed");
        }
    }

    /** An entity with its kept candidates, best first. */
    public record Linked(EntityProfile entity, List<Ranked> candidates) {
        public Ranked link() {
            return candidates.stream().filter(Ranked::linked).findFirst().orElse(null);
        }
    }

    /** What a run did. */
    public record Summary(int entities, int auto, int confirmed, int pending, int nil, List<Linked> results) {
        @Override
        public String toString() {
            return entities + " entities: " + auto + " linked automatically, " + confirmed + " confirmed by review, "
                    + pending + " left for review, " + nil + " not in the knowledge base";
        }
    }

    /** Links every entity of the store and replaces the links graph. */
    public Summary link(Store store, CandidateSource source) {
        List<EntityProfile> profiles = Profiles.read(store.dataset());
        Map<String, Map<String, Boolean>> decisions = org.apache.jena.system.Txn.calculateRead(store.dataset(),
                () -> LinkGraph.decisions(store.dataset()));
        Map<String, Set<String>> searched = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (EntityProfile p : profiles) {
            Set<String> qids = new LinkedHashSet<>(source.search(p.names()));
            qids.addAll(decisions.getOrDefault(p.iri(), Map.of()).keySet());
            searched.put(p.iri(), qids);
            all.addAll(qids);
        }
        Map<String, Candidate> facts = new HashMap<>();
        for (Candidate c : source.facts(all)) {
            facts.put(c.qid(), c);
        }
        Map<String, Set<String>> byDocument = new HashMap<>();
        List<Linked> results = pass(profiles, searched, facts, decisions, Map.of(), byDocument);
        Map<String, String> linked = new HashMap<>();
        for (Linked l : results) {
            if (l.link() != null) {
                linked.put(l.entity().iri(), l.link().qid());
                l.entity().documents().forEach(d -> byDocument.computeIfAbsent(d, k -> new HashSet<>()).add(l.entity().iri()));
            }
        }
        results = pass(profiles, searched, facts, decisions, linked, byDocument);
        LinkGraph.write(store, results, Instant.now());
        int auto = 0, confirmed = 0, pending = 0, nil = 0;
        for (Linked l : results) {
            Ranked r = l.link();
            if (r != null && r.status().equals("auto")) {
                auto++;
            } else if (r != null) {
                confirmed++;
            } else if (l.candidates().stream().anyMatch(c -> c.status().equals("pending"))) {
                pending++;
            } else {
                nil++;
            }
        }
        return new Summary(profiles.size(), auto, confirmed, pending, nil, results);
    }

    private List<Linked> pass(List<EntityProfile> profiles, Map<String, Set<String>> searched, Map<String, Candidate> facts,
                              Map<String, Map<String, Boolean>> decisions, Map<String, String> linked,
                              Map<String, Set<String>> byDocument) {
        List<Linked> out = new ArrayList<>();
        for (EntityProfile p : profiles) {
            Set<String> nearby = new HashSet<>();
            for (String d : p.documents()) {
                for (String other : byDocument.getOrDefault(d, Set.of())) {
                    if (!other.equals(p.iri()) && linked.containsKey(other)) {
                        nearby.add(linked.get(other));
                    }
                }
            }
            List<Scorer.Scored> scored = new ArrayList<>();
            for (String q : searched.getOrDefault(p.iri(), Set.of())) {
                Candidate c = facts.get(q);
                Scorer.Scored s = c == null ? null : scorer.score(p, c, nearby);
                if (s != null) {
                    scored.add(s);
                }
            }
            out.add(new Linked(p, decide(p, scored, decisions.getOrDefault(p.iri(), Map.of()))));
        }
        return out;
    }

    /** The decision for one entity, given its scored candidates and a person's decisions (QID -> accept). */
    public static List<Ranked> decide(EntityProfile p, List<Scorer.Scored> scored, Map<String, Boolean> decisions) {
        List<Scorer.Scored> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble(Scorer.Scored::score).reversed().thenComparing(s -> s.candidate().qid()));
        String confirmed = decisions.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst().orElse(null);
        List<Scorer.Scored> open = ranked.stream().filter(s -> !Boolean.FALSE.equals(decisions.get(s.candidate().qid()))).toList();
        String auto = null;
        if (confirmed == null && !open.isEmpty()) {
            Scorer.Scored best = open.get(0);
            double second = open.size() > 1 ? open.get(1).score() : 0;
            boolean evidence = !p.person() || best.features().get("name") >= 0.85
                    || best.features().get("position") > 0 || best.features().get("cooccurrence") > 0;
            if (best.score() >= THRESHOLD && best.score() - second >= MARGIN && evidence) {
                auto = best.candidate().qid();
            }
        }
        List<Ranked> out = new ArrayList<>();
        boolean anyLinked = confirmed != null || auto != null;
        for (Scorer.Scored s : ranked) {
            String q = s.candidate().qid();
            String status;
            if (decisions.containsKey(q)) {
                status = decisions.get(q) && q.equals(confirmed) ? "confirmed" : decisions.get(q) ? "runner-up" : "rejected";
            } else if (q.equals(auto)) {
                status = "auto";
            } else if (s.score() < KEEP || out.size() >= MAX_KEPT) {
                continue;
            } else {
                status = anyLinked ? "runner-up" : "pending";
            }
            Candidate c = s.candidate();
            out.add(new Ranked(q, c.label(), c.description(), s.score(), s.features(), c.method(), status));
        }
        if (confirmed != null && out.stream().noneMatch(r -> r.status().equals("confirmed"))) {
            out.add(0, new Ranked(confirmed, "", "", 0, Map.of(), "review", "confirmed"));
        }
        return out;
    }
}
