package org.newskg.text;

/**
 * One token of the linguistic layer: its span, surface text, universal POS tag and lemma.
 *
 * <p>{@code pos} is the Universal Dependencies tag set of the OpenNLP English UD models
 * ({@code PROPN}, {@code NOUN}, {@code VERB}, {@code PRON}, ...).
 */
public record Token(Span span, String text, String pos, String lemma) {

    public int begin() {
        return span.begin();
    }

    public int end() {
        return span.end();
    }

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
