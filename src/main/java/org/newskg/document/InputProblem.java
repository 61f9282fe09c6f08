package org.newskg.document;

/**
 * Something wrong with one input: a file, a {@code .jsonl} line or standard input. The
 * reader reports it to {@link DocumentSink#problem} and carries on with the next input.
 *
 * <pre>{@code
 * new InputProblem("NKG-E103", "news/bad.txt", "byte 1234", "invalid UTF-8 (byte 0xC3 followed by 0x28)")
 *     .toString();   // "NKG-E103 news/bad.txt at byte 1234: invalid UTF-8 (byte 0xC3 followed by 0x28)"
 * }</pre>
 *
 * @param id       a stable identifier from {@link InputError}, e.g. {@code NKG-E103}
 * @param source   the input as the user named it (path as given, {@code -} for standard input)
 * @param position where in the input, e.g. {@code "byte 1234"} or {@code "line 3, column 17"}; null when it concerns the whole input
 * @param message  what is wrong, naming the offending value
 */
public record InputProblem(String id, String source, String position, String message) {

    @Override
    public String toString() {
        return id + " " + source + (position == null ? "" : " at " + position) + ": " + message;
    }
}
