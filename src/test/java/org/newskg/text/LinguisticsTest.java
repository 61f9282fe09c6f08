package org.newskg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
