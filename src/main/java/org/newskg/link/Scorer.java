package org.newskg.link;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a candidate for an entity from general features, each in a fixed range, weighted and summed:
 *
 * <table>
 * <tr><th>feature</th><th>range</th><th>weight</th><th>what</th></tr>
 * <tr><td>name</td><td>0..1</td><td>0.55</td><td>{@link Names#similarity}: exact 1, full name inside a label 0.9,
 *     surname only 0.5</td></tr>
 * <tr><td>type</td><td>0..1</td><td>0.15</td><td>P31/P279* against our type; Person vs non-human is a veto</td></tr>
 * <tr><td>context</td><td>-1..1</td><td>0.20</td><td>positions held (P39, P580/P582 against the article dates)
 *     versus the titles; citizenship (P27) versus nationality; occupation (P106); employer, member of, party
 *     (P108/P463/P102) versus the organisations of its titles</td></tr>
 * <tr><td>cooccurrence</td><td>0..1</td><td>0.05</td><td>the candidate's claims point at items already linked for
 *     entities of the same articles</td></tr>
 * <tr><td>popularity</td><td>0..1</td><td>0.05</td><td>log sitelinks, a weak prior only</td></tr>
 * </table>
 *
 * <pre>{@code
 * Scorer.Scored s = new Scorer().score(profile, candidate, Set.of("Q30"));
 * }</pre>
 */
public final class Scorer {

    public static final double W_NAME = 0.55, W_TYPE = 0.15, W_CONTEXT = 0.20, W_COOC = 0.05, W_POPULARITY = 0.05;

    private static final Set<String> POLITICAL = Set.of("president", "senator", "governor", "mayor", "congressman",
            "congresswoman", "representative", "lawmaker", "legislator", "parliamentarian", "minister", "premier",
            "chancellor", "secretary", "speaker", "candidate", "nominee", "councillor", "councilor", "leader");
    private static final Map<String, Set<String>> POSITION_WORDS = Map.of(
            "congressman", Set.of("representatives", "congress"), "congresswoman", Set.of("representatives", "congress"),
            "representative", Set.of("representatives", "representative"), "rep", Set.of("representatives"),
            "lawmaker", Set.of("representatives", "senator", "parliament"), "legislator", Set.of("representatives", "senator"),
            "sen", Set.of("senator"), "senator", Set.of("senator", "senate"));
    private static final Set<String> SECOND = Set.of("vice", "deputy");

    /** A scored candidate: its score and the features behind it. */
    public record Scored(Candidate candidate, double score, Map<String, Double> features) {
    }

    /** Null when the candidate is vetoed (a person for a non-human, or nothing alike in name). */
    public Scored score(EntityProfile e, Candidate c, Set<String> linkedNearby) {
        double name = Names.similarity(e.names(), c.names(), e.person());
        if (name <= 0) {
            return null;
        }
        Double type = type(e, c);
        if (type == null) {
            return null;
        }
        double position = position(e, c);
        double citizenship = citizenship(e, c);
        double occupation = occupation(e, c);
        double organisation = organisation(e, c);
        double context = Math.max(-1, Math.min(1, position + citizenship + occupation + organisation));
        long shared = c.claims().values().stream().flatMap(List::stream).map(Candidate.Item::qid)
                .filter(linkedNearby::contains).distinct().count()
                + c.positions().stream().map(Candidate.Position::qid).filter(linkedNearby::contains).distinct().count();
        double cooc = Math.min(1, shared * 0.5);
        double popularity = Math.min(1, Math.log10(1 + c.sitelinks()) / 3);
        double score = W_NAME * name + W_TYPE * type + W_CONTEXT * context + W_COOC * cooc + W_POPULARITY * popularity;
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", type);
        f.put("position", position);
        f.put("citizenship", citizenship);
        f.put("occupation", occupation);
        f.put("organisation", organisation);
        f.put("cooccurrence", cooc);
        f.put("popularity", popularity);
        return new Scored(c, Math.max(0, Math.min(1, score)), f);
    }

    /** 1 compatible, 0.5 unknown, 0.3 organisation for place or the reverse (a country is both), null vetoed. */
    static Double type(EntityProfile e, Candidate c) {
        Set<String> k = c.classes();
        boolean human = k.stream().anyMatch(TypeClasses.PERSON::contains);
        boolean place = k.stream().anyMatch(TypeClasses.PLACE::contains);
        boolean org = k.stream().anyMatch(TypeClasses.ORGANIZATION::contains);
        if (k.isEmpty()) {
            return c.claim(Wikidata.INSTANCE_OF).isEmpty() ? 0.5 : e.person() ? null : 0.3;
        }
        return switch (e.type()) {
            case "Person" -> human ? 1.0 : null;
            case "Place" -> human ? null : place ? 1.0 : org ? 0.3 : null;
            default -> human ? null : org ? 1.0 : place ? 0.3 : null;
        };
    }

    /** Positions held versus titles: +1 a title matches a position held on an article's date, +0.3 held at another time, -0.5 only other positions. */
    static double position(EntityProfile e, Candidate c) {
        if (e.titles().isEmpty() || c.positions().isEmpty()) {
            return 0;
        }
        boolean matched = false;
        boolean political = false;
        for (String title : e.titles()) {
            List<String> t = Names.tokens(title);
            political |= t.stream().anyMatch(POLITICAL::contains);
            for (Candidate.Position p : c.positions()) {
                if (titleMatches(t, Names.tokens(p.label()))) {
                    matched = true;
                    if (!e.dates().isEmpty() && e.dates().stream().anyMatch(p::covers)) {
                        return 1;
                    }
                    if (e.dates().isEmpty()) {
                        return 0.6;
                    }
                }
            }
        }
        return matched ? 0.3 : political ? -0.5 : 0;
    }

    static boolean titleMatches(List<String> title, List<String> position) {
        for (String s : SECOND) {
            if (title.contains(s) != position.contains(s)) {
                return false;
            }
        }
        for (String w : title) {
            if (POLITICAL.contains(w) || POSITION_WORDS.containsKey(w)) {
                Set<String> words = POSITION_WORDS.getOrDefault(w, Set.of(w));
                if (position.stream().anyMatch(words::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Citizenship versus nationality: +0.3 agree, -1 both known and different. */
    static double citizenship(EntityProfile e, Candidate c) {
        if (!e.person() || e.countries().isEmpty() || c.claim(Wikidata.CITIZENSHIP).isEmpty()) {
            return 0;
        }
        for (Candidate.Item i : c.claim(Wikidata.CITIZENSHIP)) {
            String country = Countries.of(i.label());
            if (country != null && e.countries().contains(country)) {
                return 0.3;
            }
        }
        return -1;
    }

    /** Occupation versus titles: +0.2 a title names the occupation, or is political for a politician. */
    static double occupation(EntityProfile e, Candidate c) {
        for (Candidate.Item o : c.claim(Wikidata.OCCUPATION)) {
            List<String> occ = Names.tokens(o.label());
            for (String title : e.titles()) {
                List<String> t = Names.tokens(title);
                if (t.stream().anyMatch(occ::contains)
                        || occ.contains("politician") && t.stream().anyMatch(POLITICAL::contains)) {
                    return 0.2;
                }
            }
        }
        return 0;
    }

    /** Employer, member of or party versus the organisations of its titles: +0.4 when one agrees. */
    static double organisation(EntityProfile e, Candidate c) {
        if (e.organizations().isEmpty()) {
            return 0;
        }
        for (String p : List.of(Wikidata.EMPLOYER, Wikidata.MEMBER_OF, Wikidata.PARTY)) {
            for (Candidate.Item i : c.claim(p)) {
                if (!i.label().isBlank() && Names.similarity(e.organizations(), List.of(i.label()), false) >= 0.85) {
                    return 0.4;
                }
            }
        }
        return 0;
    }

    static boolean anyCovers(Candidate.Position p, Set<LocalDate> dates) {
        return dates.stream().anyMatch(p::covers);
    }
}
