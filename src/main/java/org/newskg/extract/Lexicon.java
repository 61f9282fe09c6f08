package org.newskg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the word lists NewsKG ships on its classpath ({@code src/main/resources/lexicon/} and
 * {@code src/main/resources/extract/}). Every list has one format: UTF-8 lines, stripped; empty lines
 * and lines starting with {@code #} are comments; columns, where a list has them, are separated by tabs.
 * A list that is missing from the classpath is a build defect and fails at once, naming the resource.
 *
 * <pre>{@code
 * Set<String> nouns = Lexicon.words("/lexicon/speech-nouns.txt");
 * for (String[] row : Lexicon.rows("/lexicon/countries.tsv")) { ... }
 * }</pre>
 */
public final class Lexicon {

    private Lexicon() {
    }

    /** The entry lines of a list, in file order. */
    public static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    /** The entry lines of a list, each split into its tab-separated columns, in file order. */
    public static List<String[]> rows(String resource) {
        return lines(resource).stream().map(l -> l.split("\t")).toList();
    }

    /** The entries of a one-column list, as a set. */
    public static Set<String> words(String resource) {
        return lines(resource).stream().collect(Collectors.toUnmodifiableSet());
    }
}
