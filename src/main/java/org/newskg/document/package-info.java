/**
 * Reading news articles: files, directories, {@code .jsonl} feeds and standard input become
 * {@link org.newskg.document.SourceDocument}s, streamed one by one into a
 * {@link org.newskg.document.DocumentSink}; bad inputs become
 * {@link org.newskg.document.InputProblem}s with stable ids ({@link org.newskg.document.InputError}).
 *
 * <pre>{@code
 * new DocumentReader().read(List.of("news/"), sink);
 * }</pre>
 */
package org.newskg.document;
