package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newskg.extract.ReportingVerbs.VerbClass;
import org.newskg.text.Span;

class SpeechLexiconTest {

    @Test
    void reportingVerbsHaveClasses() {
        ReportingVerbs verbs = ReportingVerbs.standard();
        assertEquals(Optional.of(VerbClass.SPEECH), verbs.classOf("stress"));
        assertEquals(Optional.of(VerbClass.SPEECH), verbs.classOf("Say"));
        assertEquals(Optional.of(VerbClass.BELIEF), verbs.classOf("believe"));
        assertEquals(Optional.of(VerbClass.INTENTION), verbs.classOf("want"));
        assertEquals(Optional.of(VerbClass.PERCEPTION), verbs.classOf("notice"));
        assertFalse(verbs.contains("table"));
        assertTrue(verbs.size() > 200, "size " + verbs.size());
    }

    @Test
    void quotationsOfEveryStyle() {
        String t = "A \"straight\" and “curly” and ‘single’ and ''typewriter'' but don’t split.";
        List<Span> q = SpeechQuotes.find(t);
        assertEquals(List.of("\"straight\"", "“curly”", "‘single’", "''typewriter''"), q.stream().map(s -> s.of(t)).toList());
    }

    @Test
    void quotationReopenedInTheNextParagraphIsOne() {
        String t = "He said: “First part.\n\n“Second part.” Then he left.\n\n“Unclosed at the end of a paragraph\n\nNext paragraph.";
        List<Span> q = SpeechQuotes.find(t);
        assertEquals(List.of("“First part.\n\n“Second part.”"), q.stream().map(s -> s.of(t)).toList());
    }
}
