package org.newskg.extract;

import java.util.ArrayList;
import java.util.List;

import org.newskg.text.Span;

/**
 * The quotations of a text: spans from an opening to its closing quote mark, marks included.
 * Straight ({@code "}) and curly double quotes ({@code “ ”}) and curly single quotes ({@code ‘ ’}) count.
 * A quotation running over several paragraphs, the news convention of reopening the quote at each
 * new paragraph without closing the previous one, is one span.
 *
 * <pre>{@code
 * SpeechQuotes.find("He said: \"It is over.\" Then left.");   // [[9,22)]
 * }</pre>
 */
final class SpeechQuotes {

    private SpeechQuotes() {
    }

    static List<Span> find(String text) {
        List<Span> out = new ArrayList<>();
        int open = -1;
        char kind = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (open >= 0) {
                    int next = nextNonSpace(text, i);
                    boolean reopens = kind == 'T' ? text.startsWith("''", next)
                            : next < n && isOpening(text, next) && family(text.charAt(next)) == kind;
                    if (reopens) {
                        i = kind == 'T' ? next + 1 : next;      // quotation continues in the next paragraph
                        continue;
                    }
                    open = -1;         // unbalanced: the paragraph ends the quote
                }
                continue;
            }
            if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
                // typewriter quotes written as two apostrophes: ''like this''
                if (open < 0) {
                    open = i;
                    kind = 'T';
                    i++;
                    continue;
                } else if (kind == 'T') {
                    out.add(new Span(open, i + 2));
                    open = -1;
                    i++;
                    continue;
                }
            }
            if (open < 0) {
                if (isOpening(text, i)) {
                    open = i;
                    kind = family(c);
                }
            } else if (family(c) == kind && isClosing(text, i, open)) {
                out.add(new Span(open, i + 1));
                open = -1;
            }
        }
        return out;
    }

    private static int nextNonSpace(String text, int i) {
        int j = i;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static char family(char c) {
        return switch (c) {
            case '"', '“', '”' -> '"';
            case '‘', '’' -> '\'';
            default -> 0;
        };
    }

    private static boolean isOpening(String text, int i) {
        char c = text.charAt(i);
        if (c == '“' || c == '‘') {
            return true;
        }
        if (c == '"') {
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            return !Character.isWhitespace(after) && (Character.isWhitespace(before) || "([{—–-/:".indexOf(before) >= 0);
        }
        return false;
    }

    private static boolean isClosing(String text, int i, int open) {
        char c = text.charAt(i);
        if (c == '”' || c == '"') {
            return true;
        }
        if (c == '’') {
            // an apostrophe inside a word ("don’t", "Trump’s") is not a closing quote
            char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            return !Character.isLetterOrDigit(after) && i > open + 1;
        }
        return false;
    }
}
