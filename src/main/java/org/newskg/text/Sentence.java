package org.newskg.text;

import java.util.List;

/** A sentence of the linguistic layer with its tokens, in text order. {@code index} counts from 0 in the document. */
public record Sentence(int index, Span span, List<Token> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public int begin() {
        return span.begin();
    }

    public int end() {
        return span.end();
    }
}
