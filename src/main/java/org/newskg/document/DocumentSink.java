package org.newskg.document;

/**
 * Where a {@link DocumentReader} delivers what it reads, one document at a time, so memory
 * stays flat however many documents pass.
 *
 * <p>A sink decides the error policy: a best-effort sink records problems and returns; a
 * strict sink throws from {@link #problem}, which stops the reader and propagates.
 *
 * <pre>{@code
 * reader.read(List.of("news/"), new DocumentSink() {
 *     public void document(SourceDocument doc) { pipeline.accept(doc); }
 *     public void problem(InputProblem p) { throw new IllegalStateException(p.toString()); }
 * });
 * }</pre>
 */
public interface DocumentSink {

    /** One document, read and decoded. */
    void document(SourceDocument doc);

    /** One input that was skipped or only partly read. Throw to stop reading. */
    void problem(InputProblem problem);
}
