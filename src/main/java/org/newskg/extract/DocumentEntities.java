package org.newskg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.newskg.text.AnnotatedText;
import org.newskg.text.ArticleHeader;
import org.newskg.text.Sentence;
import org.newskg.text.Span;
import org.newskg.text.Token;

/**
 * One run of entity recognition over one document: the mutable state behind
 * {@link EntityRecognizer#recognize}. Not shared between threads.
 */
final class DocumentEntities {

    /** A word of the text: a token, or part of a hyphenated token split where a name meets another word. */
    record Word(int index, int begin, int end, String text, String pos, String lemma, int sentence, boolean sentenceStart, boolean basedCue) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** A typed name found in a run of capitalised words. */
    private record Candidate(int from, int to, EntityType type, double confidence, String canonical, String country,
                             String gender, int titleFrom, boolean strong) {
    }

    private static final class Ent {
        final String key;
        final Map<EntityType, Double> votes = new EnumMap<>(EntityType.class);
        final LinkedHashSet<String> names = new LinkedHashSet<>();
        final Set<String> roleHeads = new java.util.HashSet<>();
        String canonical;
        String identity;
        String country;
        String gender;
        boolean seatOfGovernment;

        Ent(String key) {
            this.key = key;
        }

        EntityType type() {
            return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(EntityType.OTHER);
        }

        String fullest() {
            return names.stream().max(Comparator.comparingInt(String::length)).orElse(canonical);
        }
    }

    private static final class Found {
        final int begin;
        final int end;
        final int firstWord;
        final int lastWord;
        final Ent ent;
        final Mention.Kind kind;
        String role;
        /** The pass that found it, written as {@code nkg:rule}; set by {@link #run}. */
        String rule;
        final double confidence;

        Found(int firstWord, int lastWord, int begin, int end, Ent ent, Mention.Kind kind, double confidence) {
            this.firstWord = firstWord;
            this.lastWord = lastWord;
            this.begin = begin;
            this.end = end;
            this.ent = ent;
            this.kind = kind;
            this.confidence = confidence;
        }
    }

    private static final Set<String> STOP_CAPS = Set.of(
            "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "June", "July", "August", "September", "October",
            "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "OK", "AM", "PM", "A.M.", "P.M.", "CEST", "GMT", "UTC", "EST", "EDT", "Q1", "Q2", "Q3", "Q4", "No", "Yes",
            "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Hundred", "Thousand", "Million", "Billion",
            "Mln", "Mlns", "Bln", "Dlrs", "Pct", "Cts", "Vs", "Jr", "Jr.", "Sr", "Sr.", "May", "Reuter", "NOTE", "Shr", "Net", "Revs");
    /** Title words that also start company names ("General Motors"): a title only before a given name. */
    private static final Set<String> AMBIGUOUS_TITLES = Set.of(
            "general", "major", "chief", "executive", "head", "leader", "member", "partner", "owner", "officer", "official",
            "expert", "analyst", "fellow", "editor", "reporter", "judge", "justice", "speaker", "founder", "candidate", "first",
            "second", "national", "federal", "security", "state", "trade", "energy", "health", "press", "research", "top",
            "special", "high", "supreme", "deputy", "chair", "director", "king", "prince", "queen", "captain", "marshal", "lord");
    private static final Set<String> TRAILING_POS = Set.of("DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT");
    private static final Set<String> PARTICLES = Set.of(
            "van", "der", "den", "de", "von", "al", "bin", "ibn", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "el", "ter", "zu");
    private static final Set<String> FUNCTION_POS = Set.of("PRON", "DET", "CCONJ", "SCONJ", "AUX", "ADP", "PART", "PUNCT", "SYM", "INTJ");
    private static final Set<String> IN_ON_HEADS = Set.of(
            "Committee", "Commission", "Council", "Conference", "Treaty", "Convention", "Agreement", "Forum", "Summit",
            "Institute", "Center", "Centre", "Organization", "Organisation", "Office", "Agency", "Court", "Tribunal", "Union");
    private static final Set<String> OTHER_HEADS = Set.of(
            "Treaty", "Convention", "Agreement", "Accord", "Accords", "Act", "Pact", "Protocol", "Doctrine", "Charter", "Declaration",
            "Plan", "Initiative", "Strategy", "Program", "Programme", "Project", "Law", "Bill", "Index", "Award", "Prize");
    private static final Set<String> EVENT_HEADS = Set.of(
            "Conference", "Summit", "Forum", "Games", "Olympics", "Cup", "Championship", "Championships", "War", "Festival",
            "Election", "Elections", "Exhibition", "Expo", "Exercise", "Exercises", "Revolution", "Crisis", "Talks", "Meeting",
            "Congress", "Dialogue", "Show", "Olympiad", "Tournament", "Battle", "Uprising", "Week");
    private static final Set<String> PLACE_PREFIXES = Set.of("Mount", "Mt", "Mt.", "Lake", "Cape", "Port", "Fort", "Gulf", "Bay", "Isle", "Strait", "Sea", "Saint", "San", "Santa", "Los", "Las");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near", "across", "outside", "throughout", "around", "inside");
    private static final Set<String> AUX_BETWEEN = Set.of("has", "have", "had", "is", "was", "will", "would", "could", "may", "might", "also", "again", "still", "now", "already", "repeatedly", "reportedly", "does", "did", "not", "n't", "can", "should", "must", "officially");
    private static final Set<String> ORG_DESCRIPTION_HEADS = Set.of(
            "ministry", "company", "firm", "bank", "agency", "department", "council", "committee", "organization",
            "organisation", "alliance", "union", "army", "party", "court", "commission", "bureau", "office", "corporation",
            "group", "institute", "university", "service", "fund", "newspaper", "channel", "broadcaster");
    private static final Set<String> GENERIC_ORG_HEADS = Set.of("company", "firm", "corporation", "group");
    private static final Set<String> GROUP_DETERMINERS = Set.of(
            "a", "an", "the", "some", "several", "many", "other", "two", "three", "four", "most", "few", "all", "these", "those", "both", "various", "numerous");
    private static final Set<String> INSTITUTIONS = Set.of("government", "administration", "army", "military", "navy", "parliament", "cabinet", "police");
    private static final Set<String> ORG_DESCRIPTORS = Set.of(
            "company", "firm", "manufacturer", "maker", "automaker", "carmaker", "airline", "carrier", "bank", "retailer",
            "giant", "conglomerate", "insurer", "broker", "brokerage", "newspaper", "daily", "agency", "operator", "producer",
            "supplier", "developer", "publisher", "network", "broadcaster", "channel", "startup", "rival", "competitor",
            "subsidiary", "unit", "parent", "chain", "club", "team", "party", "group", "organisation", "organization",
            "charity", "lender", "utility", "exporter", "importer", "distributor", "provider", "builder", "contractor");
    private static final Set<String> PLACE_DESCRIPTORS = Set.of(
            "city", "town", "village", "province", "region", "state", "county", "district", "capital", "island", "port", "republic");
    /** Credit ratings ("AAA", "Baa-2", "BB+") look like acronyms but name nothing. */
    private static final java.util.regex.Pattern CREDIT_RATING = java.util.regex.Pattern.compile("(A{1,3}|B{1,3}|Baa|Ba|Caa|Ca|C{1,3}|D)[-+]?[1-3]?");

    private final AnnotatedText annotated;
    private final String text;
    private final LocalDate date;
    private final EntityLexicon lex;
    private final List<Word> words = new ArrayList<>();
    private final List<int[]> sentenceWords = new ArrayList<>();
    private final Set<Integer> headlines = new java.util.HashSet<>();
    private final boolean[] taken;
    /** Words the document capitalises inside sentences: names, when they also open one. */
    private final Set<String> midSentenceCaps = new java.util.HashSet<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    /** Words the tagger takes for a proper noun at least once: the tagger is not consistent across sentences. */
    private final Set<String> properNouns = new java.util.HashSet<>();
    /** Words the document puts right after an honorific or a capitalised title ("Mr Novak"): surnames. */
    private final Set<String> surnameWithTitle = new java.util.HashSet<>();
    private final List<Ent> ents = new ArrayList<>();
    private final Map<String, Ent> byIdentity = new HashMap<>();
    private final Map<String, Ent> acronyms = new HashMap<>();
    private final List<Found> found = new ArrayList<>();
    private final List<RoleClaim> roles = new ArrayList<>();

