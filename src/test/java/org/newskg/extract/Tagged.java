package org.newskg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Sentence;
import org.newskg.text.Span;
import org.newskg.text.Token;

/**
 * Tagged text written by hand, so that a rule can be tested without the OpenNLP models. Each token is
 * {@code word/POS} or {@code word/POS/lemma} (the lemma defaults to the lower-cased word), tokens are
 * separated by single spaces, and a token whose word is followed by no space in the text carries a
 * {@code ~} after its tag ({@code Oslo/PROPN~ ,/PUNCT}). A line break starts a new sentence on a new line.
 *
 * <pre>{@code
 * AnnotatedText t = Tagged.text("Oslo/PROPN insists/VERB/insist that/SCONJ talks/NOUN/talk will/AUX resume/VERB~ ./PUNCT");
 * t.text();   // "Oslo insists that talks will resume."
 * }</pre>
 */
public final class Tagged {

    private Tagged() {
    }

    /** The annotated text of one or more tagged sentences, one per line. */
    public static AnnotatedText text(String tagged) {
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        for (String line : tagged.strip().split("\n")) {
            if (text.length() > 0) {
                text.append('\n');
            }
            int begin = text.length();
            List<Token> tokens = new ArrayList<>();
            String[] items = line.strip().split(" ");
            for (int k = 0; k < items.length; k++) {
                String item = items[k];
                boolean glued = item.endsWith("~");
                if (glued) {
                    item = item.substring(0, item.length() - 1);
                }
                String[] parts = splitToken(item);
                String word = parts[0];
                int at = text.length();
                text.append(word);
                tokens.add(new Token(new Span(at, at + word.length()), word, parts[1],
                        parts.length > 2 ? parts[2] : word.toLowerCase(Locale.ROOT)));
                if (!glued && k + 1 < items.length) {
                    text.append(' ');
                }
            }
            sentences.add(new Sentence(sentences.size(), new Span(begin, text.length()), tokens));
        }
        return new AnnotatedText(CleanText.unchanged(text.toString()), sentences);
    }

    /** "word/POS" or "word/POS/lemma"; a word may itself hold slashes ("1/2/NUM"), the tag never does. */
    private static String[] splitToken(String item) {
        int last = item.lastIndexOf('/');
        if (last <= 0) {
            throw new IllegalArgumentException("tagged token '" + item + "' is not word/POS or word/POS/lemma");
        }
        String tail = item.substring(last + 1);
        String head = item.substring(0, last);
        int before = head.lastIndexOf('/');
        if (before > 0 && isTag(head.substring(before + 1))) {
            return new String[] {head.substring(0, before), head.substring(before + 1), tail};
        }
        if (!isTag(tail)) {
            throw new IllegalArgumentException("tagged token '" + item + "' has no universal POS tag");
        }
        return new String[] {head, tail};
    }

    private static boolean isTag(String s) {
        return List.of("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
                "PUNCT", "SCONJ", "SYM", "VERB", "X").contains(s);
    }
}
