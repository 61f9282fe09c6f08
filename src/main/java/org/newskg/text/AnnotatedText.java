package org.newskg.text;

import java.util.List;

/** The clean text of a document with its sentences, tokens, POS tags and lemmas. */
public record AnnotatedText(CleanText clean, List<Sentence> sentences) {

    public AnnotatedText {
        sentences = List.copyOf(sentences);
    }

    /** The clean text (same offsets as the original). */
    public String text() {
        return clean.text();
    }
}