    DocumentEntities(AnnotatedText annotated, LocalDate date, EntityLexicon lexicon) {
        this.annotated = annotated;
        this.text = annotated.text();
        this.date = date;
        this.lex = lexicon;
        for (Sentence s : annotated.sentences()) {
            int first = words.size();
            boolean start = true;
            for (int k = 0; k < s.tokens().size(); k++) {
                Token t = s.tokens().get(k);
                String x = t.text();
                if (k == s.tokens().size() - 1 && x.length() > 2 && x.endsWith(".") && x.indexOf('.') == x.length() - 1) {
                    // the tokenizer sometimes leaves the full stop on the last word: "Kyiv."
                    t = new Token(new Span(t.begin(), t.end() - 1), x.substring(0, x.length() - 1), t.pos(), t.lemma());
                    split(t, s.index(), start);
                    add(t.end(), t.end() + 1, ".", "PUNCT", ".", s.index(), false, false);
                    continue;
                }
                split(t, s.index(), start);
                start = isOpening(t.text()) && start;
            }
            sentenceWords.add(new int[] {first, words.size()});
        }
        this.taken = new boolean[words.size()];
    }

    /** Document-wide evidence about words, read outside Title Case lines. */
    private void collectWordEvidence() {
        for (Word x : words) {
            if (headlines.contains(x.sentence())) {
                continue;
            }
            occurrences.merge(x.text(), 1, Integer::sum);
            if (capitalised(x.text()) && Set.of("PROPN", "NOUN", "X").contains(x.pos()) && x.index() + 1 < words.size()
                    && w(x.index() + 1).sentence() == x.sentence() && nameWord(x.index() + 1)) {
                properNouns.add(x.text());
            }
            if (!x.sentenceStart() && capitalised(x.text()) && !FUNCTION_POS.contains(x.pos())) {
                midSentenceCaps.add(x.text());
            }
            if ("PROPN".equals(x.pos()) && capitalised(x.text())) {
                properNouns.add(x.text());
            }
            if (x.index() > 0 && capitalised(x.text()) && (lex.isHonorific(w(x.index() - 1).text())
                    || lex.isTitleHead(w(x.index() - 1).text()) && capitalised(w(x.index() - 1).text()))) {
                surnameWithTitle.add(x.text());
            }
        }
    }

    private static boolean isOpening(String token) {
        return token.equals("\"") || token.equals("“") || token.equals("'") || token.equals("‘") || token.equals("(") || token.equals("-") || token.equals("--") || token.equals("—");
    }

    /** Splits "Minsk-based" into "Minsk" + "-based", "pro-Russian" into "pro-" + "Russian", and "Russia-Belarus" where a part is a known name. */
    private void split(Token t, int sentence, boolean start) {
        String s = t.text();
        String pos = t.pos().contains("+") ? t.pos().substring(0, t.pos().indexOf('+')) : t.pos();
        if (s.length() > 2 && (s.endsWith("'s") || s.endsWith("’s")) && Character.isLetter(s.charAt(s.length() - 3))) {
            // the tokenizer keeps "Boeing's" whole and tags it PROPN+PART
            int cut = t.end() - 2;
            split(new Token(new Span(t.begin(), cut), s.substring(0, s.length() - 2), pos, s.substring(0, s.length() - 2)), sentence, start);
            add(cut, t.end(), s.substring(s.length() - 2), "PART", "'s", sentence, false, false);
            return;
        }
        if (!pos.equals(t.pos())) {
            t = new Token(t.span(), s, pos, t.lemma());
        }
        if (s.length() > 1 && s.endsWith("-") && capitalised(s) && s.indexOf('-') == s.length() - 1) {
            add(t.begin(), t.end() - 1, s.substring(0, s.length() - 1), "PROPN", s, sentence, start, false);
            add(t.end() - 1, t.end(), "-", "PUNCT", "-", sentence, false, false);
            return;
        }
        int dash = s.indexOf('-');
        if (dash > 0 && dash < s.length() - 1 && !isKnown(s)) {
            String head = s.substring(0, dash);
            String tail = s.substring(dash + 1);
            boolean headCap = Character.isUpperCase(head.codePointAt(0));
            boolean tailCap = Character.isUpperCase(tail.codePointAt(0));
            if (headCap && !tailCap && tail.indexOf('-') < 0 && Character.isLetter(tail.codePointAt(0))) {
                add(t.begin(), t.begin() + dash, head, "PROPN", head, sentence, start, tail.equals("based") || tail.equals("headquartered"));
                add(t.begin() + dash, t.end(), s.substring(dash), "ADJ", s.substring(dash).toLowerCase(Locale.ROOT), sentence, false, false);
                return;
            }
            if (!headCap && tailCap && head.length() <= 6) {
                add(t.begin(), t.begin() + dash + 1, s.substring(0, dash + 1), "ADJ", head, sentence, start, false);
                add(t.begin() + dash + 1, t.end(), tail, "PROPN", tail, sentence, false, false);
                return;
            }
            if (headCap && tailCap && isKnown(head) && isKnown(tail)) {
                add(t.begin(), t.begin() + dash, head, "PROPN", head, sentence, start, false);
                add(t.begin() + dash, t.begin() + dash + 1, "-", "PUNCT", "-", sentence, false, false);
                add(t.begin() + dash + 1, t.end(), tail, "PROPN", tail, sentence, false, false);
                return;
            }
        }
        add(t.begin(), t.end(), s, t.pos(), t.lemma(), sentence, start, false);
    }

    private boolean isKnown(String s) {
        return lex.places.containsKey(s) || lex.organizations.containsKey(s) || lex.demonyms.containsKey(s);
    }

    private void add(int begin, int end, String s, String pos, String lemma, int sentence, boolean start, boolean based) {
        words.add(new Word(words.size(), begin, end, s, pos, lemma, sentence, start, based));
    }

    /**
     * The passes in their order. A pass that adds mentions is run by {@link #run} under its rule name, which
     * each of its mentions then carries as {@code nkg:rule}: Byline, Names (with AcronymAfterName for the
     * bracketed acronym after a name), HeadlineNames, TitlesBeforeNames, Appositives, Governments,
     * Descriptions, Groups, Pronouns.
     */
    Entities find() {
        markHeadlines();
        collectWordEvidence();
        run("Byline", this::byline);
        List<Candidate> candidates = new ArrayList<>();
        for (int s = 0; s < sentenceWords.size(); s++) {
            if (!headlines.contains(s)) {
                int[] r = sentenceWords.get(s);
                for (int[] run : runs(r[0], r[1])) {
                    classify(run[0], run[1], candidates);
                }
            }
        }
        run("Names", () -> resolveNames(candidates));
        run("HeadlineNames", this::headlineNames);
        run("TitlesBeforeNames", () -> titlesBeforeNames(candidates));
        run("Appositives", this::appositives);
        run("Governments", this::governments);
        run("Descriptions", this::descriptions);
        run("Groups", this::groups);
        run("Pronouns", this::pronouns);
        return result();
    }

    /** Runs one pass; the mentions it adds that no finer rule named carry {@code rule}. Passes only ever append. */
    private void run(String rule, Runnable pass) {
        int before = found.size();
        pass.run();
        for (int k = before; k < found.size(); k++) {
            if (found.get(k).rule == null) {
                found.get(k).rule = rule;
            }
        }
    }

    // ---------------------------------------------------------------- words

    private Word w(int i) {
        return words.get(i);
    }

    private String text(int from, int to) {
        return text.substring(w(from).begin(), w(to - 1).end());
    }

    private int sentenceEnd(int i) {
        return sentenceWords.get(w(i).sentence())[1];
    }

    private int sentenceStart(int i) {
        return sentenceWords.get(w(i).sentence())[0];
    }

