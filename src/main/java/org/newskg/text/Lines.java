package org.newskg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The lines of a text as spans without their terminators ({@code \n}, {@code \r\n} or {@code \r}). */
final class Lines {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Lines() {
    }

    static List<Span> of(String text) {
        List<Span> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Span(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        lines.add(new Span(start, text.length()));
        return lines;
    }

    /** The line without its leading and trailing whitespace; empty (at the line's start) when blank. */
    static Span trim(String text, Span line) {
        int b = line.begin();
        int e = line.end();
        while (b < e && Character.isWhitespace(text.charAt(b))) {
            b++;
        }
        while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Span(b, e);
    }

    static boolean isBlank(String text, Span line) {
        return trim(text, line).length() == 0;
    }

    /** {@code s} without outer whitespace and with inner runs of whitespace as one space. */
    static String collapse(String s) {
        return WHITESPACE.matcher(s.strip()).replaceAll(" ");
    }

    /** The line's words separated by single spaces, so masked markup inside it does not count. */
    static String collapsed(String text, Span line) {
        return WHITESPACE.matcher(line.of(text).strip()).replaceAll(" ");
    }

    static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : WHITESPACE.split(t).length;
    }
}
