package org.newskg.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One news article as read: where it came from, its text and its metadata.
 *
 * <p>{@code text} is the decoded text with a leading BOM removed and line endings
 * untouched; all offsets point into it. {@link #id()} is a hash of the text, so the same
 * article read twice, from any path, gets the same identity.
 *
 * <pre>{@code
 * SourceDocument d = new SourceDocument("news/a.txt", "Officials said ...", DocumentMetadata.NONE);
 * d.id();                     // "3f2a9c..." (first 16 hex digits of SHA-256)
 * d.codePointOffset(5);       // 5 unless the text holds characters outside the BMP
 * }</pre>
 *
 * @param source the input path as given on the command line, or the url of a .jsonl article
 *               (a .jsonl article without url: the file's path with its line number, {@code feed.jsonl:3})
 */
public record SourceDocument(String source, String text, DocumentMetadata metadata) {

    public SourceDocument {
        if (source == null || text == null) {
            throw new IllegalArgumentException("source and text are required");
        }
        if (metadata == null) {
            metadata = DocumentMetadata.NONE;
        }
    }

    /** First 16 hex digits of the SHA-256 of the UTF-8 text. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Converts a UTF-16 index into the text to the Unicode code point index the contract uses. */
    public int codePointOffset(int charIndex) {
        return text.codePointCount(0, charIndex);
    }
}
