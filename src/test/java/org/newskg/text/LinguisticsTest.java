package org.newskg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinguisticsTest {

    @Test
    void tagsAndLemmatises() {
        String text = "The minister stressed that talks would resume. Officials said nothing.\nNew line here";
        AnnotatedText t = Linguistics.english().annotate(CleanText.unchanged(text));
        assertEquals(3, t.sentences().size());
        Token stressed = t.sentences().get(0).tokens().get(2);
        assertEquals("stressed", stressed.span().of(text));
        assertEquals("stress", stressed.lemma());
    }

    @Test
    void aTitleAbbreviationOrALowerCaseWordDoesNotStartASentence() {
        String text = "\"The roads are open,\" said Sen. Mara Quist of the farm caucus. \"Why wait?\" asked Dr. Ode. Gen. Vos left.";
        AnnotatedText t = Linguistics.english().annotate(CleanText.unchanged(text));
        assertEquals(3, t.sentences().size(), t.sentences().toString());
        assertEquals("\"Why wait?\" asked Dr. Ode.", t.sentences().get(1).span().of(text));
    }

    @Test
    void aRunOnWithoutFullStopsIsCutAtSpacesAndLosesNoToken() {
        // scraped text with no sentence end: pieces of at most MAX_CHARS, cut between words, every word kept once
        String text = "Lena Holt said the ferry would run again and ".repeat(400);
        AnnotatedText t = Linguistics.english().annotate(CleanText.unchanged(text));
        assertTrue(t.sentences().size() >= text.length() / SentenceRepair.MAX_CHARS, "pieces: " + t.sentences().size());
        List<String> words = new ArrayList<>();
        int previousEnd = 0;
        for (Sentence s : t.sentences()) {
            assertTrue(s.span().end() - s.span().begin() <= SentenceRepair.MAX_CHARS, "a piece of " + (s.span().end() - s.span().begin()));
            assertTrue(s.span().begin() >= previousEnd, "pieces do not overlap");
            previousEnd = s.span().end();
            s.tokens().forEach(tok -> words.add(tok.span().of(text)));
        }
        assertEquals(List.of(text.trim().split(" ")), words);
    }

    @Test
    void aRunOnWithoutSpacesIsCutBetweenCodePoints() {
        String text = "\uD83D\uDEA2".repeat(3_000);        // 6,000 chars of ship emoji, no space to cut at
        AnnotatedText t = Linguistics.english().annotate(CleanText.unchanged(text));
        assertTrue(t.sentences().size() >= 3, "pieces: " + t.sentences().size());
        for (Sentence s : t.sentences()) {
            assertTrue(!Character.isLowSurrogate(text.charAt(s.span().begin())), "a piece starts inside a code point at " + s.span().begin());
        }
    }
}
