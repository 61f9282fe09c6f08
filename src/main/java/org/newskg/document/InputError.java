package org.newskg.document;

/**
 * The stable identifiers of everything that can be wrong with an input, as reported in an
 * {@link InputProblem}. Users search for the id ({@code NKG-E103}), so an id never changes
 * meaning; new problems get new ids.
 *
 * <pre>{@code
 * InputProblem p = InputError.EMPTY.at("news/a.txt", null, "the document is empty");
 * p.toString();   // "NKG-E102 news/a.txt: the document is empty"
 * }</pre>
 */
public enum InputError {

    NOT_READABLE("NKG-E101", "the input does not exist or cannot be read"),
    EMPTY("NKG-E102", "the document is empty or holds only whitespace"),
    INVALID_UTF8("NKG-E103", "the bytes are not valid UTF-8; the byte offset of the first bad byte is given"),
    BINARY("NKG-E104", "binary content (a NUL or other control byte); the byte offset is given"),
    TOO_LARGE("NKG-E105", "the document is larger than the size limit; it was not loaded"),
    BAD_JSON("NKG-E106", "a .jsonl line is not a JSON object; the line and column are given"),
    NO_TEXT("NKG-E107", "a .jsonl line has no string \"text\" field"),
    UNSUPPORTED_TYPE("NKG-E108", "a file given explicitly is not .txt, .html, .htm or .jsonl"),
    BAD_METADATA("NKG-E109", "a metadata value (e.g. a .jsonl \"date\") could not be read and was left out"),
    NO_DOCUMENTS("NKG-E110", "a directory holds no .txt, .html, .htm or .jsonl file"),
    EXTRACTION_FAILED("NKG-E201", "the document was read but its analysis failed; nothing of it was loaded"),
    OVER_TIME_BUDGET("NKG-E202", "the document's analysis took longer than the time budget; it was skipped, nothing of it was loaded");

    private final String id;
    private final String description;

    InputError(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The stable identifier, e.g. {@code NKG-E103}. */
    public String id() {
        return id;
    }

    /** One line saying what the error means, for the README and {@code --help}. */
    public String description() {
        return description;
    }

    /**
     * A problem of this kind.
     *
     * @param source   the input as named to the user
     * @param position where in it, e.g. {@code "byte 1234"} or {@code "line 3, column 17"}; null for the whole input
     * @param message  what is wrong, with the offending value
     */
    public InputProblem at(String source, String position, String message) {
        return new InputProblem(id, source, position, message);
    }
}
