/**
 * Text before extraction: {@link org.newskg.text.Cleaner} masks page furniture in place
 * ({@link org.newskg.text.CleanText}) and reads the {@link org.newskg.text.ArticleHeader};
 * {@link org.newskg.text.Linguistics} adds sentences, tokens, POS tags and lemmas.
 * Every span counts UTF-16 positions in the document text as read.
 *
 * <pre>{@code
 * CleanText clean = new Cleaner().clean(doc.text());
 * AnnotatedText annotated = Linguistics.english().annotate(clean);
 * }</pre>
 */
package org.newskg.text;
