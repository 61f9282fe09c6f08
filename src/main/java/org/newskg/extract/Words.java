package org.newskg.extract;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The closed word classes of English that the extraction rules and the RDF mapper test words against:
 * pronouns and the speech verbs that rules test by lemma. One copy each, in one place, so that entity
 * recognition, statement extraction and the RDF mapper agree on what a pronoun is. Open lists (reporting verbs, titles,
 * countries) are lexicon files instead, read through {@link Lexicon}.
 *
 * <pre>{@code
 * Words.PERSONAL_PRONOUNS.contains("she");   // true
 * Words.SOURCE_PRONOUNS.contains("who");     // true: a relative pronoun can stand as source
 * }</pre>
 */
public final class Words {

    private Words() {
    }

    /** Subject pronouns: a source of this form is a pronoun mention. */
    public static final Set<String> PERSONAL_PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you");
    /** Pronouns that open a relative clause ("the minister, who said ..."). */
    public static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "that");
    /** Everything that can stand as the source of a statement and is a pronoun: personal or relative. */
    public static final Set<String> SOURCE_PRONOUNS = Stream.concat(PERSONAL_PRONOUNS.stream(), RELATIVE_PRONOUNS.stream())
            .collect(Collectors.toUnmodifiableSet());
    public static final Set<String> OBJECT_PRONOUNS = Set.of("her", "him", "them", "us", "me", "it");
    public static final Set<String> POSSESSIVES = Set.of("his", "her", "its", "their", "our", "my", "your");
    public static final Set<String> MASCULINE_PRONOUNS = Set.of("he", "him", "his", "himself");
    public static final Set<String> FEMININE_PRONOUNS = Set.of("she", "her", "hers", "herself");

    /** Verbs whose first object is the addressee: "told reporters that ...". */
    public static final Set<String> ADDRESSEE_VERBS = Set.of("tell", "inform", "assure", "reassure", "remind", "warn",
            "advise", "ask", "urge", "brief", "notify", "convince", "persuade", "promise", "teach", "caution");
    /** Verbs whose prepositional phrase is an adjunct ("said on Monday"), never what was said. */
    public static final Set<String> PLAIN_SPEECH = Set.of("say", "tell", "add", "write", "state", "speak", "comment", "report",
            "announce", "post", "tweet", "explain", "note", "reply", "respond", "answer");
    /** The commonest speech verbs: after a name ("Novak said"), they make the name a person's. */
    public static final Set<String> SPEECH_LEMMAS = Set.of(
            "say", "tell", "add", "state", "announce", "claim", "insist", "warn", "deny", "believe", "think", "argue",
            "explain", "stress", "note", "report", "confirm", "comment", "declare", "reply", "respond", "write", "acknowledge");
    /** Verbs after which a capital stands for its government ("Minsk warned"). */
    public static final Set<String> GOVERNMENT_LEMMAS = Set.of("say", "warn", "claim", "insist", "announce", "accuse", "deny",
            "believe", "state", "continue", "demand", "want", "refuse", "threaten", "reject", "urge", "call", "argue", "respond",
            "condemn", "criticize", "criticise", "protest", "consider", "think", "plan", "intend", "seek", "hope", "expect",
            "agree", "propose", "offer", "react", "decide", "maintain", "stress", "emphasize", "emphasise", "note", "suggest",
            "signal", "vow", "pledge", "promise", "fear", "welcome", "dismiss", "assert", "tell", "confirm", "declare", "view",
            "see", "regard", "blame", "sign", "send", "deploy", "recognize", "recognise", "order", "ask", "try", "appear",
            "hold", "keep", "push", "prepare");
}
