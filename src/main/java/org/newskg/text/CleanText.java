package org.newskg.text;

import java.util.List;

/**
 * A document's text after page furniture has been masked out.
 *
 * <p>Cleaning never moves a character: furniture ("Previous Article" blocks, "No time to
 * read?" prompts, markdown link syntax, {@code [CITATION ...]} markers) is overwritten with
 * spaces of the same length, line breaks kept. The offset map from {@link #text()} to
 * {@link #original()} is therefore the identity, and every span found in the clean text
 * points at the same characters of the document as read. What was masked is listed in
 * {@link #furniture()}, so nothing is lost silently.
 *
 * @param original     the document text as read
 * @param text         same length as {@code original}, furniture replaced by spaces
 * @param furniture    the masked regions, in text order
 * @param attributions {@code [CITATION attribution: X]} markers, as metadata of their paragraph
 * @param header       title, dateline, byline and "Originally published in" found in the text
 */
public record CleanText(String original, String text, List<Furniture> furniture,
                        List<ParagraphAttribution> attributions, ArticleHeader header) {

    public CleanText {
        if (original.length() != text.length()) {
            throw new IllegalArgumentException("cleaning must keep the text length");
        }
        furniture = List.copyOf(furniture);
        attributions = List.copyOf(attributions);
    }

    /** Text with nothing to clean. */
    public static CleanText unchanged(String text) {
        return new CleanText(text, text, List.of(), List.of(), ArticleHeader.NONE);
    }

    /** A masked region and why it was masked, e.g. {@code "teaser"}, {@code "prompt"}, {@code "markup"}, {@code "citation"}. */
    public record Furniture(Span span, String kind) {
    }

    /**
     * An inline attribution marker such as {@code [CITATION attribution: Belarusian Ministry of Defense]}.
     *
     * @param paragraph    the paragraph it belongs to
     * @param marker       the marker itself (masked in the clean text)
     * @param attributedTo the text after "attribution:"
     */
    public record ParagraphAttribution(Span paragraph, Span marker, String attributedTo) {
    }
}
