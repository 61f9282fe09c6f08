package org.newskg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import opennlp.tools.util.Span;

/**
 * Joins sentences that the statistical sentence detector split where no sentence ends: after a title
 * abbreviation ("Rep. Ann Lee", "Gen. Ortiz"), and before a word in lower case ("'Why now?' asked the mayor",
 * "the U.S. embassy"). Either break would cut a statement from its speaker.
 *
 * <p>It also cuts a run-on "sentence" of more than {@link #MAX_CHARS} characters (scraped text without full stops,
 * a list pasted as one line) into pieces at spaces. News sentences stay far below it (the longest in the
 * evaluation corpora is under 1,000 characters), and without a bound every statement of such a run-on would span to
 * its end, so the output would grow with the square of its length.
 */
final class SentenceRepair {

    /** The longest sentence the layer passes on; longer ones are cut at the last space before it. */
    static final int MAX_CHARS = 2_000;

    /** Abbreviations that stand before a name and never end a sentence (without their full stop). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "messrs", "dr", "prof", "rep", "reps", "sen", "sens",
            "gov", "lt", "gen", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "fr", "hon", "pres", "supt",
            "insp", "det", "gens", "st", "amb", "atty", "treas", "vs", "approx", "e.g", "i.e", "cf");

    private SentenceRepair() {
    }

    /** The sentence spans of {@code paragraph} with the false breaks removed. */
    static Span[] merge(String paragraph, Span[] detected) {
        if (detected.length < 2) {
            return detected;
        }
        List<Span> out = new ArrayList<>(detected.length);
        Span current = detected[0];
        for (int k = 1; k < detected.length; k++) {
            Span next = detected[k];
            if (falseBreak(paragraph, current, next)) {
                current = new Span(current.getStart(), next.getEnd());
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return out.toArray(Span[]::new);
    }

    /** The spans with every one longer than {@link #MAX_CHARS} cut into pieces, at the last space where there is one. */
    static Span[] bound(String paragraph, Span[] spans) {
        List<Span> out = new ArrayList<>(spans.length);
        for (Span s : spans) {
            int start = s.getStart();
            while (s.getEnd() - start > MAX_CHARS) {
                int cut = start + MAX_CHARS;
                int space = cut;
                while (space > start && !Character.isWhitespace(paragraph.charAt(space))) {
                    space--;
                }
                if (space > start) {
                    cut = space;
                } else if (Character.isLowSurrogate(paragraph.charAt(cut))) {
                    cut--;                  // never between the two halves of a code point
                }
                out.add(new Span(start, cut));
                start = cut;
            }
            out.add(new Span(start, s.getEnd()));
        }
        return out.toArray(Span[]::new);
    }

    private static boolean falseBreak(String text, Span before, Span after) {
        int start = after.getStart();
        // '"Why now?" asked the mayor': a closing quote the detector put on the next line counts for nothing
        while (start < after.getEnd() && (Character.isWhitespace(text.charAt(start)) || "\"”’')".indexOf(text.charAt(start)) >= 0)) {
            start++;
        }
        if (start >= after.getEnd()) {
            return false;
        }
        char first = text.charAt(start);
        if (Character.isLowerCase(first)) {
            return true;
        }
        int end = before.getEnd();
        while (end > before.getStart() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == before.getStart() || text.charAt(end - 1) != '.' || !Character.isUpperCase(first)) {
            return false;
        }
        int word = end - 1;
        while (word > before.getStart() && !Character.isWhitespace(text.charAt(word - 1)) && text.charAt(word - 1) != '(') {
            word--;
        }
        String abbreviation = text.substring(word, end - 1).toLowerCase(java.util.Locale.ROOT);
        return TITLES.contains(abbreviation) || isInitial(abbreviation);
    }

    /** "John F. Kennedy": a single capital letter before the full stop. */
    private static boolean isInitial(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }
}
