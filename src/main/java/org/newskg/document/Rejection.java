package org.newskg.document;

/** Why one input (or one .jsonl line) was not turned into a document; becomes an {@link InputProblem}. */
final class Rejection extends Exception {

    private final InputError error;
    private final String position;

    Rejection(InputError error, String position, String message) {
        super(message, null, false, false);
        this.error = error;
        this.position = position;
    }

    InputProblem problem(String source) {
        return error.at(source, position, getMessage());
    }
}
