package org.newskg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.newskg.extract.ReportingVerbs.VerbClass;
import org.newskg.text.AnnotatedText;
import org.newskg.text.Sentence;
import org.newskg.text.Span;
import org.newskg.text.Token;

/**
 * Finds reported speech and stated beliefs in a document: direct quotes (also split by their cue or
 * running over paragraphs), indirect speech ("X stressed that ..." and "..., X said"), "according to X"
 * in either order, beliefs and intentions ("officials fear ...", "she wants ...") and headline
 * attributions ("Minister: talks will resume").
 *
 * <p>Spans follow the PolNeAR annotation conventions: the content of indirect speech includes its
 * "that", the content of a quote includes its quote marks, and the content ends where the sentence
 * ends, without the final full stop. The speaker span is the noun phrase standing as source; the
 * speaker is the entity of the mention on that phrase, found in the {@link Entities} handed over by
 * entity recognition.
 *
 * <pre>{@code
 * AnnotatedText text = Linguistics.english().annotate(CleanText.unchanged("The minister stressed that talks would resume."));
 * List<Statement> found = new StatementExtractor().extract(text, Entities.NONE, List.of(), LocalDate.of(2024, 2, 20));
 * found.get(0).cueLemma();   // "stress"
 * }</pre>
 */
public final class StatementExtractor {

