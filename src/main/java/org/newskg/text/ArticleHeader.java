package org.newskg.text;

import java.time.LocalDate;

/**
 * Metadata found in the text itself: a title line, a dateline such as {@code 29.01.2024},
 * a byline and an "Originally published in ..." line. Each field may be null; each value
 * keeps the span it was read from.
 */
public record ArticleHeader(Span titleSpan, String title,
                            Span dateSpan, LocalDate date,
                            Span bylineSpan, String author,
                            Span publishedInSpan, String publishedIn) {

    public static final ArticleHeader NONE = new ArticleHeader(null, null, null, null, null, null, null, null);
}