    private static boolean capitalised(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.codePointAt(0));
    }

    private static boolean allCaps(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c) && !(i > 0 && c == 'o')) {
                    return false;
                }
            }
        }
        return letters >= 2;
    }

    private boolean nameWord(int i) {
        Word x = w(i);
        return capitalised(x.text()) && !STOP_CAPS.contains(x.text()) && !"PUNCT".equals(x.pos())
                && Character.isLetter(x.text().codePointAt(0));
    }

    private boolean lexiconWord(int i) {
        String s = w(i).text();
        if (lex.places.containsKey(s) || lex.organizations.containsKey(s) || lex.demonyms.containsKey(s)
                || lex.givenNames.containsKey(s) || lex.isHonorific(s) || lex.isTitleHead(s)) {
            return true;
        }
        int end = sentenceEnd(i);
        for (int j = i + 2; j <= Math.min(end, i + lex.longestEntry); j++) {
            String t = text(i, j);
            if (lex.places.containsKey(t) || lex.organizations.containsKey(t) || lex.demonyms.containsKey(t)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsName(int i) {
        if (!nameWord(i)) {
            return false;
        }
        Word x = w(i);
        if (x.sentenceStart()) {
            if (lexiconWord(i) || "PROPN".equals(x.pos()) || allCaps(x.text()) || midSentenceCaps.contains(x.text())
                    || properNouns.contains(x.text())) {
                return true;
            }
            int next = i + 1;
            return next < sentenceEnd(i) && nameWord(next) && ("NOUN".equals(x.pos()) || "ADJ".equals(x.pos()))
                    && !FUNCTION_POS.contains(w(next).pos());
        }
        return !FUNCTION_POS.contains(x.pos()) || "PROPN".equals(x.pos()) || lexiconWord(i) || allCaps(x.text())
                || properNouns.contains(x.text());
    }

    private boolean continuesName(int j) {
        Word x = w(j);
        if (x.text().equals("&")) {
            return false;
        }
        if (nameWord(j)) {
            return !(FUNCTION_POS.contains(x.pos()) && x.text().length() <= 3 && !allCaps(x.text()) && !properNouns.contains(x.text())
                    && lex.organizationHead(x.text()) == null);
        }
        return PARTICLES.contains(x.text()) && j + 1 < sentenceEnd(j) && nameWord(j + 1) && !lex.places.containsKey(w(j + 1).text());
    }

    // ---------------------------------------------------------------- runs of capitalised words

    private List<int[]> runs(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (taken[i] || !startsName(i)) {
                i++;
                continue;
            }
            int j = i + 1;
            boolean lexical = false;
            for (int k = Math.min(to, i + lex.longestEntry); k > i + 1; k--) {
                if (lexiconType(i, k) != null) {
                    j = k;
                    lexical = true;
                    break;
                }
            }
            while (j < to && !taken[j] && !w(j - 1).basedCue()) {
                if (titleStartsAt(j, to) || lexical && !endsInHead(j, to)) {
                    // "SEC Chairman John Shad": the title opens a new run, the organisation stays apart
                    break;
                }
                if (continuesName(j)) {
                    j++;
                    continue;
                }
                if (w(j).text().equals(".") && j + 1 < to && w(j - 1).text().length() == 1 && w(j - 1).end() == w(j).begin() && nameWord(j + 1)) {
                    j++;
                    continue;
                }
                int next = connector(i, j, to);
                if (next < 0) {
                    break;
                }
                j = next;
            }
            out.add(new int[] {i, j});
            i = j;
        }
        return out;
    }

    /** A capitalised title ("Defence Minister", "Chairman") at {@code j}, followed by a capitalised name. */
    private boolean titleStartsAt(int j, int to) {
        int p = j;
        boolean head = false;
        while (p < to && capitalised(w(p).text()) && (lex.isTitleWord(w(p).text()) || lex.isHonorific(w(p).text()))) {
            head |= lex.isTitleHead(w(p).text()) || lex.isHonorific(w(p).text());
            p++;
        }
        if (!head || p >= to || !nameWord(p) || lex.organizationHead(w(p).text()) != null) {
            return false;
        }
        boolean ambiguous = p - j == 1 && AMBIGUOUS_TITLES.contains(w(j).lower());
        return !ambiguous || lex.givenNames.containsKey(w(p).text());
    }

    /** Whether the capitalised words from {@code j} end in an organisation head ("London" + "Stock Exchange"). */
    private boolean endsInHead(int j, int to) {
        int e = j;
        while (e < to && nameWord(e)) {
            e++;
        }
        return e > j && lex.organizationHead(w(e - 1).text()) != null;
    }

    /** Where a run continues after the connector at {@code j} ("of", "and", "&", "on", "in"), or -1. */
    private int connector(int from, int j, int to) {
        String c = w(j).text();
        int k = j + 1;
        if (k < to && w(k).text().equals("the") && !c.equals("and") && !c.equals("&")) {
            k++;
        }
        if (k >= to || taken[k] || !nameWord(k)) {
            return -1;
        }
        switch (c) {
            case "&" -> {
                return k;
            }
            case "of", "for" -> {
                for (int x = from; x < j; x++) {
                    String t = w(x).text();
                    if (Boolean.TRUE.equals(lex.organizationHead(t)) || lex.placeHeads.contains(t) || lex.isTitleHead(t)
                            || OTHER_HEADS.contains(t) || EVENT_HEADS.contains(t)) {
                        return k;
                    }
                }
                return -1;
            }
            case "and" -> {
                boolean ofName = false;
                for (int x = from + 1; x < j; x++) {
                    ofName |= w(x).text().equals("of") && Boolean.TRUE.equals(lex.organizationHead(w(from).text()));
                }
                if (ofName) {
                    // "Ministry of International Trade and Industry", but not "Ministry of Defence and Foreign Ministry"
                    int e = k;
                    while (e < to && nameWord(e) && lex.organizationHead(w(e).text()) == null && !lex.places.containsKey(w(e).text())
                            && !lex.isTitleWord(w(e).text())) {
                        e++;
                    }
                    return e > k && (e == to || !nameWord(e)) ? k : -1;
                }
                for (int x = from; x < j; x++) {
                    if (Boolean.TRUE.equals(lex.organizationHead(w(x).text())) || lex.isTitleWord(w(x).text())) {
                        return -1;
                    }
                }
                int e = k;
                while (e < to && nameWord(e)) {
                    e++;
                }
                boolean suffixOnly = Boolean.FALSE.equals(lex.organizationHead(w(k).text()));
                boolean oneWordBefore = j - from == 1 && !lex.places.containsKey(w(from).text()) && !lex.givenNames.containsKey(w(from).text());
                return lex.organizationHead(w(e - 1).text()) != null && (suffixOnly || oneWordBefore) ? k : -1;
            }
            case "on", "in", "upon" -> {
                for (int x = from; x < j; x++) {
                    if (IN_ON_HEADS.contains(w(x).text())) {
                        return k;
                    }
                }
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }

    // ---------------------------------------------------------------- typing

    /** The longest demonym at the start of {@code [from, to)}, as its number of words, or 0. */
    private int demonymAt(int from, int to) {
        for (int j = Math.min(to, from + 3); j > from; j--) {
            if (lex.demonyms.containsKey(text(from, j))) {
                return j - from;
            }
        }
        return 0;
    }

    private void classify(int from, int to, List<Candidate> out) {
        String whole = text(from, to);
        if (lex.demonyms.containsKey(whole) && !lex.places.containsKey(whole) && !lex.organizations.containsKey(whole)) {
            return;
        }
        if (to - from == 1 && (lex.isTitleWord(w(from).text()) || lex.isHonorific(w(from).text()))) {
            return;
        }
        if (bareTitle(from, to)) {
            // "Defence Minister", "U.S. Ambassador": a role without a name; only its places are names
            for (int x = from; x < to; x++) {
                for (int y = Math.min(to, x + 3); y > x; y--) {
                    if (lexiconType(x, y) == EntityType.PLACE) {
                        classify(x, y, out);
                        x = y - 1;
                        break;
                    }
                }
            }
            return;
        }
        // title before the name: "Defence Minister Viktor X", "Colonel X", "Secretary of State X"
        int a = from;
        String country = null;
        boolean hasHead = lexiconType(from, to) != null || endsWithHead(from, to);
        int titleFrom = -1;
        String gender = null;
        if (!hasHead) {
            int dem = demonymAt(from, to);
            int t0 = from + dem;
            for (int t = t0; t < to - 1; t++) {
                if (!lex.isTitleWord(w(t).text()) && !lex.isHonorific(w(t).text())) {
                    continue;
                }
                int p = t;
                boolean sawTitle = false;
                while (p < to - 1 && (lex.isTitleWord(w(p).text()) || lex.isHonorific(w(p).text()))) {
                    String h = w(p).lower();
                    if (lex.honorifics.containsKey(h) && !lex.honorifics.get(h).isEmpty()) {
                        gender = lex.honorifics.get(h);
                    }
                    sawTitle |= lex.isTitleHead(w(p).text()) || lex.isHonorific(w(p).text());
                    p++;
                    if (sawTitle && p < to - 1 && (w(p).text().equals("of") || w(p).text().equals("for"))) {
                        int q = p + 1;
                        if (w(q).text().equals("the")) {
                            q++;
                        }
                        int r = q;
                        while (r < to && (lex.isTitleWord(w(r).text()) || lex.places.containsKey(w(r).text())
                                || lex.organizationHead(w(r).text()) != null
                                || Set.of("and", "of", "for", "the", "Affairs").contains(w(r).text()))) {
                            r++;
                        }
                        // "Minister for Foreign Military Policy Colonel X": the complement runs on to the next title or given name
                        int z = r;
                        while (z < to && capitalised(w(z).text()) && !lex.isHonorific(w(z).text()) && !lex.isTitleHead(w(z).text())
                                && !lex.givenNames.containsKey(w(z).text())) {
                            z++;
                        }
                        if (z > r && z < to - 1 && (lex.isHonorific(w(z).text()) || lex.isTitleHead(w(z).text()))) {
                            r = z;
                        } else if (z == to && z > r && to < words.size() && capitalised(w(to).text())
                                && (lex.isHonorific(w(to).text()) || lex.isTitleHead(w(to).text()))) {
                            // the title's complement ends this run and the next run opens with a title of its own
                            r = to;
                        }
                        if (r > q && r < to) {
                            p = r;
                        } else {
                            if (t > t0) {
                                classify(from, t, out);
                            }
                            if (r == q) {
                                // "Chairman of Paxar Corp": no person here; the rest is an organisation
                                classify(q, to, out);
                            } else {
                                // "Deputy Minister of Defense of Moldova": a title alone; only its places are names
                                for (int x = q; x < to; x++) {
                                    if (lex.places.containsKey(w(x).text())) {
                                        classify(x, x + 1, out);
                                    }
                                }
                            }
                            return;
                        }
                    }
                }
                boolean ambiguous = p - t == 1 && AMBIGUOUS_TITLES.contains(w(t).lower());
                if (sawTitle && p < to && (!ambiguous || lex.givenNames.containsKey(w(p).text()))) {
                    if (t > t0) {
                        // "Treasury Secretary X", "SEC Chairman X": the words before the title name the organisation
                        classify(t0, t, out);
                    }
                    titleFrom = from;
                    if (dem > 0) {
                        country = lex.demonyms.get(text(from, from + dem));
                    }
                    a = p;
                }
                break;
            }
            if (titleFrom < 0 && dem > 0 && dem < to - from) {
                country = lex.demonyms.get(text(from, from + dem));
                a = from + dem;
            }
        } else {
            int dem = demonymAt(from, to);
            if (dem > 0 && dem < to - from) {
                country = lex.demonyms.get(text(from, from + dem));
                a = from + dem;
            }
        }
        if (a >= to) {
            return;
        }
        String surface = text(a, to);
        if (w(a).text().equals("The") && to - a > 1 && !lex.places.containsKey(surface) && !lex.organizations.containsKey(surface)) {
            a++;
            surface = text(a, to);
        }
        String first = w(a).text();
        String last = w(to - 1).text();
        int n = to - a;
        EntityType lexType = lexiconType(a, to);
        if (lexType == EntityType.ORGANIZATION) {
            out.add(new Candidate(a, to, lexType, 0.95, lex.organizations.get(surface), country, null, titleFrom, true));
            return;
        }
        if (lexType == EntityType.PLACE && premodifier(a, to)) {
            return;
        }
        if (lexType == EntityType.PLACE) {
            out.add(new Candidate(a, to, lexType, 0.95, lex.places.get(surface).name(), country, null, titleFrom, true));
            return;
        }
        if (titleFrom >= 0) {
            out.add(new Candidate(a, to, EntityType.PERSON, 0.9, null, country, gender != null ? gender : genderOf(first), titleFrom, true));
            return;
        }
        if (n >= 2 && EVENT_HEADS.contains(last)) {
            out.add(new Candidate(a, to, EntityType.EVENT, 0.7, null, country, null, -1, true));
            return;
        }
        if (n >= 2 && (OTHER_HEADS.contains(last) || OTHER_HEADS.contains(first) && n >= 3 && !capitalised(w(a + 1).text()))) {
            out.add(new Candidate(a, to, EntityType.OTHER, 0.7, null, country, null, -1, true));
            return;
        }
        if (lex.organizationHead(last) != null && (n >= 2 || allCaps(last))) {
            out.add(new Candidate(a, to, EntityType.ORGANIZATION, 0.85, null, country, null, -1, true));
            return;
        }
        for (int x = a; x < to; x++) {
            if (Boolean.TRUE.equals(lex.organizationHead(w(x).text())) && n >= 2 && x + 1 < to && !capitalised(w(x + 1).text())) {
                out.add(new Candidate(a, to, EntityType.ORGANIZATION, 0.8, null, country, null, -1, true));
                return;
            }
        }
        if (n >= 2 && (lex.placeHeads.contains(last) || PLACE_PREFIXES.contains(first))) {
            out.add(new Candidate(a, to, EntityType.PLACE, 0.8, null, country, null, -1, true));
            return;
        }
        if (n == 1 && Boolean.TRUE.equals(lex.organizationHead(first))) {
            // a bare "Ministry" or "Army": an organisation already named, or a weak guess
            out.add(new Candidate(a, to, EntityType.ORGANIZATION, 0.4, null, country, null, -1, false));
            return;
        }
        if (a > 0 && w(a - 1).sentence() == w(a).sentence() && ORG_DESCRIPTORS.contains(w(a - 1).lower()) && "NOUN".equals(w(a - 1).pos())) {
            // "aircraft manufacturer Boeing", "the airline Air Moldova"
            out.add(new Candidate(a, to, EntityType.ORGANIZATION, 0.7, null, country, null, -1, true));
            return;
        }
        if (a > 1 && w(a - 1).text().equals("of") && PLACE_DESCRIPTORS.contains(w(a - 2).lower())) {
            out.add(new Candidate(a, to, EntityType.PLACE, 0.75, null, country, null, -1, true));
            return;
        }
        String given = lex.givenNames.get(first);
        if (given != null && n >= 2 && n <= 4) {
            out.add(new Candidate(a, to, EntityType.PERSON, 0.85, null, country, genderOf(first), -1, true));
            return;
        }
        boolean based = to + 1 < sentenceEnd(a) && w(to).text().equals("-") && Set.of("based", "headquartered").contains(w(to + 1).lower());
        if (w(to - 1).basedCue() || based) {
            out.add(new Candidate(a, to, EntityType.PLACE, 0.75, null, country, null, -1, false));
            return;
        }
        if (personContext(a, to)) {
            out.add(new Candidate(a, to, EntityType.PERSON, 0.6, null, country, genderOf(first), -1, n >= 2));
            return;
        }
        if (a > 0 && PLACE_PREPOSITIONS.contains(w(a - 1).text()) && w(a - 1).sentence() == w(a).sentence() && n <= 3 && !allCaps(surface)) {
            out.add(new Candidate(a, to, EntityType.PLACE, 0.5, null, country, null, -1, false));
            return;
        }
        if (n == 1 && given != null) {
            out.add(new Candidate(a, to, EntityType.PERSON, 0.5, null, country, genderOf(first), -1, false));
            return;
        }
        if (n == 1 && CREDIT_RATING.matcher(first).matches()) {
            return;
        }
        if (n == 1 && allCaps(first) && first.length() <= 6) {
            out.add(new Candidate(a, to, EntityType.ORGANIZATION, 0.55, null, country, null, -1, false));
            return;
        }
        if (n >= 2 && n <= 3 && nameLike(a, to) && surnameWithTitle.contains(last)) {
            out.add(new Candidate(a, to, EntityType.PERSON, 0.55, null, country, null, -1, true));
            return;
        }
        out.add(new Candidate(a, to, EntityType.ORGANIZATION, 0.35, null, country, null, -1, false));
    }

    /**
     * A run that ends in a title head and holds nothing but title words, demonyms, places and joining words
     * ("Defence Minister", "U.S. Ambassador", "Minister of Foreign Affairs"): a title with no name in it.
     */
    private boolean bareTitle(int from, int to) {
        if (to - from < 2 || !lex.isTitleHead(w(to - 1).text()) || lexiconType(from, to) != null) {
            return false;
        }
        for (int x = from; x < to; x++) {
            String t = w(x).text();
            if (!lex.isTitleWord(t) && !lex.demonyms.containsKey(t) && !lex.places.containsKey(t)
                    && !Set.of("of", "for", "and", "the", "Affairs").contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** "the U.S. economy", "Russian gas": a country name used as a modifier of a common noun. */
    private boolean premodifier(int from, int to) {
        if (to >= sentenceEnd(to - 1)) {
            return false;
        }
        Word next = w(to);
        if (!lex.countryAliases.contains(text(from, to))) {
            return false;
        }
        return !capitalised(next.text()) && ("NOUN".equals(next.pos()) || "ADJ".equals(next.pos()))
                && !Set.of("today", "yesterday", "tomorrow", "now", "last", "next", "this", "itself", "alone").contains(next.lower())
                && !lex.groupHeads.contains(next.lower());
    }

    private String countryOf(String name) {
        return lex.countryAliases.contains(name) ? lex.places.get(name).country() : null;
    }

    private String genderOf(String given) {
        String g = lex.givenNames.get(given);
        return g == null || g.length() != 1 ? null : g;
    }

    private boolean nameLike(int from, int to) {
        for (int x = from; x < to; x++) {
            String t = w(x).text();
            if (allCaps(t) && t.length() > 1 || !t.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '.')
                    || lex.organizationHead(t) != null || lex.placeHeads.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** "X, who", "X, 52,", "X said", "X's wife", "Mr X" make a name a person's. */
    private boolean personContext(int from, int to) {
        int end = sentenceEnd(from);
        if (to + 1 < end && w(to).text().equals(",")) {
            String after = w(to + 1).text();
            if (after.equals("who") || after.equals("whose") || "NUM".equals(w(to + 1).pos()) && after.matches("\\d{1,2}")) {
                return true;
            }
            // "X, the deputy minister", "X, a senior economist at Y"
            for (int k = to + 1; k < Math.min(end, to + 6); k++) {
                Word y = w(k);
                if (lex.isTitleHead(y.text()) && titleIntroducesName(k, end)) {
                    // "X, Dutch Agriculture Minister Pieter de Wit, ...": a new person, not a description of X
                    break;
                }
                if (lex.isTitleHead(y.text()) && !AMBIGUOUS_TITLES.contains(y.lower()) || lex.isTitleHead(y.text()) && k > to + 1) {
                    return true;
                }
                if (!(Set.of("the", "a", "an", "former").contains(y.lower()) || lex.isTitleWord(y.text()) || lex.demonyms.containsKey(y.text())
                        || "ADJ".equals(y.pos()) || capitalised(y.text()) && !"PUNCT".equals(y.pos()))) {
                    break;
                }
            }
        }
        if (to < end && (to - from) >= 2 && to - from <= 3 && nameLike(from, to)) {
            String lemma = w(to).lemma();
            if (Words.SPEECH_LEMMAS.contains(lemma) && "VERB".equals(w(to).pos())) {
                return true;
            }
        }
        return false;
    }

    /** A title head directly followed by a capitalised name ("Minister Pieter de Wit") names the person it precedes. */
    private boolean titleIntroducesName(int title, int end) {
        int next = title + 1;
        if (next >= end) {
            return false;
        }
        Word n = w(next);
        return capitalised(n.text()) && !lex.isTitleWord(n.text()) && !lex.isHonorific(n.text())
                && ("PROPN".equals(n.pos()) || lex.givenNames.containsKey(n.text()));
    }

    private EntityType lexiconType(int from, int to) {
        String s = text(from, to);
        if (lex.organizations.containsKey(s)) {
            return EntityType.ORGANIZATION;
        }
        if (lex.places.containsKey(s)) {
            return EntityType.PLACE;
        }
        return null;
    }

    private boolean endsWithHead(int from, int to) {
        String last = w(to - 1).text();
        return to - from >= 2 && (lex.organizationHead(last) != null || lex.placeHeads.contains(last) && !lex.isTitleWord(last)
                || EVENT_HEADS.contains(last) || OTHER_HEADS.contains(last));
    }

    // ---------------------------------------------------------------- names to entities

    private Ent entity(String key, EntityType type) {
        String identity = type == EntityType.PERSON ? NameKeys.person(key) : key;
        Ent e = byIdentity.get(identity);
        if (e == null) {
            e = new Ent("e" + (ents.size() + 1));
            e.identity = identity;
            ents.add(e);
            byIdentity.put(identity, e);
        }
        return e;
    }

    private Found mention(int from, int to, Ent e, EntityType type, Mention.Kind kind, double confidence) {
        Found f = new Found(from, to - 1, w(from).begin(), w(to - 1).end(), e, kind, confidence);
        e.votes.merge(type, confidence, Double::sum);
        if (kind == Mention.Kind.NAME || kind == Mention.Kind.ACRONYM) {
            e.names.add(text(from, to));
        }
        found.add(f);
        for (int x = from; x < to; x++) {
            taken[x] = true;
        }
        return f;
    }

    private String identityOf(Candidate c, String surface) {
        String base = NameKeys.of(c.canonical() != null ? c.canonical() : surface);
        if (c.country() != null && c.type() == EntityType.ORGANIZATION && c.canonical() == null) {
            return base + " (" + NameKeys.of(c.country()) + ")";
        }
        return base;
    }

    private void resolveNames(List<Candidate> candidates) {
        Set<String> alone = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (c.to() - c.from() == 1) {
                alone.add(w(c.from()).text());
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.confidence() <= 0.6 && c.titleFrom() < 0 && c.to() - c.from() >= 2 && (c.type() == EntityType.ORGANIZATION || c.type() == EntityType.PERSON)
                    && nameLike(c.from(), c.to())) {
                // people are later called by their last name, companies by their first word
                boolean last = alone.contains(w(c.to() - 1).text());
                boolean first = alone.contains(w(c.from()).text());
                if (last != first) {
                    candidates.set(i, new Candidate(c.from(), c.to(), last ? EntityType.PERSON : EntityType.ORGANIZATION, 0.6,
                            null, c.country(), c.gender(), c.titleFrom(), true));
                }
            }
        }
        // strong names first, so that a later or earlier surname or short company name finds its full form
        for (Candidate c : candidates) {
            if (c.strong() && !taken[c.from()]) {
                name(c);
            }
        }
        for (Candidate c : candidates) {
            if (!c.strong() && !taken[c.from()]) {
                Ent e = matchShortForm(text(c.from(), c.to()));
                if (e != null) {
                    EntityType t = e.type();
                    Mention.Kind kind = acronyms.get(text(c.from(), c.to())) == e ? Mention.Kind.ACRONYM : Mention.Kind.NAME;
                    mention(c.from(), c.to(), e, t, kind, Math.max(c.confidence(), 0.7));
                } else if (!guessOnly(c)) {
                    name(c);
                }
            }
        }
    }

    /**
     * A lone capitalised common word ("Share", "Western") or organisation head ("Ministry") with nothing else
     * for it is not taken for a name.
     */
    private boolean guessOnly(Candidate c) {
        Word x = w(c.from());
        if (c.to() - c.from() != 1 || c.confidence() >= 0.45 || allCaps(x.text())) {
            return false;
        }
        if (Boolean.TRUE.equals(lex.organizationHead(x.text()))) {
            // a bare "Ministry" or "Commission" that names no organisation of the document: a description
            return true;
        }
        return x.text().replace(".", "").length() < 2 || occurrences.getOrDefault(x.text(), 0) < 2
                || !"PROPN".equals(x.pos()) && !midSentenceCaps.contains(x.text()) && !properNouns.contains(x.text());
    }

    private void name(Candidate c) {
        String surface = text(c.from(), c.to());
        Ent e = acronyms.get(surface);
        boolean acronym = e != null;
        if (e == null) {
            e = entity(identityOf(c, surface), c.type());
        }
        if (c.canonical() != null) {
            e.canonical = c.canonical();
        }
        if (c.country() != null) {
            e.country = c.country();
        }
        if (c.type() == EntityType.PLACE) {
            EntityLexicon.Place p = lex.places.get(surface);
            e.seatOfGovernment |= p != null && p.seatOfGovernment();
        }
        if (c.gender() != null) {
            e.gender = c.gender();
        }
        boolean shortForm = c.canonical() != null && allCaps(surface) && NameKeys.of(c.canonical()).length() > NameKeys.of(surface).length();
        mention(c.from(), c.to(), e, c.type(), acronym || shortForm ? Mention.Kind.ACRONYM : Mention.Kind.NAME, c.confidence());
        acronymAfter(c.to(), e);
    }

    /** "Ministry of Defence (MoD)": the bracketed acronym names the same entity, here and later. */
    private void acronymAfter(int to, Ent e) {
        int end = sentenceEnd(to - 1);
        if (to + 2 < end + 0 && w(to).text().equals("(") && w(to + 2).text().equals(")")) {
            String a = w(to + 1).text();
            if (allCaps(a) && a.length() <= 8 && !lex.places.containsKey(a)) {
                String full = e.fullest();
                if (full != null && Character.toUpperCase(full.charAt(0)) == a.charAt(0) || e.type() == EntityType.ORGANIZATION) {
                    acronyms.put(a, e);
                    mention(to + 1, to + 2, e, e.type(), Mention.Kind.ACRONYM, 0.9).rule = "AcronymAfterName";
                }
            }
        }
    }

    /** A surname, first name, short company name or acronym of an entity already named. */
    private Ent matchShortForm(String s) {
        Ent acronym = acronyms.get(s);
        if (acronym != null) {
            return acronym;
        }
        List<String> parts = List.of(s.split(" "));
        Ent best = null;
        int bestScore = 0;
        for (Ent e : ents) {
            EntityType t = e.type();
            for (String name : e.names) {
                List<String> np = List.of(name.split(" "));
                if (np.size() <= parts.size()) {
                    continue;
                }
                int score = 0;
                if (t == EntityType.PERSON && np.subList(np.size() - parts.size(), np.size()).equals(parts)) {
                    score = 3;
                } else if (t == EntityType.ORGANIZATION && np.subList(0, parts.size()).equals(parts)) {
                    score = 3;
                } else if (t == EntityType.PERSON && parts.size() == 1 && np.get(0).equals(s)) {
                    score = 1;
                } else if (t == EntityType.ORGANIZATION && parts.size() == 1 && s.length() >= 4 && np.contains(s)
                        && lex.organizationHead(s) == null) {
                    score = 2;
                } else if (parts.size() == 1 && Boolean.TRUE.equals(lex.organizationHead(s)) && t == EntityType.ORGANIZATION && np.contains(s)) {
                    score = 2;
                }
                if (score > bestScore) {
                    best = e;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- headlines

    /** A line in Title Case ("Minister Says Talks Will Go On") is read only for names known elsewhere. */
    private void markHeadlines() {
        ArticleHeader h = annotated.clean().header();
        for (int s = 0; s < sentenceWords.size(); s++) {
            int[] r = sentenceWords.get(s);
            if (r[1] == r[0]) {
                continue;
            }
            if (h != null && h.titleSpan() != null && h.titleSpan().contains(new Span(w(r[0]).begin(), w(r[1] - 1).end()))) {
                headlines.add(s);
                continue;
            }
            int content = 0;
            int caps = 0;
            boolean capitalFunctionWord = false;
            for (int i = r[0]; i < r[1]; i++) {
                String t = w(i).text();
                if (t.length() >= 4 && Character.isLetter(t.charAt(0))) {
                    content++;
                    caps += capitalised(t) ? 1 : 0;
                }
                if (i > r[0] && Set.of("The", "And", "Of", "To", "In", "For", "On", "With", "A", "At", "From", "By", "Is", "Are", "As").contains(t)) {
                    capitalFunctionWord = true;
                }
            }
            boolean verb = false;
            for (int i = r[0]; i < r[1]; i++) {
                if (capitalised(w(i).text()) && ("VERB".equals(w(i).pos()) || "AUX".equals(w(i).pos()))) {
                    verb = true;
                }
            }
            boolean period = text.charAt(w(r[1] - 1).end() - 1) == '.';
            if (content >= 3 && caps * 10 >= content * 8 && (capitalFunctionWord || verb) && !period) {
                headlines.add(s);
            }
        }
    }

    private void headlineNames() {
        Map<String, Ent> known = new HashMap<>();
        for (Ent e : ents) {
            for (String n : e.names) {
                known.putIfAbsent(n, e);
                if (e.type() == EntityType.PERSON) {
                    String[] p = n.split(" ");
                    known.putIfAbsent(p[p.length - 1], e);
                }
            }
        }
        for (int s : headlines) {
            int[] r = sentenceWords.get(s);
            int i = r[0];
            while (i < r[1]) {
                int matched = -1;
                if (!taken[i] && nameWord(i)) {
                    for (int j = Math.min(r[1], i + Math.max(6, lex.longestEntry)); j > i; j--) {
                        String t = text(i, j);
                        Ent e = known.get(t);
                        if (e != null) {
                            mention(i, j, e, e.type(), Mention.Kind.NAME, 0.7);
                            matched = j;
                            break;
                        }
                        EntityType type = lexiconType(i, j);
                        if (type != null) {
                            String canonical = type == EntityType.PLACE ? lex.places.get(t).name() : lex.organizations.get(t);
                            name(new Candidate(i, j, type, 0.85, canonical, null, null, -1, true));
                            matched = j;
                            break;
                        }
                    }
                }
                i = matched > 0 ? matched : i + 1;
            }
        }
    }

    // ---------------------------------------------------------------- the byline

    private void byline() {
        ArticleHeader h = annotated.clean().header();
        if (h == null) {
            return;
        }
        if (h.author() != null && h.bylineSpan() != null) {
            int at = text.indexOf(h.author(), h.bylineSpan().begin());
            if (at >= 0 && at + h.author().length() <= h.bylineSpan().end()) {
                int[] ws = wordsCovering(at, at + h.author().length());
                if (ws != null) {
                    Ent e = entity(NameKeys.of(h.author()), EntityType.PERSON);
                    e.gender = genderOf(h.author().split(" ")[0]);
                    mention(ws[0], ws[1], e, EntityType.PERSON, Mention.Kind.NAME, 0.95);
                    bylineTitle(e, h.bylineSpan().end());
                }
            }
        }
        if (h.publishedIn() != null && h.publishedInSpan() != null) {
            int at = text.indexOf(h.publishedIn(), h.publishedInSpan().begin());
            if (at >= 0) {
                int[] ws = wordsCovering(at, at + h.publishedIn().length());
                Ent e = entity(NameKeys.of(h.publishedIn()), EntityType.ORGANIZATION);
                if (ws != null) {
                    mention(ws[0], ws[1], e, EntityType.ORGANIZATION, Mention.Kind.NAME, 0.9);
                } else {
                    e.votes.merge(EntityType.ORGANIZATION, 0.9, Double::sum);
                    e.names.add(h.publishedIn());
                }
            }
        }
    }

    private int[] wordsCovering(int begin, int end) {
        int from = -1;
        int to = -1;
        for (Word x : words) {
            if (x.begin() >= begin && x.end() <= end) {
                if (from < 0) {
                    from = x.index();
                }
                to = x.index() + 1;
            }
        }
        return from < 0 ? null : new int[] {from, to};
    }

    /** "Director, Some Council on Foreign Relations" on the line after the byline. */
    private void bylineTitle(Ent author, int after) {
        int nl = text.indexOf('\n', after);
        if (nl < 0) {
            return;
        }
        int begin = nl + 1;
        while (begin < text.length() && Character.isWhitespace(text.charAt(begin))) {
            begin++;
        }
        int end = text.indexOf('\n', begin);
        end = end < 0 ? text.length() : end;
        int[] ws = wordsCovering(begin, end);
        if (ws == null || !lex.isTitleWord(w(ws[0]).text())) {
            return;
        }
        int t = ws[0];
        while (t < ws[1] && lex.isTitleWord(w(t).text())) {
            t++;
        }
        if (t == ws[0] || t < ws[1] && !Set.of(",", "of", "at", "for", "-", "–").contains(w(t).text())) {
            return;
        }
        pendingBylineRoles.add(new BylineRole(author, ws[0], ws[1]));
    }

    private record BylineRole(Ent author, int from, int to) {
    }

    private final List<BylineRole> pendingBylineRoles = new ArrayList<>();

    // ---------------------------------------------------------------- titles and roles

    private Ent organizationWithin(int begin, int end) {
        Ent place = null;
        for (Found f : found) {
            if (f.begin >= begin && f.end <= end && f.kind != Mention.Kind.PRONOUN) {
                EntityType t = f.ent.type();
                if (t == EntityType.ORGANIZATION) {
                    return f.ent;
                }
                if (t == EntityType.PLACE && place == null) {
                    place = f.ent;
                }
            }
        }
        return place;
    }

    private void claim(Ent person, int from, int to, double confidence) {
        while (from < to && Set.of("the", "a", "an", "The", "A", "An", "its", "his", "her").contains(w(from).text())) {
            from++;
        }
        // a title ends in its head or its complement, never in "of the", "and" or punctuation
        while (to > from && (Set.of(",", ".", ";", ":").contains(w(to - 1).text()) || TRAILING_POS.contains(w(to - 1).pos()))) {
            to--;
        }
        if (from >= to) {
            return;
        }
        int begin = w(from).begin();
        int end = w(to - 1).end();
        Ent org = organizationWithin(begin, end);
        roles.add(new RoleClaim(person.key, text.substring(begin, end), new Span(begin, end), org == null || org == person ? null : org.key, date, confidence));
        for (int x = from; x < to; x++) {
            if (lex.isTitleHead(w(x).text())) {
                person.roleHeads.add(w(x).lower());
            }
        }
    }

    private void titlesBeforeNames(List<Candidate> candidates) {
        for (BylineRole p : pendingBylineRoles) {
            claim(p.author(), p.from(), p.to(), 0.8);
        }
        for (Candidate c : candidates) {
            if (c.type() != EntityType.PERSON) {
                continue;
            }
            Found f = foundAt(c.from());
            if (f == null || f.ent.type() != EntityType.PERSON) {
                continue;
            }
            int from = c.titleFrom() >= 0 ? c.titleFrom() : c.from();
            // lower-case title words right before: "defence minister Anna Novak", "Belarusian deputy minister X"
            int s = sentenceStart(from);
            int b = from;
            while (b > s && (lex.isTitleWord(w(b - 1).text()) && !w(b - 1).text().equals("general") || lex.demonyms.containsKey(w(b - 1).text()))
                    && !taken[b - 1] && !"VERB".equals(w(b - 1).pos())) {
                b--;
            }
            boolean head = false;
            for (int x = b; x < c.from(); x++) {
                head |= lex.isTitleHead(w(x).text()) || lex.isHonorific(w(x).text()) && !Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss").contains(w(x).lower());
            }
            if (head) {
                claim(f.ent, b, c.from(), c.titleFrom() >= 0 ? 0.85 : 0.75);
                for (int x = b; x < c.from() && f.ent.country == null; x++) {
                    f.ent.country = lex.demonyms.get(w(x).text());
                }
            }
            if (c.country() != null && f.ent.country == null) {
                f.ent.country = c.country();
            }
        }
    }

    private Found foundAt(int word) {
        for (Found f : found) {
            if (f.firstWord == word) {
                return f;
            }
        }
        return null;
    }

    /** "X, head of the Y Department and Deputy Minister of Defense of Z," gives two claims. */
    private void appositives() {
        for (Found f : new ArrayList<>(found)) {
            if (f.ent.type() != EntityType.PERSON || f.kind != Mention.Kind.NAME) {
                continue;
            }
            int end = sentenceEnd(f.lastWord);
            int k = f.lastWord + 1;
            if (k >= end || !w(k).text().equals(",")) {
                continue;
            }
            k++;
            if (k >= end) {
                continue;    // "..., Lee," with nothing after the comma: no apposition (a fuzzer's finding)
            }
            if (k + 1 < end && "NUM".equals(w(k).pos()) && w(k + 1).text().equals(",")) {
                k += 2;
                if (k >= end) {
                    continue;    // "Lee, 45," ending the text: nothing after the age (a fuzzer's finding)
                }
            }
            if (Set.of("who", "which").contains(w(k).text()) && k + 2 < end && Set.of("lead", "head", "chair", "direct", "run").contains(w(k + 1).lemma())
                    && "VERB".equals(w(k + 1).pos())) {
                // "X, who leads the department of ...": the text states a headship
                int e2 = k + 2;
                while (e2 < end && !Set.of(",", ";", ".", "said", "told").contains(w(e2).text()) && !"VERB".equals(w(e2).pos())) {
                    e2++;
                }
                if (e2 > k + 2) {
                    claim(f.ent, k + 1, e2, 0.6);
                }
                continue;
            }
            int stop = k;
            while (stop < end && !Set.of(",", ";", ")", "(", "\"", "“", "”", "who", "which", "that").contains(w(stop).text())
                    && !"VERB".equals(w(stop).pos()) && !"AUX".equals(w(stop).pos())) {
                stop++;
            }
            if (stop == k) {
                continue;
            }
            int first = k;
            while (first < stop && (Set.of("the", "a", "an", "former", "now", "currently").contains(w(first).lower()) || lex.demonyms.containsKey(w(first).text())
                    || w(first).text().equals("'s") || lex.places.containsKey(w(first).text()))) {
                first++;
            }
            boolean titled = false;
            boolean introducesAnother = false;
            for (int x = first; x < stop; x++) {
                titled |= x < first + 3 && lex.isTitleHead(w(x).text());
                introducesAnother |= lex.isTitleHead(w(x).text()) && titleIntroducesName(x, stop);
            }
            if (introducesAnother) {
                continue;
            }
            if (!titled || !lex.isTitleWord(w(first).text())) {
                continue;
            }
            int part = k;
            for (int x = k; x <= stop; x++) {
                if (x == stop) {
                    claim(f.ent, part, x, 0.75);
                } else if (w(x).text().equals("and") && x + 1 < stop) {
                    int y = x + 1;
                    while (y < stop && Set.of("the", "a", "an").contains(w(y).lower())) {
                        y++;
                    }
                    if (y < stop && lex.isTitleWord(w(y).text())) {
                        claim(f.ent, part, x, 0.75);
                        part = x + 1;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- places standing for governments

    private void governments() {
        for (Found f : found) {
            if (f.kind != Mention.Kind.NAME || f.ent.type() != EntityType.PLACE || !f.ent.seatOfGovernment) {
                continue;
            }
            if (f.firstWord > 0 && w(f.firstWord - 1).sentence() == w(f.firstWord).sentence()) {
                Word before = w(f.firstWord - 1);
                if ("ADP".equals(before.pos()) || before.text().equals("'s") || "DET".equals(before.pos())) {
                    continue;
                }
            }
            int end = sentenceEnd(f.lastWord);
            int k = f.lastWord + 1;
            while (k < end && AUX_BETWEEN.contains(w(k).lower())) {
                k++;
            }
            if (k < end && ("VERB".equals(w(k).pos()) || "AUX".equals(w(k).pos())) && Words.GOVERNMENT_LEMMAS.contains(w(k).lemma())) {
                f.role = "government";
            }
        }
    }

    // ---------------------------------------------------------------- descriptions, groups, pronouns

    /**
     * Singular nouns for a person that are no title: "the Belarusian official elaborated" goes back to the person
     * last named, as "the minister" does. Their plurals ("officials") are unnamed groups.
     */
    private static final Set<String> PERSON_NOUNS = Set.of("official", "diplomat", "politician", "lawmaker", "legislator");

    /** "official" in "the Belarusian official elaborated", which the tagger reads as an adjective. */
    private boolean personNounHead(int j, int end) {
        return PERSON_NOUNS.contains(w(j).lower()) && (j + 1 >= end || !"NOUN".equals(w(j + 1).pos()) && !"PROPN".equals(w(j + 1).pos()));
    }

    private List<Found> sortedNames() {
        List<Found> out = new ArrayList<>(found);
        out.sort(Comparator.comparingInt(f -> f.begin));
        return out;
    }

    private void descriptions() {
        List<Found> names = sortedNames();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (taken[i] || !w(i).lower().equals("the")) {
                continue;
            }
            int end = sentenceEnd(i);
            int j = i + 1;
            while (j < end && !taken[j] && (lex.titleModifiers.contains(w(j).lower()) || lex.demonyms.containsKey(w(j).text())
                    || "ADJ".equals(w(j).pos()) && !capitalised(w(j).text()) && !personNounHead(j, end))) {
                j++;
            }
            if (j >= end || taken[j]) {
                continue;
            }
            String head = w(j).lower();
            boolean nextIsName = j + 1 < end && taken[j + 1];
            boolean adjectiveHead = "ADJ".equals(w(j).pos()) && (j + 1 >= end || !"NOUN".equals(w(j + 1).pos()));
            if (!"NOUN".equals(w(j).pos()) && !adjectiveHead && !(lex.isTitleHead(head) && capitalised(w(j).text()))) {
                continue;
            }
            if (nextIsName) {
                continue;
            }
            if ((lex.isTitleHead(head) || PERSON_NOUNS.contains(head)) && !head.endsWith("s")) {
                if (i >= 2 && Set.of("to", "of", "for").contains(w(i - 1).lower()) && lex.isTitleWord(w(i - 2).text())) {
                    // "assistant to the minister": another person, whom the title only names
                    continue;
                }
                Ent apposed = apposedPerson(j + 1, end);
                Ent e = apposed != null ? apposed : recentPerson(names, w(i).begin(), head);
                if (e != null) {
                    double conf = e.roleHeads.contains(head) ? 0.65 : 0.4;
                    mention(i, j + 1, e, EntityType.PERSON, Mention.Kind.DESCRIPTION, conf);
                    // the description keeps its title: "the deputy minister of defense for Z"
                    int t = j + 1;
                    if (t + 1 < end && Set.of("of", "for").contains(w(t).text())) {
                        int u = t + 1;
                        while (u < end && (lex.isTitleWord(w(u).text()) || lex.places.containsKey(w(u).text()) || Set.of("of", "for", "the", "and", "Affairs", "affairs").contains(w(u).text()) || taken[u])) {
                            u++;
                        }
                        if (u > t + 1) {
                            claim(e, i + 1, u, 0.5);
                        }
                    }
                }
            } else if (ORG_DESCRIPTION_HEADS.contains(head)) {
                Ent e = recentOrganization(names, w(i).begin(), head);
                if (e != null) {
                    mention(i, j + 1, e, EntityType.ORGANIZATION, Mention.Kind.DESCRIPTION, GENERIC_ORG_HEADS.contains(head) ? 0.5 : 0.6);
                }
            }
        }
    }

    /**
     * "the head of the X Department, Colonel Jan Berg, said": a description set before the name it
     * describes, up to the next comma, then optional title words and a person's name.
     */
    private Ent apposedPerson(int from, int end) {
        int k = from;
        while (k < end && !w(k).text().equals(",") && !"VERB".equals(w(k).pos()) && !"AUX".equals(w(k).pos()) && k < from + 15) {
            k++;
        }
        if (k >= end || !w(k).text().equals(",")) {
            return null;
        }
        for (int x = k + 1; x < end && x < k + 16; x++) {
            Found f = foundAt(x);
            if (f != null && f.ent.type() == EntityType.PERSON) {
                return f.ent;
            }
            if (!capitalised(w(x).text()) && !Set.of("to", "of", "for", "the", "and").contains(w(x).lower())) {
                return null;
            }
        }
        return null;
    }

    private Ent recentPerson(List<Found> names, int before, String head) {
        Ent recent = null;
        for (Found f : names) {
            if (f.begin >= before) {
                break;
            }
            if (f.ent.type() == EntityType.PERSON) {
                recent = recent == null || !recent.roleHeads.contains(head) || f.ent.roleHeads.contains(head) ? f.ent : recent;
            }
        }
        if (recent == null) {
            return null;
        }
        Ent withHead = null;
        for (Found f : names) {
            if (f.begin >= before) {
                break;
            }
            if (f.ent.type() == EntityType.PERSON && f.ent.roleHeads.contains(head)) {
                withHead = f.ent;
            }
        }
        return withHead != null ? withHead : recent;
    }

    private Ent recentOrganization(List<Found> names, int before, String head) {
        Ent withHead = null;
        Ent recent = null;
        for (Found f : names) {
            if (f.begin >= before) {
                break;
            }
            if (f.ent.type() == EntityType.ORGANIZATION) {
                recent = f.ent;
                if (f.ent.fullest() != null && f.ent.fullest().toLowerCase(Locale.ROOT).contains(head)) {
                    withHead = f.ent;
                }
            }
        }
        return withHead != null ? withHead : GENERIC_ORG_HEADS.contains(head) ? recent : null;
    }

    /** "officials", "Belarusian officials", "a senior official", "the government": one Group per phrase. */
    private void groups() {
        Map<String, Ent> byPhrase = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            Word x = w(i);
            boolean nounLike = "NOUN".equals(x.pos()) || "PROPN".equals(x.pos())
                    || "ADJ".equals(x.pos()) && (i + 1 >= words.size() || !"NOUN".equals(w(i + 1).pos()));
            if (taken[i] || !lex.groupHeads.contains(x.lower()) || !nounLike) {
                continue;
            }
            if (capitalised(x.text()) && !x.sentenceStart()) {
                continue;
            }
            int s = sentenceStart(i);
            int b = i;
            while (b > s && !taken[b - 1] && (("ADJ".equals(w(b - 1).pos()) || "NOUN".equals(w(b - 1).pos())) && !capitalised(w(b - 1).text())
                    || lex.demonyms.containsKey(w(b - 1).text()) || lex.places.containsKey(w(b - 1).text()) && allCaps(w(b - 1).text()))) {
                b--;
            }
            int d = b;
            if (d > s && GROUP_DETERMINERS.contains(w(d - 1).lower())) {
                d--;
            }
            boolean plural = x.lower().endsWith("s") || Set.of("police", "military", "government", "administration", "regime", "army").contains(x.lower());
            if (!plural && (d == b || w(d).lower().equals("the")) && !Set.of("government", "administration").contains(x.lower())) {
                continue;
            }
            String country = i - b == 1 ? lex.demonyms.getOrDefault(w(b).text(), countryOf(w(b).text())) : null;
            if (country != null && INSTITUTIONS.contains(x.lower())) {
                // "the Zambian government": that country's government, an organisation
                Ent e = entity(x.lower() + " (" + NameKeys.of(country) + ")", EntityType.ORGANIZATION);
                e.country = country;
                mention(b, i + 1, e, EntityType.ORGANIZATION, Mention.Kind.NAME, 0.75);
                continue;
            }
            String phrase = text(b, i + 1).toLowerCase(Locale.ROOT);
            Ent e = byPhrase.computeIfAbsent(phrase, p -> {
                Ent g = new Ent("g" + (byPhrase.size() + 1));
                ents.add(g);
                return g;
            });
            mention(b, i + 1, e, EntityType.GROUP, Mention.Kind.DESCRIPTION, 0.7);
        }
    }

    private void pronouns() {
        List<Found> names = sortedNames().stream().filter(f -> f.ent.type() == EntityType.PERSON).toList();
        for (int i = 0; i < words.size(); i++) {
            String p = w(i).lower();
            boolean masc = Words.MASCULINE_PRONOUNS.contains(p);
            if (taken[i] || !masc && !Words.FEMININE_PRONOUNS.contains(p) || !"PRON".equals(w(i).pos()) && !"DET".equals(w(i).pos())) {
                continue;
            }
            String gender = masc ? "m" : "f";
            int sentence = w(i).sentence();
            Ent chosen = null;
            double conf = 0;
            // the subject of this sentence, then the subject of the nearest earlier sentence with a person
            for (int back = 0; back <= 3 && chosen == null; back++) {
                int target = sentence - back;
                for (Found f : names) {
                    if (w(f.firstWord).sentence() == target && f.begin < w(i).begin() && compatible(f.ent, gender)) {
                        chosen = f.ent;
                        conf = back == 0 ? 0.65 : back == 1 ? 0.6 : 0.45;
                        break;
                    }
                }
            }
            if (chosen != null) {
                Found f = new Found(i, i, w(i).begin(), w(i).end(), chosen, Mention.Kind.PRONOUN, conf);
                found.add(f);
                taken[i] = true;
            }
        }
    }

    private static boolean compatible(Ent e, String gender) {
        return e.gender == null || e.gender.equals(gender);
    }

    // ---------------------------------------------------------------- result

    /**
     * The order of an entity's names, preferred first: the most complete (most words: "Valery N. Revenko"
     * before "Valery Revenko" before "Revenko"), then the spelling the document uses most often, then the
     * longest, then the first seen.
     */
    private Comparator<String> preferred(Ent e) {
        Map<String, Integer> uses = new HashMap<>();
        for (Found f : found) {
            if (f.ent == e && (f.kind == Mention.Kind.NAME || f.kind == Mention.Kind.ACRONYM)) {
                uses.merge(text.substring(f.begin, f.end), 1, Integer::sum);
            }
        }
        Comparator<String> words = Comparator.comparingInt(n -> n.strip().split("\\s+").length);
        return words.thenComparingInt(n -> uses.getOrDefault(n, 0)).thenComparingInt(String::length).reversed();
    }

    private Entities result() {
        List<Entity> entities = new ArrayList<>();
        Map<Ent, EntityType> types = new LinkedHashMap<>();
        for (Ent e : ents) {
            if (found.stream().anyMatch(f -> f.ent == e)) {
                types.put(e, e.type());
            }
        }
        for (Map.Entry<Ent, EntityType> t : types.entrySet()) {
            Ent e = t.getKey();
            List<String> names = new ArrayList<>(e.names);
            names.sort(preferred(e));
            if (t.getValue() == EntityType.GROUP) {
                String phrase = found.stream().filter(f -> f.ent == e).findFirst().map(f -> text.substring(f.begin, f.end)).orElse("");
                entities.add(new Entity(e.key, EntityType.GROUP, phrase, null, List.of(phrase), e.country));
                continue;
            }
            String name = names.isEmpty() ? e.canonical : names.get(0);
            // a lexicon entry's first column is the current, preferred name: "Almaty" for "Alma-Ata", "United States" for "US"
            if (e.canonical != null && (t.getValue() == EntityType.PLACE || t.getValue() == EntityType.ORGANIZATION || name == null
                    || e.canonical.length() > name.length() && allCaps(name))) {
                name = e.canonical;
            }
            String identity = e.identity != null ? e.identity
                    : t.getValue() == EntityType.PERSON ? NameKeys.person(NameKeys.of(name)) : NameKeys.of(name);
            entities.add(new Entity(e.key, t.getValue(), name, identity, names, e.country));
        }
        List<Mention> mentions = new ArrayList<>();
        found.sort(Comparator.comparingInt(f -> f.begin));
        for (Found f : found) {
            mentions.add(new Mention(new Span(f.begin, f.end), text.substring(f.begin, f.end), f.ent.key, f.kind, f.role, f.confidence,
                    f.rule));
        }
        // one claim per person and span: the best supported
        Map<String, RoleClaim> best = new LinkedHashMap<>();
        for (RoleClaim r : roles) {
            best.merge(r.person() + "@" + r.span(), r, (x, y) -> x.confidence() >= y.confidence() ? x : y);
        }
        List<RoleClaim> claims = new ArrayList<>(best.values());
        // a coordinated title ("head of X and assistant to Y") is kept as its parts when they were claimed too
        claims.removeIf(whole -> whole.title().contains(" and ") && claims.stream().anyMatch(part -> part != whole
                && part.person().equals(whole.person()) && whole.span().contains(part.span()) && !part.span().equals(whole.span())));
        claims.sort(Comparator.comparing(RoleClaim::span));
        return new Entities(entities, mentions, claims);
    }
}
