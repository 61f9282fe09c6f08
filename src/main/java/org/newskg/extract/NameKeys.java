package org.newskg.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalised identity keys for names, so that the same name written in two documents
 * ("Ministry of Defence", "ministry of defense") gives the same key.
 *
 * <pre>{@code
 * NameKeys.of("Ministry of Défence");   // "ministry of defense"
 * }</pre>
 */
final class NameKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N} ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** British and American spellings of the same word get one key. */
    private static final Map<String, String> SPELLING = Map.ofEntries(
            Map.entry("defence", "defense"), Map.entry("organisation", "organization"),
            Map.entry("organisations", "organizations"), Map.entry("centre", "center"), Map.entry("programme", "program"),
            Map.entry("labour", "labor"), Map.entry("counsellor", "counselor"), Map.entry("councillor", "councilor"),
            Map.entry("favour", "favor"), Map.entry("honour", "honor"), Map.entry("harbour", "harbor"));

    /** Romanisations of one given name, each mapped to the first spelling of its group. */
    private static final Map<String, String> GIVEN_NAMES = givenNameVariants();

    private NameKeys() {
    }

    /**
     * The identity key of a person's name: {@link #of} with transliteration variants of given names folded
     * together ("Valeriy", "Valerii" and "Valery"; "Yauheni" and "Evgeny"), and the Slavic "-iy"/"-yy"/"-ij"
     * endings of any part read as "-y" ("Zelenskiy", "Zelenskyy", "Zelensky"). Surnames are otherwise kept as
     * written, so two different people stay apart.
     */
    static String person(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (String w : key.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String folded = GIVEN_NAMES.get(w);
            if (folded == null && w.length() > 4) {
                folded = w.replaceFirst("(?:iy|yy|ij|ii)$", "y");
            }
            out.append(folded == null ? w : folded);
        }
        return out.toString();
    }

    private static Map<String, String> givenNameVariants() {
        Map<String, String> map = new java.util.HashMap<>();
        for (String line : Lexicon.lines("/lexicon/given-name-variants.txt")) {
            String[] group = line.split("\\s+");
            for (String variant : group) {
                map.putIfAbsent(variant, group[0]);
            }
        }
        return Map.copyOf(map);
    }

    static String of(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace("'s", "").replace("’s", "");
        // "U.S." and "US" must meet: dots between letters vanish, other punctuation separates
        s = s.replaceAll("(?<=\\p{L})\\.(?=\\p{L}|\\s|$)", "");
        s = s.replace("co-operation", "cooperation");
        s = NOT_WORD.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (String w : s.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(SPELLING.getOrDefault(w, w));
        }
        return out.toString();
    }
}
