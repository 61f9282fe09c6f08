package org.newskg.document;

import java.time.LocalDate;

/**
 * Metadata that came with a document from outside its text (a {@code .jsonl} line's
 * {@code title}, {@code url}, {@code date}, {@code author}, {@code publisher}; an HTML
 * page's {@code <title>}). Any field may be null. Metadata found inside the text
 * (dateline, byline) is read later, by {@link org.newskg.text.ArticleHeader}.
 */
public record DocumentMetadata(String title, String url, LocalDate date, String author, String publisher) {

    public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null, null);
}
