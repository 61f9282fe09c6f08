package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.newskg.text.AnnotatedText;
import org.newskg.text.Token;

class TaggedTest {

    @Test
    void buildsTextTokensAndSentencesFromTaggedWords() {
        AnnotatedText t = Tagged.text("""
                Oslo/PROPN insists/VERB/insist that/SCONJ talks/NOUN/talk resume/VERB~ ./PUNCT
                He/PRON agreed/VERB/agree~ ./PUNCT""");
        assertEquals("Oslo insists that talks resume.\nHe agreed.", t.text());
        assertEquals(2, t.sentences().size());
        Token insists = t.sentences().get(0).tokens().get(1);
        assertEquals("insists", insists.span().of(t.text()));
        assertEquals("insist", insists.lemma());
        assertEquals("VERB", insists.pos());
        assertEquals("oslo", t.sentences().get(0).tokens().get(0).lemma());
        Token he = t.sentences().get(1).tokens().get(0);
        assertEquals(1, t.sentences().get(1).index());
        assertEquals("He", he.span().of(t.text()));
    }

    @Test
    void aWordMayHoldASlashButATagMustBeUniversal() {
        assertEquals("1/2", Tagged.text("1/2/NUM").sentences().get(0).tokens().get(0).text());
        assertThrows(IllegalArgumentException.class, () -> Tagged.text("word/NN"));
    }
}