    private static final Set<String> QUANTIFIERS = Set.of("few", "many", "some", "most", "several", "others", "both", "all",
            "none", "everyone", "nobody", "somebody", "someone", "anyone");
    private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "yesterday", "today", "tonight", "earlier", "later", "recently", "previously", "also", "again", "repeatedly",
            "once", "often", "frequently", "publicly", "privately", "last", "this", "week", "month", "year", "morning",
            "afternoon", "evening", "night");
    private static final Set<String> CLAUSE_OPENERS = Set.of("which", "who", "because", "while", "although", "though", "but",
            "whereas", "when", "as", "since", "even", "unless");
    private static final Set<String> CLAUSE_DASHES = Set.of("—", "--", "–", ";", "(");
    private static final Set<String> VENUE_TYPES = Set.of("INTERVIEW", "BRIEFING", "POST", "PUBLICATION", "MEETING");

    private final ReportingVerbs verbs;

    public StatementExtractor() {
        this(ReportingVerbs.standard());
    }

    public StatementExtractor(ReportingVerbs verbs) {
        this.verbs = verbs;
    }

    /** The statements of one document, in text order of their content. */
    public List<Statement> extract(AnnotatedText text, Entities entities, List<Event> events, LocalDate documentDate) {
        String s = text.text();
        List<Span> quotes = SpeechQuotes.find(s);
        List<Draft> drafts = new ArrayList<>();
        for (Sentence sentence : text.sentences()) {
            Context c = new Context(s, sentence, quotes, verbs);
            int before = drafts.size();
            headline(c, drafts);
            named(drafts, before, "Headline");
            for (int i = 0; i < c.tokens.size(); i++) {
                Token t = c.tokens.get(i);
                if (c.quoteAt(t.begin()) != null) {
                    continue;   // the speaker's own words: PolNeAR does not annotate attributions nested in a quote
                }
                before = drafts.size();
                if (isAccordingTo(c, i)) {
                    accordingTo(c, i, drafts);
                    named(drafts, before, "AccordingTo");
                    continue;
                }
                String lemma = isVerb(t) ? cueLemma(t) : null;
                if (lemma != null) {
                    verbCue(c, i, lemma, drafts);
                    named(drafts, before, "VerbCue");
                } else if (isPrepositionalNounCue(c, i)) {
                    prepositionalNounCue(c, i, drafts);
                    named(drafts, before, "PrepositionalNounCue");
                } else if (isStanceAdjective(c, i)) {
                    stanceAdjective(c, i, drafts);
                    named(drafts, before, "StanceAdjective");
                } else if (isQuotationCue(c, i)) {
                    verbCue(c, i, "continue", drafts);
                    named(drafts, before, "QuotationCue");
                } else if (isNounCue(c, i)) {
                    nounCue(c, i, drafts);
                    named(drafts, before, "NounCue");
                } else if (mistaggedVerb(c, i) != null) {
                    verbCue(c, i, mistaggedVerb(c, i), drafts);
                    named(drafts, before, "MistaggedVerb");
                }
            }
        }
        for (Sentence sentence : text.sentences()) {
            Context c = new Context(s, sentence, quotes, verbs);
            int before = drafts.size();
            inSourceDocument(c, drafts);
            named(drafts, before, "InSourceDocument");
            before = drafts.size();
            headlineVerb(c, drafts);
            named(drafts, before, "HeadlineVerb");
        }
        attachFollowingQuotes(s, quotes, drafts);
        List<Draft> kept = withoutNestedStances(text, dedupe(drafts));
        List<Statement> out = new ArrayList<>();
        for (Draft d : kept) {
            out.add(resolve(text, d, entities, events, documentDate));
        }
        out.sort(Comparator.comparing(Statement::content));
        return out;
    }

    /** What is known about one sentence while reading it. */
    private static final class Context {
        final String text;
        final Sentence sentence;
        final List<Token> tokens;
        final List<Span> quotes;
        /** The extractor's reporting verbs, for the static phrase rules that test a verb's class. */
        final ReportingVerbs verbs;

        Context(String text, Sentence sentence, List<Span> quotes, ReportingVerbs verbs) {
            this.text = text;
            this.sentence = sentence;
            this.tokens = sentence.tokens();
            this.quotes = quotes;
            this.verbs = verbs;
        }

        Token tok(int i) {
            return tokens.get(i);
        }

        String lower(int i) {
            return tokens.get(i).text().toLowerCase(Locale.ROOT);
        }

        Span quoteAt(int position) {
            for (Span q : quotes) {
                if (q.contains(position)) {
                    return q;
                }
            }
            return null;
        }
    }

    /** A statement before its speaker is resolved; {@code rule} names the rule that read it (nkg:rule). */
    private record Draft(Statement.Kind kind, Span content, Span cue, String cueLemma, Span speaker, Span speakerHead,
                         int sentence, double confidence, String rule) {
        Draft(Statement.Kind kind, Span content, Span cue, String cueLemma, Span speaker, Span speakerHead,
              int sentence, double confidence) {
            this(kind, content, cue, cueLemma, speaker, speakerHead, sentence, confidence, null);
        }

        Draft withContent(Span c) {
            return new Draft(kind, c, cue, cueLemma, speaker, speakerHead, sentence, confidence, rule);
        }

        Draft withRule(String r) {
            return new Draft(kind, content, cue, cueLemma, speaker, speakerHead, sentence, confidence, r);
        }
    }

    /**
     * Names the rule of the drafts added since {@code before} that no finer rule named: the rule families in
     * their order are Headline, then per token AccordingTo, VerbCue (with Passive and PassiveWithAgent),
     * PrepositionalNounCue, StanceAdjective, QuotationCue, NounCue, MistaggedVerb (the first that claims a token
     * wins), then per sentence InSourceDocument and HeadlineVerb.
     */
    private static void named(List<Draft> drafts, int before, String rule) {
        for (int k = before; k < drafts.size(); k++) {
            if (drafts.get(k).rule() == null) {
                drafts.set(k, drafts.get(k).withRule(rule));
            }
        }
    }

    // ---- cues ---------------------------------------------------------------------------------------------------

    /** Auxiliaries proper; the tagger also reads "said" as one now and then, which it never is. */
    private static final Set<String> AUXILIARIES = Set.of("be", "have", "do", "will", "would", "shall", "should", "can",
            "could", "may", "might", "must", "get", "ought");

    private static boolean isVerb(Token t) {
        return t.pos().equals("VERB") || t.pos().equals("AUX") && !AUXILIARIES.contains(t.lemma());
    }

    /** "Oslo insists that ...": the tagger sometimes reads a third-person verb before "that" as a plural noun. */
    private String mistaggedVerb(Context c, int i) {
        Token t = c.tok(i);
        if (!t.pos().equals("NOUN") || i == 0 || i + 1 >= c.tokens.size()) {
            return null;
        }
        String word = t.text().toLowerCase(Locale.ROOT);
        if (word.equals("states")) {
            return null;    // "coastal states that ...", "the United States has": the noun, nearly always
        }
        String before = c.tok(i - 1).pos();
        if (word.endsWith("s") && c.lower(i + 1).equals("that") && Set.of("PROPN", "NOUN", "PRON").contains(before)) {
            String stem = word.substring(0, word.length() - 1);
            return verbs.contains(stem) ? stem : null;
        }
        // "..., the complaint alleges.": a verb that closes the sentence after its subject
        boolean last = i + 2 == c.tokens.size() && c.tok(i + 1).pos().equals("PUNCT") || i + 1 == c.tokens.size();
        if (word.endsWith("s") && last && (before.equals("NOUN") || before.equals("PROPN"))) {
            String stem = word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y" : word.substring(0, word.length() - 1);
            return verbs.classOf(stem).filter(v -> v == VerbClass.SPEECH || v == VerbClass.BELIEF).isPresent() ? stem : null;
        }
        // "Polls show Ruiz ahead", "Ode calls for a vote": a verb after a plural noun or a name, before its object
        String next = c.tok(i + 1).pos();
        boolean plural = before.equals("NOUN") && c.lower(i - 1).endsWith("s") && !word.endsWith("s");
        boolean afterName = word.endsWith("s") && !c.tok(i).isCapitalized() && (before.equals("PROPN")
                || before.equals("NOUN") && !c.lower(i - 1).endsWith("s") && (c.tok(i + 1).isCapitalized() || next.equals("DET")));
        if ((plural || afterName) && (Set.of("DET", "PROPN", "PRON", "ADP", "NUM").contains(next) || c.tok(i + 1).isCapitalized())) {
            String lemma = afterName ? word.substring(0, word.length() - 1) : word;
            return verbs.contains(lemma) && verbs.classOf(lemma).filter(v -> v != VerbClass.INTENTION).isPresent() ? lemma : null;
        }
        return null;
    }

    /**
     * '"...," he continued.' and 'She continued: "..."': a verb that reports speech only next to a quotation,
     * and elsewhere ("continued to fall") never does.
     */
    private static boolean isQuotationCue(Context c, int i) {
        Token t = c.tok(i);
        if (!isVerb(t) || !t.lemma().equals("continue") || i + 1 >= c.tokens.size() && i == 0) {
            return false;
        }
        boolean quoteAfter = i + 1 < c.tokens.size() && (c.lower(i + 1).equals(":") || c.lower(i + 1).equals(","))
                && i + 2 < c.tokens.size() && opensQuote(c, i + 2);
        int[] np = subjectLeft(c, i);
        int before = np == null ? i : np[0];
        return quoteAfter || closesQuoteBefore(c, before) || closesQuoteBefore(c, i);
    }

    private void verbCue(Context c, int i, String lemma, List<Draft> out) {
        Token verb = c.tok(i);
        VerbClass cls = verbs.classOf(lemma).orElse(VerbClass.SPEECH);
        int n = c.tokens.size();
        // "to say", "refused to comment": the cue of an infinitive belongs to the verb that governs it
        if (i > 0 && c.lower(i - 1).equals("to") && cls != VerbClass.SPEECH) {
            return;
        }
        if (i + 1 < n && c.tok(i + 1).pos().equals("ADP") && c.lower(i + 1).equals("by")) {
            passiveWithAgent(c, i, lemma, cls, out);   // "was criticised by" reads the other way round
            return;
        }
        if (isPassive(c, i)) {
            passive(c, i, lemma, cls, out);
            return;
        }
        if (isModifier(c, i)) {
            return;
        }
        Span cue = verb.span();
        int[] np = subjectLeft(c, i);
        boolean inverted = false;
        boolean gerundClause = verb.text().endsWith("ing") && i > 0 && c.lower(i - 1).equals(",");
        if (gerundClause) {
            np = firstSubject(c, i);
        } else if (np == null) {
            int[] right = nounPhraseRight(c, i + 1);
            boolean objectPronoun = right != null && Words.OBJECT_PRONOUNS.contains(c.lower(right[0]));
            if (right != null && !objectPronoun && cls == VerbClass.SPEECH && (i == 0 || isBoundary(c, i - 1))) {
                np = right;
                inverted = true;
            }
        }
        int after = inverted ? np[1] + 1 : i + 1;
        // "told reporters that": skip the addressee, unless it is the subject of the content ("warned the bridge
        // would fall") or what follows it is an adjunct
        if (!inverted && Words.ADDRESSEE_VERBS.contains(lemma) && after < n) {
            int[] obj = nounPhraseRight(c, after);
            int objEnd = obj == null ? -1 : addresseeEnd(c, obj);
            if (obj != null && objEnd + 1 < n && !c.lower(after).equals("that")) {
                String next = c.tok(objEnd + 1).pos();
                // "asked the council to vote": the addressee is part of what was asked
                boolean infinitive = c.lower(objEnd + 1).equals("to") && objEnd + 2 < n && c.tok(objEnd + 2).pos().equals("VERB");
                if (!infinitive && !next.equals("AUX") && !next.equals("VERB") && !(next.equals("ADP") && !c.lower(objEnd + 1).equals("that"))) {
                    after = objEnd + 1;
                }
            }
        }
        after = skipToThat(c, after);
        int before = np != null && !gerundClause ? Math.min(np[0], i) : i;

        Span content = null;
        boolean commaAfter = after < n && c.lower(after).equals(",");
        // "..., analysts say; in 2012 ...": a semicolon after the cue closes the sentence's attribution
        boolean semicolonAfter = after < n && (c.lower(after).equals(";") || c.lower(after).equals("—") && after + 1 < n
                && !opensQuote(c, after + 1));
        // '"...," she told the radio station on Monday': a closing quote right before the cue wins
        boolean quoteBefore = cls == VerbClass.SPEECH && closesQuoteBefore(c, before);
        // '"It is over," he told aides as he left': what follows the addressee is an adjunct, the content is before
        boolean adjunctAfter = after < n && !c.lower(after).equals("that")
                && (CLAUSE_OPENERS.contains(c.lower(after)) || c.tok(after).pos().equals("ADP"));
        // "When pressed by the moderators, Lee apologized for ...": a leading adverbial clause is never the content
        boolean adverbialBefore = !quoteBefore && before > 0 && leadsWithAdverbial(c);
        boolean hasAfter = !commaAfter && !semicolonAfter && !quoteBefore && (hasClauseAfter(c, after) || prepositionalObject(c, lemma, after))
                && !(adjunctAfter && cls == VerbClass.SPEECH && endsWithQuoteOrComma(c, before) && !adverbialBefore);
        if (gerundClause) {
            // "..., adding that ..." and "..., adding, "...": the participle's content is on its right only
            if (after < n && c.lower(after).equals(":") || commaAfter && after + 1 < n && opensQuote(c, after + 1)) {
                content = contentAfter(c, after + 1);
            } else if (hasClauseAfter(c, after)) {
                content = contentAfter(c, after, cls != VerbClass.SPEECH && !c.lower(after).equals("that"));
            }
        } else if (asClause(c, np, commaAfter, after)) {
            // "As the minister noted, the talks are over" and "The talks, as the minister noted, are over"
            boolean leading = np[0] == 1 || asAfterConjunction(c, np);
            content = leading ? contentAfter(c, after + 1) : contentBefore(c, np[0] - 1);
            if (content != null && !leading && hasClauseAfter(c, after + 1)) {
                Span rest = contentAfter(c, after + 1);
                content = rest == null ? content : content.union(rest);
            }
        } else if (after < n && c.lower(after).equals(":")) {
            content = afterColon(c, after);
        } else if (colonAfterAdjunct(c, after) > 0) {
            content = afterColon(c, colonAfterAdjunct(c, after));   // 'whispered to him: "..."'
        } else if (hasAfter && !(inverted && endsWithQuoteOrComma(c, before))) {
            content = contentAfter(c, after, cls != VerbClass.SPEECH && !c.lower(after).equals("that") || c.tok(after).pos().equals("ADP") && !c.lower(after).equals("that"));
            content = topicOf(c, after, content);
        } else if (cls == VerbClass.SPEECH && !quoteBefore && commaAfter && after + 1 < n && opensQuote(c, after + 1)) {
            // 'Asked about the vote, Lee said, "We will win."' and 'In March, she said, "..."': what leads up to the
            // speaker is the occasion, the quotation is the content
            content = contentAfter(c, after + 1);
        } else if ((cls == VerbClass.SPEECH || cls == VerbClass.BELIEF && onlyAdjunctsAfter(c, after) && !objectOnly(c, 0, before))
                && endsWithQuoteOrComma(c, before) && (!adverbialBefore || commaAfter && hasClauseAfter(c, after + 1)) && (quoteBefore || !objectOnly(c, 0, before)
                || commaAfter && hasClauseAfter(c, after + 1))) {
            // "In a letter to members, the union warned of strikes": a leading phrase without a verb is no content;
            // "The truce will hold, diplomats believe.": a belief can close the sentence as speech does
            content = onlyConnectives(c, 0, before) ? null : contentBefore(c, before);
            // "The deal," she said, "is dead." and "In the long run, experts say, prices will fall."
            boolean participle = after + 1 < n && c.tok(after + 1).pos().equals("VERB") && c.lower(after + 1).endsWith("ing");
            // after an inverted cue ("..., said Ann Lee, a delegate who ...") a comma leads to an apposition, not to
            // more of the content, unless a quotation opens there
            if (onlyConnectives(c, 0, before) && commaAfter && after + 1 < n && hasClauseAfter(c, after + 1)) {
                content = contentAfter(c, after + 1);    // "But, the banker added, it is not the way to win."
            } else if (content != null && commaAfter && after + 1 < n && (opensQuote(c, after + 1) || (!inverted || objectOnly(c, 0, before)) && !participle
                    && !quoteBefore && hasClauseAfter(c, after + 1) && !isAccordingTo(c, after + 1))) {
                Span rest = contentAfter(c, after + 1);
                if (rest != null) {
                    content = content.union(rest);
                }
            }
        } else if (commaAfter && after + 1 < n && opensQuote(c, after + 1)) {
            content = contentAfter(c, after + 1);    // he said, "It is over."
        }
        // '"We will win." Trump said.': the detector ended the sentence inside the quotation, just before its speaker
        if (content == null && cls == VerbClass.SPEECH && np != null && np[0] == 0 && onlyAdjunctsAfter(c, i + 1)) {
            content = quoteJustBefore(c);
        }
        if (content == null || content.length() == 0) {
            return;
        }
        boolean guessed = false;
        if (np == null) {
            // a conjoined or participle verb: its source is the sentence's subject, else the nearest name or pronoun
            np = firstSubject(c, i);
            if (np == null || c.tok(np[2]).span().overlaps(content)) {
                np = nearestNominalLeft(c, i, content);
            }
            guessed = np != null;
        }
        if (np == null && cls != VerbClass.SPEECH) {
            return;
        }
        Span speaker = np == null ? null : span(c, np[0], np[1]);
        Span head = np == null ? null : c.tok(np[2]).span();
        if (gerundClause) {
            // "..., he said, adding that ...": the participle shares the source of the cue it follows
            Draft main = mainCueBefore(out, c.sentence.index(), verb.begin());
            if (main != null && main.speaker() != null) {
                speaker = main.speaker();
                head = main.speakerHead();
                guessed = false;
            }
        }
        boolean direct = isQuote(c, content);
        Statement.Kind kind = cls == VerbClass.SPEECH ? (direct ? Statement.Kind.DIRECT_QUOTE : Statement.Kind.INDIRECT_SPEECH)
                : Statement.Kind.BELIEF;
        double confidence = switch (cls) {
            case SPEECH -> direct ? 0.85 : 0.75;
            case BELIEF, INTENTION -> 0.55;
            case PERCEPTION -> 0.4;
        };
        if (np == null || guessed) {
            confidence -= 0.2;
        } else if (c.tok(np[2]).pos().equals("PRON")) {
            confidence -= 0.1;
        }
        out.add(new Draft(kind, content, cue, lemma.toLowerCase(Locale.ROOT), speaker, head, c.sentence.index(), confidence));
    }

    /**
     * A passive cue without an agent: "the vote is expected to pass", "it is widely believed that ...". The source
     * is left unnamed; the content is the raised subject with its infinitive (the cue between them), or the
     * that-clause.
     */
    private static void passive(Context c, int i, String lemma, VerbClass cls, List<Draft> out) {
        int n = c.tokens.size();
        if (i + 2 >= n || cls == VerbClass.PERCEPTION) {
            return;
        }
        int aux = auxiliaryStart(c, i);
        Span cue = c.tok(aux).span().union(c.tok(i).span());
        Span content = null;
        if (c.lower(i + 1).equals("that")) {
            content = contentAfter(c, i + 1);
        } else if (c.lower(i + 1).equals("to") && (c.tok(i + 2).pos().equals("VERB") || c.tok(i + 2).pos().equals("AUX"))) {
            int[] subject = subjectLeft(c, aux);
            Span rest = contentAfter(c, i + 1);
            if (subject != null && rest != null && !Words.RELATIVE_PRONOUNS.contains(c.lower(subject[0]))) {
                content = span(c, subject[0], subject[1]).union(rest);
            }
        }
        if (content == null) {
            return;
        }
        Statement.Kind kind = cls == VerbClass.SPEECH ? Statement.Kind.INDIRECT_SPEECH : Statement.Kind.BELIEF;
        out.add(new Draft(kind, content, cue, lemma.toLowerCase(Locale.ROOT), null, null, c.sentence.index(), 0.45, "Passive"));
    }

    /**
     * "The resignation was first reported by a local station": the agent is the source and the passive subject is
     * what it spoke of. Only with a speech verb and a subject that is a noun phrase, not a relative pronoun.
     */
    private static void passiveWithAgent(Context c, int i, String lemma, VerbClass cls, List<Draft> out) {
        if (cls != VerbClass.SPEECH || !isPassive(c, i)) {
            return;
        }
        int aux = auxiliaryStart(c, i);
        int[] subject = subjectLeft(c, aux);
        int[] agent = nounPhraseRight(c, i + 2);
        if (subject == null || agent == null || Words.RELATIVE_PRONOUNS.contains(c.lower(subject[0])) || c.tok(subject[2]).pos().equals("PRON")) {
            return;
        }
        int begin = subject[0];
        while (begin >= 2 && c.lower(begin - 1).equals("of") && isNominal(c, begin - 2)) {
            int[] head = subjectLeft(c, begin - 1);    // "the closure of the mill": the head noun phrase and its of-phrase
            if (head == null || head[0] >= begin) {
                break;
            }
            begin = head[0];
        }
        Span cue = c.tok(aux).span().union(c.tok(i + 1).span());
        out.add(new Draft(Statement.Kind.INDIRECT_SPEECH, span(c, begin, subject[1]), cue, lemma.toLowerCase(Locale.ROOT),
                span(c, agent[0], agent[1]), c.tok(agent[2]).span(), c.sentence.index(), 0.5, "PassiveWithAgent"));
    }

    /**
     * A headline on a line of its own, where the tagger fails on Title Case: "Mayor Praises Harbour Deal", "Unions
     * blast budget". The first word that is an inflected reporting verb splits the line into source and content.
     */
    private void headlineVerb(Context c, List<Draft> out) {
        int n = c.tokens.size();
        int begin = c.sentence.begin();
        int end = c.sentence.span().end();
        boolean ownLine = (begin == 0 || c.text.charAt(begin - 1) == '\n') && (end == c.text.length() || c.text.charAt(end) == '\n');
        if (!ownLine || n < 3 || n > 30 || out.stream().anyMatch(d -> d.sentence() == c.sentence.index())) {
            return;
        }
        for (int k = 1; k < n - 1; k++) {
            if (!isWord(c, k) || c.quoteAt(c.tok(k).begin()) != null) {
                return;
            }
            // where the tagger saw the verb, the ordinary reading has already decided
            String lemma = c.tok(k).pos().equals("VERB") && !c.tok(k).isCapitalized() ? null : headlineLemma(c.lower(k));
            if (lemma == null || !c.tok(k - 1).isCapitalized() && !c.tok(k - 1).pos().equals("NOUN")
                    || c.lower(k + 1).equals("by") || !isWord(c, k + 1) && !isQuoteMark(c.lower(k + 1))) {
                continue;
            }
            int last = n - 1;
            while (last > k && !isWord(c, last) && !isQuoteMark(c.lower(last))) {
                last--;
            }
            if (last <= k) {
                return;
            }
            VerbClass cls = verbs.classOf(lemma).orElseThrow();
            Statement.Kind kind = cls == VerbClass.SPEECH ? Statement.Kind.INDIRECT_SPEECH : Statement.Kind.BELIEF;
            out.add(new Draft(kind, new Span(c.tok(k + 1).begin(), c.tok(last).end()), c.tok(k).span(), lemma,
                    span(c, 0, k - 1), c.tok(k - 1).span(), c.sentence.index(), 0.45));
            return;
        }
    }

    /**
     * The lexicon lemma of a verb token; where the lemmatiser left an inflected form ("pledging", "vowed"), the
     * regular stems are tried.
     */
    private String cueLemma(Token t) {
        if (verbs.contains(t.lemma())) {
            return t.lemma();
        }
        String w = t.text().toLowerCase(Locale.ROOT);
        if (!t.lemma().equals(w) && !t.lemma().equals(t.text())) {
            return null;    // the lemmatiser knew the word: it is not one of ours
        }
        if (w.endsWith("ing") && w.length() > 5) {
            String stem = w.substring(0, w.length() - 3);
            for (String lemma : List.of(stem, stem + "e", stem.substring(0, stem.length() - 1))) {
                if (verbs.contains(lemma)) {
                    return lemma;
                }
            }
            return null;
        }
        return headlineLemma(w);
    }

    /** The lemma of a third-person or past form of a reporting verb ("praises", "urged", "says"), or null. */
    private String headlineLemma(String word) {
        if (word.length() < 4 || !(word.endsWith("s") || word.endsWith("ed"))) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        if (word.endsWith("ies")) {
            candidates.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("ied")) {
            candidates.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("es") || word.endsWith("ed")) {
            candidates.add(word.substring(0, word.length() - 2));
        }
        candidates.add(word.substring(0, word.length() - 1));
        if (word.equals("says") || word.equals("said")) {
            candidates.add(0, "say");
        }
        for (String lemma : candidates) {
            if (verbs.classOf(lemma).filter(v -> v != VerbClass.PERCEPTION).isPresent()) {
                return lemma;
            }
        }
        return null;
    }

    /** The colon ending a short prepositional phrase right after the cue ("told the crowd:", "wrote on Twitter:"), or -1. */
    private static int colonAfterAdjunct(Context c, int after) {
        if (after >= c.tokens.size() || !c.tok(after).pos().equals("ADP") && !TIME_WORDS.contains(c.lower(after))) {
            return -1;
        }
        for (int j = after + 1; j < c.tokens.size() && j <= after + 6; j++) {
            if (c.lower(j).equals(":")) {
                return j;
            }
            String pos = c.tok(j).pos();
            if (pos.equals("VERB") || pos.equals("AUX") || c.lower(j).equals(",") || isQuoteMark(c.lower(j))) {
                return -1;
            }
        }
        return -1;
    }

    private static final Set<String> COMPLEMENT_PREPOSITIONS = Set.of("about", "for", "against", "over", "of");

    /** "apologized for the delay", "worried about the costs": the object of the preposition is what is meant. */
    private static boolean prepositionalObject(Context c, String lemma, int after) {
        int n = c.tokens.size();
        return after + 1 < n && (!Words.PLAIN_SPEECH.contains(lemma) && COMPLEMENT_PREPOSITIONS.contains(c.lower(after))
                || c.lower(after).equals("about"))
                && !TIME_WORDS.contains(c.lower(after + 1)) && nounPhraseRight(c, after + 1) != null;
    }

    /** Words after a comma that go on with the object rather than start a new clause: ", including ...". */
    private static final Set<String> LIST_CONTINUATIONS = Set.of("including", "such", "especially", "particularly",
            "notably", "mainly", "mostly", "chiefly");

    /** The token closing an aside opened at {@code j} ("— ... —", "( ... )") within the content, or -1. */
    private static int asideEnd(Context c, int j, int endTok) {
        String open = c.lower(j);
        String close = open.equals("(") ? ")" : open.equals("—") || open.equals("--") || open.equals("–") ? open : null;
        if (close == null || c.quoteAt(c.tok(j).begin()) != null) {
            return -1;
        }
        for (int k = j + 1; k < endTok && k <= j + 15; k++) {
            if (c.lower(k).equals(close)) {
                return k + 1 < endTok ? k : -1;
            }
        }
        return -1;
    }

    /** Words that open an adverbial clause or phrase at the start of a sentence. */
    private static final Set<String> ADVERBIAL_OPENERS = Set.of("when", "while", "after", "before", "during", "if", "although",
            "though", "because", "since", "despite", "once", "until", "unless", "whenever", "just", "in", "on", "at", "with",
            "without", "amid", "following", "upon", "speaking", "asked", "pressed", "addressing", "responding");

    /** Whether the sentence opens with an adverbial ("When asked, ...", "During the debate, ..."), not a quotation. */
    private static boolean leadsWithAdverbial(Context c) {
        return !c.tokens.isEmpty() && ADVERBIAL_OPENERS.contains(c.lower(0)) && c.quoteAt(c.tok(0).begin()) == null;
    }

    /** "As X noted," at the start of the sentence or between commas. */
    private static boolean asClause(Context c, int[] np, boolean commaAfter, int after) {
        if (np == null || np[0] < 1 || !commaAfter || !c.lower(np[0] - 1).equals("as") || after + 1 >= c.tokens.size()) {
            return false;
        }
        return np[0] == 1 || asAfterConjunction(c, np) ? hasClauseAfter(c, after + 1) : np[0] >= 3 && c.lower(np[0] - 2).equals(",");
    }

    /** "..., and as the director noted, staff could face sanctions": the as-clause opens a new conjunct. */
    private static boolean asAfterConjunction(Context c, int[] np) {
        return np[0] >= 2 && c.tok(np[0] - 2).pos().equals("CCONJ");
    }

    /** The last statement of this sentence whose cue comes before {@code position}. */
    private static Draft mainCueBefore(List<Draft> drafts, int sentence, int position) {
        Draft best = null;
        for (Draft d : drafts) {
            if (d.sentence() == sentence && d.cue().end() <= position && (best == null || d.cue().begin() > best.cue().begin())) {
                best = d;
            }
        }
        return best;
    }

    private void accordingTo(Context c, int i, List<Draft> out) {
        int n = c.tokens.size();
        int[] np = nounPhraseRight(c, i + 2);
        if (np == null) {
            return;
        }
        int end = np[1];
        // "according to a statement by the ministry", "according to officials in Kyiv"
        while (end + 2 < n && (c.tok(end + 1).pos().equals("ADP") || c.lower(end + 1).equals("'s"))
                && !c.lower(end + 1).equals(",")) {
            int[] more = nounPhraseRight(c, end + 2);
            if (more == null) {
                break;
            }
            end = more[1];
        }
        Span cue = c.tok(i).span().union(c.tok(i + 1).span());
        Span content;
        if (leadsClause(c, i)) {
            int comma = end + 1;
            while (comma < n && !c.lower(comma).equals(",")) {
                comma++;
            }
            if (comma + 1 >= n) {
                return;
            }
            content = contentAfter(c, comma + 1);
        } else {
            content = contentBefore(c, i);
            // "Other cleavages, according to the poll, include age and income": the content runs on past the source
            if (content != null && i > 0 && c.lower(i - 1).equals(",") && end + 2 < n && c.lower(end + 1).equals(",")
                    && objectOnly(c, 0, i) && hasClauseAfter(c, end + 2)) {
                Span rest = contentAfter(c, end + 2);
                if (rest != null) {
                    content = content.union(rest);
                }
            }
        }
        if (content == null) {
            return;
        }
        out.add(new Draft(Statement.Kind.ACCORDING_TO, content, cue, "according to", span(c, np[0], end),
                c.tok(np[2]).span(), c.sentence.index(), 0.8));
    }

    private static final Set<String> NOUN_CUES = Lexicon.words("/lexicon/speech-nouns.txt");
    private static final Set<String> STANCE_ADJECTIVES = Lexicon.words("/lexicon/stance-adjectives.txt");
    private static final java.util.Map<String, Set<String>> NOUN_PREPOSITIONS = Lexicon.rows("/lexicon/speech-nouns-prepositional.tsv")
            .stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                    p -> p[0], p -> Set.of(p[1].split(","))));

    /** "his criticism of the plan", "Lee's support for the bill": a nominal cue with its prepositional complement. */
    private static boolean isPrepositionalNounCue(Context c, int i) {
        Set<String> preps = NOUN_PREPOSITIONS.get(c.lower(i));
        return preps != null && c.tok(i).pos().equals("NOUN") && i + 2 < c.tokens.size() && preps.contains(c.lower(i + 1))
                && nounPhraseRight(c, i + 2) != null && !TIME_WORDS.contains(c.lower(i + 2));
    }

    private static void prepositionalNounCue(Context c, int i, List<Draft> out) {
        // the content is the noun phrase after the preposition, with the phrases of "of", "for" and "about" it holds
        int n = c.tokens.size();
        int end = i + 1;
        int j = i + 2;
        while (j < n) {
            int[] np = nounPhraseRight(c, j);
            if (np == null) {
                break;
            }
            end = np[1];
            j = np[1] + 1;
            if (j + 1 < n && Set.of("of", "for", "about", "on", "to", "in").contains(c.lower(j)) && c.quoteAt(c.tok(j).begin()) == null) {
                j++;
            } else {
                break;
            }
        }
        if (end <= i + 1) {
            return;
        }
        Span content = span(c, i + 2, end);
        // the holder: a possessive before the noun ("his", "the senator's"), else none
        int[] np = null;
        int k = i - 1;
        while (k >= 0 && c.tok(k).pos().equals("ADJ")) {
            k--;
        }
        if (k >= 0 && Words.POSSESSIVES.contains(c.lower(k))) {
            np = new int[] {k, k, k};
        } else if (k >= 1 && (c.lower(k).equals("'s") || c.lower(k).equals("’s"))) {
            int b = k - 1;
            while (b - 1 >= 0 && isNominal(c, b - 1) && !c.lower(b - 1).equals("'s")) {
                b--;
            }
            np = new int[] {b, k - 1, k - 1};
        } else if (k >= 0 && (c.lower(k).endsWith("'s") || c.lower(k).endsWith("’s")) && c.lower(k).length() > 2) {
            int b = k;
            while (b - 1 >= 0 && isNominal(c, b - 1)) {
                b--;
            }
            np = new int[] {b, k, k};
        }
        if (np == null) {
            return;     // "support for the bill grew": whose support, the sentence does not say
        }
        out.add(new Draft(Statement.Kind.BELIEF, content, c.tok(i).span(), c.tok(i).lemma().toLowerCase(Locale.ROOT),
                span(c, np[0], np[1]), c.tok(np[2]).span(), c.sentence.index(), 0.35));
    }
    private static final Set<String> COPULAS = Set.of("be", "feel", "seem", "remain", "appear", "sound", "become", "grow");

    /** "officials are worried that ...", "she was eager to ...": a stance adjective after a copula, with a complement. */
    private static boolean isStanceAdjective(Context c, int i) {
        int n = c.tokens.size();
        if (i < 2 || i + 2 >= n || !STANCE_ADJECTIVES.contains(c.lower(i)) || !Set.of("ADJ", "VERB").contains(c.tok(i).pos())) {
            return false;
        }
        int k = i - 1;
        while (k > 0 && (c.tok(k).pos().equals("ADV") || c.lower(k).equals("not") || c.lower(k).equals("n't"))) {
            k--;
        }
        if (!COPULAS.contains(c.tok(k).lemma())) {
            return false;
        }
        String next = c.lower(i + 1);
        return next.equals("that") || next.equals("to") && c.tok(i + 2).pos().equals("VERB")
                || Set.of("about", "of", "with", "over").contains(next) && nounPhraseRight(c, i + 2) != null;
    }

    private void stanceAdjective(Context c, int i, List<Draft> out) {
        int k = i - 1;
        while (k > 0 && !COPULAS.contains(c.tok(k).lemma())) {
            k--;
        }
        int[] np = subjectLeft(c, k);
        Span content = contentAfter(c, i + 1, !c.lower(i + 1).equals("that"));
        if (np == null || content == null || Words.RELATIVE_PRONOUNS.contains(c.lower(np[0])) && np[0] == np[1]) {
            return;
        }
        out.add(new Draft(Statement.Kind.BELIEF, content, c.tok(i).span(), c.lower(i), span(c, np[0], np[1]),
                c.tok(np[2]).span(), c.sentence.index(), 0.45));
    }
    private static final Set<String> SOURCE_DOCUMENTS = Lexicon.words("/lexicon/source-documents.txt");

    /**
     * "In the latest poll, the senator leads by four points", "In a letter to members, the union ...": a sentence
     * that opens with a document or channel and has no other cue attributes the rest of it to that document.
     */
    private void inSourceDocument(Context c, List<Draft> out) {
        int n = c.tokens.size();
        if (n < 6 || !c.lower(0).equals("in") || out.stream().anyMatch(d -> d.sentence() == c.sentence.index())
                || c.tokens.stream().anyMatch(t -> isVerb(t) && verbs.contains(t.lemma()))) {
            return;
        }
        int comma = 1;
        while (comma < n && comma < 14 && !c.lower(comma).equals(",")) {
            comma++;
        }
        if (comma >= n - 2 || comma >= 14 || c.quoteAt(c.tok(comma).begin()) != null) {
            return;
        }
        int head = -1;
        for (int j = 1; j < comma; j++) {
            if (c.tok(j).pos().equals("VERB") || c.tok(j).pos().equals("AUX")) {
                return;
            }
            if (head < 0 && SOURCE_DOCUMENTS.contains(c.lower(j)) && c.tok(j).pos().equals("NOUN")) {
                head = j;
            }
        }
        if (head < 0 || !hasClauseAfter(c, comma + 1)) {
            return;
        }
        Span content = contentAfter(c, comma + 1);
        if (content == null) {
            return;
        }
        int end = head;
        while (end + 1 < comma && isNominal(c, end + 1)) {
            end++;
        }
        out.add(new Draft(Statement.Kind.ACCORDING_TO, content, c.tok(0).span(), "in", span(c, 1, end), c.tok(head).span(),
                c.sentence.index(), 0.45));
    }

    private static boolean isNounCue(Context c, int i) {
        return c.tok(i).pos().equals("NOUN") && i + 1 < c.tokens.size() && c.lower(i + 1).equals("that")
                && c.tok(i + 1).pos().equals("SCONJ") && NOUN_CUES.contains(c.lower(i));
    }

    /** "her fear that the bridge will close", "the claim by officials that ...". */
    private void nounCue(Context c, int i, List<Draft> out) {
        Span content = contentAfter(c, i + 1);
        if (content == null) {
            return;
        }
        int[] np = null;
        if (i > 0 && (c.tok(i - 1).pos().equals("PRON") || c.lower(i - 1).equals("'s") || c.lower(i - 1).equals("’s"))) {
            int k = c.tok(i - 1).pos().equals("PRON") ? i - 1 : i - 2;
            if (k >= 0) {
                np = new int[] {k, k, k};
            }
        }
        if (np == null) {
            np = nearestNominalLeft(c, i, content);
        }
        out.add(new Draft(Statement.Kind.BELIEF, content, c.tok(i).span(), c.tok(i).lemma().toLowerCase(Locale.ROOT),
                np == null ? null : span(c, np[0], np[1]), np == null ? null : c.tok(np[2]).span(), c.sentence.index(), 0.4));
    }

    /** "Minister: talks will resume" on a line of its own. */
    private void headline(Context c, List<Draft> out) {
        int n = c.tokens.size();
        for (int k = 1; k < Math.min(n - 2, 7); k++) {
            if (!c.lower(k).equals(":")) {
                continue;
            }
            if (!c.tok(0).isCapitalized() && !isQuoteMark(c.lower(0)) || isPageLabel(c, k)) {
                return;
            }
            for (int j = 0; j < k; j++) {
                String pos = c.tok(j).pos();
                boolean nameLike = j == 0 && c.tok(j).isCapitalized() && k <= 3;   // "Trump: ..." read as a verb
                if ((pos.equals("VERB") || pos.equals("AUX")) && !nameLike || pos.equals("SCONJ") || c.lower(j).equals(",")
                        || pos.equals("ADP") && j == k - 1) {
                    return;
                }
            }
            // the whole rest of the line, even when it opens with a quotation
            int endTok = n - 1;
            while (endTok > k && !isWord(c, endTok) && !isQuoteMark(c.lower(endTok))) {
                endTok--;
            }
            if (endTok <= k) {
                return;
            }
            // what follows the colon must be said: a clause or a quotation, not a name or a number ("Contributing: A. Lee")
            boolean said = false;
            for (int j = k + 1; j <= endTok; j++) {
                said |= c.tok(j).pos().equals("VERB") || c.tok(j).pos().equals("AUX") || isQuoteMark(c.lower(j));
            }
            if (!said || endTok - k < 3) {
                return;
            }
            Span content = new Span(c.tok(k + 1).begin(), c.tok(endTok).end());
            // a transcript turn ("SMITH: ...") runs to the end of its paragraph
            int lineStart = c.sentence.begin();
            if (lineStart == 0 || c.text.charAt(lineStart - 1) == '\n') {
                int lineEnd = c.text.indexOf('\n', content.end());
                lineEnd = lineEnd < 0 ? c.text.length() : lineEnd;
                while (lineEnd > content.end() && (Character.isWhitespace(c.text.charAt(lineEnd - 1)) || c.text.charAt(lineEnd - 1) == '.')) {
                    lineEnd--;
                }
                content = new Span(content.begin(), lineEnd);
            }
            if (content != null) {
                out.add(new Draft(Statement.Kind.INDIRECT_SPEECH, content, c.tok(k).span(), ":", span(c, 0, k - 1),
                        c.tok(k - 1).span(), c.sentence.index(), 0.6));
            }
            return;
        }
    }

    /** Labels that head a line of page furniture or a transcript, not a source: "Breaking:", "Editor's note:", "Q:". */
    private static final Set<String> PAGE_LABELS = Set.of("breaking", "update", "updated", "note", "latest", "watch", "read",
            "related", "notice", "photo", "photos", "video", "correction", "source", "sources", "advertisement", "listen",
            "see", "more", "also", "exclusive", "live", "analysis", "opinion", "editorial", "review", "comment", "comments",
            "share", "tags", "topics", "by", "posted", "contributing", "twitter", "facebook", "email", "follow", "published", "filed", "credit", "caption");

    private static boolean isPageLabel(Context c, int colon) {
        String head = c.lower(colon - 1);
        return PAGE_LABELS.contains(head) || c.tok(0).text().equalsIgnoreCase("paid");
    }

    // ---- phrases ------------------------------------------------------------------------------------------------

    private static boolean isAccordingTo(Context c, int i) {
        return i + 2 < c.tokens.size() && c.lower(i).equals("according") && c.lower(i + 1).equals("to");
    }

    private static boolean leadsClause(Context c, int i) {
        for (int j = 0; j < i; j++) {
            if (isWord(c, j) && !c.tok(j).pos().equals("CCONJ") && !c.tok(j).pos().equals("ADV")) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> NAMING_VERBS = Set.of("call", "name", "dub", "title", "label", "term", "nickname");

    /**
     * A participle that modifies a noun rather than reporting anything: "a group called Occupy", "the so-called
     * reform", "300 pledged delegates", "the stated aim".
     */
    private static boolean isModifier(Context c, int i) {
        int n = c.tokens.size();
        Token verb = c.tok(i);
        if (!verb.text().endsWith("ed") && !verb.text().endsWith("en")) {
            return false;
        }
        if (i > 0 && c.lower(i - 1).equals("so-called") || c.lower(i).startsWith("so-")) {
            return true;
        }
        String before = i > 0 ? c.tok(i - 1).pos() : "";
        if (NAMING_VERBS.contains(verb.lemma()) && before.equals("NOUN") && i + 1 < n
                && (c.tok(i + 1).isCapitalized() || isQuoteMark(c.lower(i + 1)))) {
            int b = i - 1;
            while (b > 0 && isNominal(c, b - 1)) {
                b--;
            }
            if (c.tok(b).pos().equals("DET")) {
                return true;    // "a Facebook group called Open Doors": a name follows, not a report
            }
        }
        boolean attributive = before.equals("DET") || before.equals("NUM") || before.equals("ADJ") || c.lower(Math.max(0, i - 1)).endsWith("'s")
                || c.lower(Math.max(0, i - 1)).endsWith("’s");
        if (before.equals("NUM") && i + 1 < n && !c.lower(i + 1).equals("that")) {
            return true;    // "300 pledged delegates" (the tagger may read the noun as a verb)
        }
        return i > 0 && attributive && i + 1 < n && c.tok(i + 1).pos().equals("NOUN")
                && !(i + 2 < n && c.lower(i + 2).equals("that"));
    }

    /** The first auxiliary of a passive cue's verb group: "has" in "has repeatedly been reported". */
    private static int auxiliaryStart(Context c, int i) {
        int aux = i - 1;
        while (aux > 0 && (c.tok(aux - 1).pos().equals("AUX") || c.tok(aux - 1).pos().equals("ADV"))) {
            aux--;
        }
        return aux;
    }

    private static boolean isPassive(Context c, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            String w = c.lower(j);
            if (c.tok(j).pos().equals("AUX") && Set.of("be", "get").contains(c.tok(j).lemma()) && !c.tok(i).text().endsWith("ing")) {
                return true;
            }
            if (!c.tok(j).pos().equals("ADV") && !w.equals("not") && !w.equals("n't")) {
                return false;
            }
        }
        return false;
    }

    /** The subject noun phrase left of a verb: {begin, end, head} token indices, or null. */
    private static int[] subjectLeft(Context c, int i) {
        int j = i - 1;
        while (j >= 0 && (c.tok(j).pos().equals("AUX") || c.tok(j).pos().equals("ADV") || c.tok(j).pos().equals("PART")
                && !c.lower(j).equals("'s") && !c.lower(j).equals("’s"))) {
            j--;
        }
        if (j < 0) {
            return null;
        }
        // "Rep. Ann Lee (D-Ore.) said": the parenthesis belongs to the name before it
        if (c.lower(j).equals(")")) {
            int open = j - 1;
            while (open > 0 && open > j - 8 && !c.lower(open).equals("(")) {
                open--;
            }
            if (open > 0 && c.lower(open).equals("(") && (c.tok(open - 1).pos().equals("PROPN") || c.tok(open - 1).isCapitalized())) {
                int b = open - 1;
                while (b - 1 >= 0 && isNominal(c, b - 1)) {
                    b--;
                }
                return new int[] {b, j, open - 1};
            }
            return null;
        }
        String pos = c.tok(j).pos();
        if (pos.equals("PRON") && Words.RELATIVE_PRONOUNS.contains(c.lower(j)) || pos.equals("PRON") && !c.lower(j).equals("it")
                || pos.equals("PRON") && c.lower(j).equals("it")) {
            return new int[] {j, j, j};
        }
        // "few believe", "many fear", "some argue": a quantifier standing alone is the source
        if (QUANTIFIERS.contains(c.lower(j)) && (j == 0 || !isNominal(c, j - 1) || c.tok(j - 1).pos().equals("DET"))) {
            int b = j > 0 && c.tok(j - 1).pos().equals("DET") || j > 0 && c.tok(j - 1).pos().equals("ADV") ? j - 1 : j;
            return new int[] {b, j, j};
        }
        // the tagger reads some surnames as adjectives ("Silverman said")
        // ... and some nouns after a determiner too ("the treasurer said")
        int det = j - 1;
        while (det > 0 && Set.of("ADJ", "PROPN", "NOUN").contains(c.tok(det).pos())) {
            det--;
        }
        boolean adjectiveHead = pos.equals("ADJ") && det >= 0 && det < j && c.tok(det).pos().equals("DET")
                && !Words.RELATIVE_PRONOUNS.contains(c.lower(det));
        if (pos.equals("PROPN") || pos.equals("NOUN") || pos.equals("NUM") || (pos.equals("ADJ") || pos.equals("X")) && c.tok(j).isCapitalized()
                || adjectiveHead) {
            int head = j;
            int b = j;
            while (b - 1 >= 0 && isNominal(c, b - 1)) {
                b--;
            }
            if (b - 1 >= 0 && Words.POSSESSIVES.contains(c.lower(b - 1))) {
                b--;    // "his wife said"
            }
            // "A spokesman for the ministry said", "The head of the union said": the noun the of- or for-phrase
            // hangs on is the head of the source
            if (b >= 2 && Set.of("of", "for").contains(c.lower(b - 1)) && c.tok(b - 2).pos().equals("NOUN")) {
                int h = b - 2;
                int b2 = h;
                while (b2 - 1 >= 0 && isNominal(c, b2 - 1)) {
                    b2--;
                }
                if (b2 - 1 >= 0 && Words.POSSESSIVES.contains(c.lower(b2 - 1))) {
                    b2--;
                }
                boolean opens = b2 == 0 || isBoundary(c, b2 - 1) || c.tok(b2 - 1).pos().equals("CCONJ");
                if (opens && c.tok(b2).pos().equals("DET") || opens && b2 == h) {
                    return new int[] {b2, j, h};
                }
            }
            return new int[] {b, j, head};
        }
        // "Smith, the party's spokesman, said", "Lee, who runs the port, said": skip back over the apposition
        if (c.lower(j).equals(",") && j >= 2) {
            for (int k = j - 1; k >= 1 && k >= j - 40; k--) {
                if (c.quoteAt(c.tok(k).begin()) != null) {
                    break;
                }
                if (c.lower(k).equals(",")) {
                    String before = c.tok(k - 1).pos();
                    if (before.equals("PROPN") || before.equals("NOUN") || before.equals("PRON")) {
                        int b = k - 1;
                        while (b - 1 >= 0 && isNominal(c, b - 1)) {
                            b--;
                        }
                        if (nameBetween(c, k + 1, j)) {
                            // "Her counterpart, Jan Berg, said": the description and the name it introduces both
                            // stand as source, and the name is what the speaker resolves through; after a name
                            // ("The mayor of Ghent, Jan Berg, said") only the apposed name is certain to be the source
                            return new int[] {before.equals("PROPN") ? k + 1 : b, j - 1, j - 1};
                        }
                        return new int[] {b, k - 1, k - 1};
                    }
                    break;
                }
            }
        }
        return null;
    }

    /** Whether tokens {@code [from, to)} are one short capitalised name. */
    private static boolean nameBetween(Context c, int from, int to) {
        if (to - from < 1 || to - from > 4) {
            return false;
        }
        for (int x = from; x < to; x++) {
            if (!c.tok(x).pos().equals("PROPN") && !c.tok(x).isCapitalized()) {
                return false;
            }
        }
        return true;
    }

    /** The first subject of the sentence, for a participle clause: "X spoke on Monday, saying ...". */
    private static int[] firstSubject(Context c, int i) {
        for (int j = 0; j < i; j++) {
            String pos = c.tok(j).pos();
            if ((pos.equals("VERB") || pos.equals("AUX")) && c.quoteAt(c.tok(j).begin()) == null) {
                return subjectLeft(c, j);
            }
        }
        return null;
    }

    private static int[] nearestNominalLeft(Context c, int i, Span content) {
        for (int j = i - 1; j >= 0; j--) {
            String pos = c.tok(j).pos();
            if ((pos.equals("PROPN") || pos.equals("PRON") && !Words.RELATIVE_PRONOUNS.contains(c.lower(j))) && !c.tok(j).span().overlaps(content)
                    && c.quoteAt(c.tok(j).begin()) == null) {
                int b = j;
                while (pos.equals("PROPN") && b - 1 >= 0 && isNominal(c, b - 1)) {
                    b--;
                }
                return new int[] {b, j, j};
            }
        }
        return null;
    }

    /** A noun phrase starting at {@code from}: {begin, end, head}, or null. */
    private static int[] nounPhraseRight(Context c, int from) {
        int n = c.tokens.size();
        int j = from;
        boolean possessive = j + 1 < n && Words.POSSESSIVES.contains(c.lower(j))
                && Set.of("NOUN", "PROPN", "ADJ", "NUM").contains(c.tok(j + 1).pos());
        if (j < n && c.tok(j).pos().equals("PRON") && !possessive) {
            return new int[] {j, j, j};
        }
        if (possessive) {
            j++;    // "her staff": the pronoun is the determiner
        }
        int head = -1;
        while (j < n && isNominal(c, j)) {
            String pos = c.tok(j).pos();
            if (pos.equals("PROPN") || pos.equals("NOUN") || pos.equals("NUM") || pos.equals("ADJ") && c.tok(j).isCapitalized()) {
                head = j;
            }
            j++;
        }
        if (head < 0) {
            return null;
        }
        return new int[] {from, head, head};
    }

    /** The last token of an addressee: "told reporters the plan ..." ends at "reporters", before the next determiner. */
    private static int addresseeEnd(Context c, int[] np) {
        for (int j = np[0] + 1; j <= np[1]; j++) {
            if (c.tok(j).pos().equals("DET") && !c.tok(j - 1).pos().equals("DET") && !c.lower(j - 1).endsWith("s")
                    || c.tok(j).pos().equals("DET") && Set.of("NOUN", "PROPN").contains(c.tok(j - 1).pos())) {
                return j - 1;
            }
        }
        return np[1];
    }

    private static boolean isNominal(Context c, int j) {
        String pos = c.tok(j).pos();
        String w = c.lower(j);
        return pos.equals("PROPN") || pos.equals("NOUN") || pos.equals("ADJ") || pos.equals("DET") && !Words.RELATIVE_PRONOUNS.contains(w)
                || pos.equals("NUM") || w.equals("'s") || w.equals("’s") || pos.equals("PART") && w.equals("'")
                || pos.equals("PUNCT") && w.equals(".") && j > 0 && c.tok(j - 1).end() == c.tok(j).begin()
                && c.tok(j - 1).text().length() <= 4 && c.tok(j - 1).isCapitalized();
    }

    private static boolean isBoundary(Context c, int j) {
        String w = c.lower(j);
        return w.equals(",") || w.equals(":") || w.equals("—") || w.equals("–") || isQuoteMark(w);
    }

    private static boolean isQuoteMark(String w) {
        boolean mark = false;
        for (int k = 0; k < w.length(); k++) {
            char ch = w.charAt(k);
            if ("\"“”‘’'`".indexOf(ch) >= 0) {
                mark = true;
            } else if (",.?!".indexOf(ch) < 0) {
                return false;
            }
        }
        return mark;
    }

    private static boolean isWord(Context c, int j) {
        return !c.tok(j).pos().equals("PUNCT") && !isQuoteMark(c.lower(j));
    }

    /** The sentence's text up to the end of token {@code before - 1}, without trailing space; empty at the start. */
    private static String prefixBefore(Context c, int before) {
        return before <= 0 ? "" : c.text.substring(c.sentence.begin(), c.tok(before - 1).end()).stripTrailing();
    }

    private static boolean closesQuoteBefore(Context c, int before) {
        String prefix = prefixBefore(c, before);
        if (prefix.isEmpty()) {
            return false;
        }
        Span q = c.quoteAt(c.sentence.begin() + prefix.length() - 1);
        return q != null && q.end() == c.sentence.begin() + prefix.length();
    }

    private static boolean endsWithQuoteOrComma(Context c, int before) {
        String prefix = prefixBefore(c, before);
        if (prefix.isEmpty()) {
            return false;
        }
        char last = prefix.charAt(prefix.length() - 1);
        return ",\"”’'—–:".indexOf(last) >= 0 || last == '?' || last == '!';
    }

    /** Moves past adjuncts to an upcoming "that": "said in a statement on Monday that ...". */
    private static int skipToThat(Context c, int after) {
        int n = c.tokens.size();
        for (int j = after; j < n && j < after + 10; j++) {
            Token t = c.tok(j);
            if (c.lower(j).equals("that") && (t.pos().equals("SCONJ") || j > after)) {
                return j;
            }
            if (t.pos().equals("VERB") || t.pos().equals("AUX") || isQuoteMark(c.lower(j))) {
                break;
            }
        }
        // "said Thursday the ...": skip leading time words
        int j = after;
        while (j < n && TIME_WORDS.contains(c.lower(j)) && !c.lower(j).equals("that")) {
            j++;
        }
        return j < n && j - after <= 2 && hasClauseAfter(c, j) ? j : after;
    }

    /** "plans to expand ...": a "to" the tagger read as a preposition, before a word that is no noun phrase. */
    private static boolean infinitiveMarker(Context c, int j) {
        if (!c.lower(j).equals("to") || j + 1 >= c.tokens.size()) {
            return false;
        }
        Token next = c.tok(j + 1);
        return Set.of("VERB", "AUX", "ADJ", "ADV").contains(next.pos()) && !next.isCapitalized();
    }

    /** Whether words follow that can be content, rather than only an adjunct ("in a statement") or nothing. */
    private static boolean hasClauseAfter(Context c, int after) {
        int n = c.tokens.size();
        int words = 0;
        boolean verb = false;
        boolean adjunctStart = after < n && (c.tok(after).pos().equals("ADP") && !c.lower(after).equals("that")
                && !infinitiveMarker(c, after) || TIME_WORDS.contains(c.lower(after)));
        for (int j = after; j < n; j++) {
            if (isWord(c, j)) {
                words++;
            }
            String pos = c.tok(j).pos();
            verb |= pos.equals("VERB") || pos.equals("AUX");
            if (!adjunctStart && (isQuoteMark(c.lower(j)) || c.text.charAt(c.tok(j).begin()) == '“')) {
                return true;
            }
        }
        if (words == 0) {
            return false;
        }
        return !adjunctStart || verb;
    }

    /**
     * "said little about the plan", "sounded a positive note about the deal": when words of the cue's own phrase
     * stand before "about", what was talked about is the object of the preposition.
     */
    private static Span topicOf(Context c, int after, Span content) {
        if (content == null || isQuote(c, content)) {
            return content;
        }
        for (int j = after + 1; j < c.tokens.size() && j <= after + 4 && c.tok(j).begin() < content.end(); j++) {
            String pos = c.tok(j - 1).pos();
            if (pos.equals("VERB") || pos.equals("AUX") || pos.equals("PRON") || c.lower(j - 1).equals(",")) {
                return content;
            }
            if (Set.of("about", "regarding", "concerning").contains(c.lower(j)) && j + 1 < c.tokens.size()
                    && c.tok(j + 1).begin() < content.end()) {
                return new Span(c.tok(j + 1).begin(), content.end());
            }
        }
        return content;
    }

    /** Whether nothing but time words, adverbs and punctuation follow token {@code from}. */
    private static boolean onlyAdjunctsAfter(Context c, int from) {
        for (int j = from; j < c.tokens.size(); j++) {
            if (isWord(c, j) && !TIME_WORDS.contains(c.lower(j)) && !c.tok(j).pos().equals("ADV")) {
                return false;
            }
        }
        return true;
    }

    /** A quotation that ends right before this sentence in the same paragraph. */
    private static Span quoteJustBefore(Context c) {
        int start = c.sentence.span().begin();
        for (Span q : c.quotes) {
            if (q.end() <= start && q.end() > start - 4 && c.text.substring(q.end(), start).isBlank()
                    && c.text.substring(q.end(), start).indexOf('\n') < 0) {
                return q;
            }
        }
        return null;
    }

    private static Span afterColon(Context c, int colon) {
        int n = c.tokens.size();
        if (colon + 1 < n) {
            return contentAfter(c, colon + 1);
        }
        // "He added:" closing a paragraph, the quote opening the next one
        int next = c.tok(colon).end();
        while (next < c.text.length() && Character.isWhitespace(c.text.charAt(next))) {
            next++;
        }
        Span q = c.quoteAt(next);
        return q != null && q.begin() == next ? q : null;
    }

    private static boolean closesQuote(Context c, int j) {
        Span q = c.quoteAt(c.tok(j).end() - 1);
        return q != null && q.end() == c.tok(j).end();
    }

    /** Whether a speaker and a reporting verb follow: '..." the judge said'. */
    private static boolean cueFollows(Context c, int j) {
        int n = c.tokens.size();
        for (int k = j; k < n && k < j + 6; k++) {
            Token t = c.tok(k);
            if (t.pos().equals("VERB")) {
                return c.verbs.classOf(t.lemma()).filter(v -> v == VerbClass.SPEECH).isPresent();
            }
            if (!isNominal(c, k) && !t.pos().equals("PRON") && !t.pos().equals("AUX") && !t.pos().equals("ADV")) {
                return false;
            }
        }
        return false;
    }

    private static boolean opensQuote(Context c, int j) {
        Span q = c.quoteAt(c.tok(j).begin());
        return q != null && q.begin() >= c.tok(j).begin();
    }

    /** From token {@code from} to the end of the sentence, or to the end of a quotation running past it. */
    private static Span contentAfter(Context c, int from) {
        return contentAfter(c, from, false);
    }

    /** As above; a {@code shortClause} (the object of a belief or stance verb) also ends at the first comma. */
    private static Span contentAfter(Context c, int from, boolean shortClause) {
        int n = c.tokens.size();
        while (from < n && (c.lower(from).equals(",") || c.lower(from).equals("—") || c.lower(from).equals("-"))) {
            from++;
        }
        if (from >= n) {
            return null;
        }
        // "asked whether the plan was legal, the mayor said no": an embedded question ends at its comma
        shortClause |= Set.of("if", "whether").contains(c.lower(from)) && from > 0 && c.tok(from - 1).lemma().equals("ask");
        int begin = c.tok(from).begin();
        Span q = c.quoteAt(begin);
        if (q != null && q.begin() == begin) {
            return q;
        }
        int endTok = n - 1;
        while (endTok >= from && !isWord(c, endTok) && !isQuoteMark(c.lower(endTok)) && !c.lower(endTok).endsWith("\"")) {
            endTok--;
        }
        if (endTok < from) {
            return null;
        }
        int end = c.tok(endTok).end();
        // an embedded "according to", a participle clause (", adding ...") or ", he said" closes the content
        for (int j = from + 1; j < endTok; j++) {
            if (c.lower(j).equals(",") && j + 2 <= endTok && isAccordingTo(c, j + 1)
                    || c.lower(j).equals(",") && c.tok(j + 1).pos().equals("VERB") && c.lower(j + 1).endsWith("ing")) {
                end = c.tok(j - 1).end();
                break;
            }
            // 'called him a "hypocrite," linking to ...': the participle follows the closing quote
            if (c.lower(j).equals(",") && isQuoteMark(c.lower(j + 1)) && j + 2 < endTok && closesQuote(c, j + 1)
                    && c.tok(j + 2).pos().equals("VERB") && c.lower(j + 2).endsWith("ing")) {
                end = c.tok(j + 1).end();
                break;
            }
            if (isQuoteMark(c.lower(j)) && closesQuote(c, j) && cueFollows(c, j + 1)) {
                end = c.tok(j).end();
                break;
            }
            // "denied the charges and accused her of ...", "said X and added that ...": a second verb phrase
            // of the source's, not part of what was reported
            int verbAfterAnd = j + 1 < endTok && c.tok(j + 1).pos().equals("AUX") ? j + 2 : j + 1;
            if (c.lower(j).equals("and") && c.quoteAt(c.tok(j).begin()) == null && verbAfterAnd < endTok
                    && c.tok(verbAfterAnd).pos().equals("VERB") && (objectOnly(c, from, j)
                    || isSpeechVerb(c, c.tok(verbAfterAnd)))) {
                end = c.tok(j - 1 >= from && c.lower(j - 1).equals(",") ? j - 2 : j - 1).end();
                break;
            }
            // "admitted the error but noted that ...": a second verb phrase of the source's
            if (c.lower(j).equals("but") && c.quoteAt(c.tok(j).begin()) == null && j + 1 < endTok
                    && (c.tok(j + 1).pos().equals("VERB") || c.tok(j + 1).pos().equals("ADV") && c.tok(j + 2).pos().equals("VERB"))) {
                end = c.tok(j - 1 >= from && c.lower(j - 1).equals(",") ? j - 2 : j - 1).end();
                break;
            }
            // "endorsed her, said on Monday that ...": a second reporting verb after a comma starts anew
            if (c.lower(j).equals(",") && c.quoteAt(c.tok(j).begin()) == null && isSpeechVerb(c, c.tok(j + 1))
                    && !c.lower(j + 1).endsWith("ing")) {
                end = c.tok(j - 1).end();
                break;
            }
            // a noun phrase object ends before its time adjuncts: "endorsed the senator last week"
            if (j > from && !Set.of("that", "if", "whether").contains(c.lower(from)) && objectOnly(c, from, nextBreak(c, j, endTok))
                    && c.quoteAt(c.tok(j).begin()) == null
                    && (TIME_WORDS.contains(c.lower(j)) && !c.tok(j).pos().equals("DET") && !c.tok(j - 1).pos().equals("DET")
                    && !c.tok(j - 1).pos().equals("ADJ") || c.tok(j).pos().equals("ADP") && TIME_WORDS.contains(c.lower(j + 1)))) {
                end = c.tok(j - 1).end();
                break;
            }
            // an aside between paired dashes or in parentheses belongs to the content: "to play nice — or his
            // version of it — with his colleagues"
            int aside = asideEnd(c, j, endTok);
            if (aside > 0) {
                j = aside;
                continue;
            }
            // outside a quotation, a new clause after a comma, a dash or a semicolon ends the reported content
            if (c.quoteAt(c.tok(j).begin()) == null && (CLAUSE_DASHES.contains(c.lower(j))
                    || c.lower(j).equals(",") && (CLAUSE_OPENERS.contains(c.lower(j + 1)) && !interruptsSubject(c, from, j)
                    || shortClause && !isQuoteMark(c.lower(j + 1)) && !LIST_CONTINUATIONS.contains(c.lower(j + 1))))) {
                end = c.tok(j - 1).end();
                break;
            }
        }
        Span inner = c.quoteAt(end - 1);
        if (inner != null && inner.end() > end) {
            end = inner.end();
        }
        return begin < end ? new Span(begin, end) : null;
    }

    private static boolean isSpeechVerb(Context c, Token t) {
        return t.pos().equals("VERB") && c.verbs.classOf(t.lemma()).filter(v -> v == VerbClass.SPEECH).isPresent();
    }

    /** The next comma, "and", clause opener or quotation mark from {@code j}, or the end of the content. */
    private static int nextBreak(Context c, int j, int endTok) {
        for (int k = j; k <= endTok; k++) {
            String w = c.lower(k);
            if (w.equals(",") || w.equals("and") || CLAUSE_OPENERS.contains(w) || isQuoteMark(w)) {
                return k;
            }
        }
        return endTok + 1;
    }

    /** "that the plan, which the council approved, would cost ...": a relative clause after the content's subject. */
    private static boolean interruptsSubject(Context c, int from, int comma) {
        int start = c.lower(from).equals("that") ? from + 1 : from;
        return comma > start && Words.RELATIVE_PRONOUNS.contains(c.lower(comma + 1)) && objectOnly(c, start, comma);
    }

    /** Whether tokens {@code [from, to)} are only conjunctions, adverbs and punctuation: "But,", "And yet,". */
    private static boolean onlyConnectives(Context c, int from, int to) {
        for (int j = from; j < to; j++) {
            String pos = c.tok(j).pos();
            if (isWord(c, j) && !pos.equals("CCONJ") && !pos.equals("ADV") || isQuoteMark(c.lower(j))) {
                return false;
            }
        }
        return true;
    }

    /** Whether tokens {@code [from, to)} hold no verb: a noun phrase object rather than a clause. */
    private static boolean objectOnly(Context c, int from, int to) {
        for (int j = from; j < to; j++) {
            String pos = c.tok(j).pos();
            if (pos.equals("VERB") || pos.equals("AUX") || c.lower(j).equals("that") && pos.equals("SCONJ")) {
                return false;
            }
        }
        return true;
    }

    /** From the start of the sentence (or of the quotation it is inside) to the comma before the cue. */
    private static Span contentBefore(Context c, int before) {
        if (before <= 0) {
            return null;
        }
        int begin = c.sentence.begin();
        int end = c.tok(before - 1).end();
        String part = c.text.substring(begin, end);
        int trimmed = part.length();
        while (trimmed > 0 && (Character.isWhitespace(part.charAt(trimmed - 1)) || part.charAt(trimmed - 1) == ','
                || part.charAt(trimmed - 1) == '—' || part.charAt(trimmed - 1) == '–')) {
            trimmed--;
        }
        end = begin + trimmed;
        if (end <= begin) {
            return null;
        }
        Span q = c.quoteAt(end - 1);
        if (q != null && q.end() == end && q.begin() < begin) {
            begin = q.begin();
        } else if (q == null) {
            q = c.quoteAt(begin);
            if (q != null && q.begin() < begin && q.end() <= end) {
                begin = q.begin();
            }
        }
        return new Span(begin, end);
    }

    private static boolean isQuote(Context c, Span content) {
        int quoted = 0;
        for (Span q : c.quotes) {
            if (q.overlaps(content)) {
                quoted += Math.min(q.end(), content.end()) - Math.max(q.begin(), content.begin());
            }
        }
        return quoted * 2 >= content.length();
    }

    private static Span span(Context c, int from, int to) {
        return new Span(c.tok(from).begin(), c.tok(to).end());
    }

    // ---- document level -----------------------------------------------------------------------------------------

    /** A quotation that follows a quoted statement in the same paragraph continues it: "Yes," he said. "It is." */
    private static void attachFollowingQuotes(String text, List<Span> quotes, List<Draft> drafts) {
        drafts.sort(Comparator.comparing(Draft::content));
        for (Span q : quotes) {
            // a statement cued inside the quotation ('"I think we will win"') is nested in it and does not stop it
            if (q.length() < 8 || drafts.stream().anyMatch(d -> d.content().overlaps(q) && !q.contains(d.cue()))) {
                continue;
            }
            Draft best = null;
            int bestIndex = -1;
            for (int k = 0; k < drafts.size(); k++) {
                Draft d = drafts.get(k);
                // the narration between the two quotations may not outweigh them: the content is one span
                if (d.content().end() <= q.begin() && (d.kind() == Statement.Kind.DIRECT_QUOTE || closesWithQuote(text, d.content()))
                        && continues(text.substring(d.content().end(), q.begin()))
                        && q.begin() - d.content().end() <= d.content().length() + q.length()
                        && (best == null || d.content().end() > best.content().end())) {
                    best = d;
                    bestIndex = k;
                }
            }
            if (best != null) {
                drafts.set(bestIndex, best.withContent(best.content().union(q)));
            }
        }
    }

    /** Whether a content ends on a closing quotation mark: a paraphrase that ends by quoting its speaker. */
    private static boolean closesWithQuote(String text, Span content) {
        int end = content.end();
        while (end > content.begin() && ",.".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > content.begin() && "\"”'’".indexOf(text.charAt(end - 1)) >= 0;
    }

    /**
     * Whether the text between two quotations lets the second continue the first: the same paragraph, or a new
     * paragraph that opens with the quotation right after the short cue sentence ('..." he said.' / '"More."').
     */
    private static boolean continues(String gap) {
        int first = gap.indexOf('\n');
        if (first < 0) {
            return true;
        }
        int last = gap.lastIndexOf('\n');
        String cueLine = gap.substring(0, first).strip();
        boolean oneSentence = first <= 60 || first <= 160 && !cueLine.substring(0, Math.max(0, cueLine.length() - 1)).contains(". ");
        return oneSentence && gap.substring(last + 1).isBlank() && gap.substring(first, last + 1).isBlank()
                && gap.chars().filter(ch -> ch == '\n').count() <= 2 && gap.indexOf('"') < 0 && gap.indexOf('“') < 0;
    }

    /**
     * Drops a belief, intention or perception whose cue lies inside another statement's content: in "she said
     * they hoped to win", the hope is part of what she said, not a second attribution by the writer. Speech
     * inside speech stays when it reports a that-clause ("she said the mayor told her that ...") or a quotation:
     * that is a nested attribution. A nested speech verb with anything else ("she said the mayor defended his
     * record", "... told her the tunnel is unsafe") is dropped: on PolNeAR train that removed 1,233 readings of
     * which 179 had the right content, mostly reported actions rather than attributions of their own.
     */
    private static List<Draft> withoutNestedStances(AnnotatedText text, List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            boolean inside = drafts.stream().anyMatch(o -> o != d
                    && o.content().contains(d.cue().begin()) && !d.content().contains(o.cue().begin()));
            boolean nested = inside && (d.kind() == Statement.Kind.BELIEF || d.kind() == Statement.Kind.INDIRECT_SPEECH
                    && !thatClause(text, d.content()));
            if (!nested) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether a content opens with "that": a reported clause, and no object of the verb. */
    private static boolean thatClause(AnnotatedText text, Span content) {
        return content.of(text.text()).strip().toLowerCase(Locale.ROOT).startsWith("that ");
    }

    /** One statement per content span; an exact duplicate keeps the more confident reading. */
    private static List<Draft> dedupe(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            int same = -1;
            for (int k = 0; k < out.size(); k++) {
                if (out.get(k).content().equals(d.content())) {
                    same = k;
                }
            }
            if (same < 0) {
                out.add(d);
            } else if (d.confidence() > out.get(same).confidence()) {
                out.set(same, d);
            }
        }
        return out;
    }

    private static Statement resolve(AnnotatedText text, Draft d, Entities entities, List<Event> events, LocalDate documentDate) {
        String speaker = null;
        String speakerState = d.speaker() == null ? "none" : "span-only";
        if (d.speaker() != null) {
            Mention best = null;
            for (Mention m : entities.mentions()) {
                if (!m.span().overlaps(d.speaker())) {
                    continue;
                }
                boolean onHead = m.span().overlaps(d.speakerHead());
                if (best == null || onHead && !best.span().overlaps(d.speakerHead())
                        || onHead == best.span().overlaps(d.speakerHead()) && m.span().length() > best.span().length()) {
                    best = m;
                }
            }
            if (best != null) {
                speaker = best.entity();
                speakerState = best.kind() == Mention.Kind.PRONOUN ? "pronoun" : "entity";
            } else if (Words.SOURCE_PRONOUNS.contains(d.speakerHead().of(text.text()).toLowerCase(Locale.ROOT))) {
                speakerState = "pronoun-unresolved";
            }
        }
        double confidence = StatementConfidence.of(d.kind(), speakerState);
        Sentence sentence = text.sentences().get(d.sentence());
        Event venue = null;
        for (Event e : events) {
            if (e.type() == Event.Type.VISIT) {
                continue;
            }
            if (VENUE_TYPES.contains(e.type().name()) && sentence.span().contains(e.span())
                    && (venue == null || Math.abs(e.span().begin() - d.cue().begin()) < Math.abs(venue.span().begin() - d.cue().begin()))) {
                venue = e;
            }
        }
        if (venue == null) {
            venue = EventExtractor.referredTo(text.text(), sentence.span(), events);   // "during the briefing"
        }
        if (venue == null && speaker != null) {
            // the speaker was introduced as speaking in an interview or briefing earlier on
            for (Event e : events) {
                if ((e.type() == Event.Type.INTERVIEW || e.type() == Event.Type.BRIEFING) && e.participants().contains(speaker)
                        && e.span().begin() < d.content().begin()) {
                    venue = e;
                }
            }
        }
        LocalDate date = venue != null && venue.date() != null ? venue.date() : null;
        if (date == null && documentDate != null) {
            // a date inside the content is what was talked about, not when it was said
            List<Dates.Found> found = Dates.find(text.text(), sentence.span(), documentDate, documentDate);
            date = found.stream().filter(f -> f.precision() == Dates.Precision.DAY && !d.content().overlaps(f.span()))
                    .map(Dates.Found::date).findFirst().orElse(documentDate);
        }
        return new Statement(d.kind(), d.content(), d.cue(), d.cueLemma(), d.speaker(), speaker,
                venue == null ? null : venue.key(), venue == null ? null : venue.place(), date, confidence, d.rule());
    }
}
