package org.newskg.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Name comparison aware of transliteration: names are folded (accents stripped, case and punctuation
 * ignored), given names are mapped to one key across their romanisations ({@code lexicon/given-name-variants.txt}:
 * Aleksandr, Alexandr, Oleksandr ...), and near spellings are scored by Jaro-Winkler.
 *
 * <pre>{@code
 * double s = Names.similarity(List.of("George Bush"), List.of("George Walker Bush"), true);   // 0.85
 * }</pre>
 */
public final class Names {

    private static final Map<String, String> VARIANT_KEY = variants();
    private static final Set<String> DROP = Set.of("the");

    private Names() {
    }

    /** The folded tokens of a name, each given-name variant replaced by its key. */
    public static List<String> tokens(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d")
                .toLowerCase(Locale.ROOT).replaceAll("'s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        List<String> out = new ArrayList<>();
        if (folded.isEmpty()) {
            return out;
        }
        for (String t : folded.split(" ")) {
            if (!DROP.contains(t)) {
                out.add(VARIANT_KEY.getOrDefault(t, t));
            }
        }
        return out;
    }

    /** The best similarity between any of our names and any of the candidate's, in [0, 1]. */
    public static double similarity(List<String> ours, List<String> theirs, boolean person) {
        double best = 0;
        for (String o : ours) {
            List<String> e = tokens(o);
            if (e.isEmpty()) {
                continue;
            }
            for (String t : theirs) {
                List<String> c = tokens(t);
                if (!c.isEmpty()) {
                    best = Math.max(best, pair(e, c, person));
                }
            }
        }
        return best;
    }

    static double pair(List<String> e, List<String> c, boolean person) {
        if (e.equals(c)) {
            return 1.0;
        }
        if (contiguous(e, c)) {
            return e.size() >= 2 ? 0.9 : person ? 0.5 : 0.6;
        }
        if (c.size() >= 2 && new HashSet<>(e).containsAll(c) && e.get(e.size() - 1).equals(c.get(c.size() - 1))) {
            return 0.75;   // "Barack Hussein Obama" for "Barack Obama", but also "John F. Kennedy" for another "John Kennedy"
        }
        if (e.size() >= 2 && new HashSet<>(c).containsAll(e)) {
            return 0.85;   // "George Bush" for "George Walker Bush"
        }
        String a = String.join(" ", e);
        String b = String.join(" ", c);
        if (person && e.size() >= 2 && c.size() >= 2 && e.get(e.size() - 1).equals(c.get(c.size() - 1))
                && e.get(0).charAt(0) == c.get(0).charAt(0) && (e.get(0).length() == 1 || c.get(0).length() == 1)) {
            return 0.7;    // "G. Bush" for "George Bush"
        }
        double jw = jaroWinkler(a, b);
        return jw >= 0.93 && (!person || e.size() >= 2) ? 0.85 * jw : 0;
    }

    private static boolean contiguous(List<String> e, List<String> c) {
        return java.util.Collections.indexOfSubList(c, e) >= 0;
    }

    static double jaroWinkler(String s1, String s2) {
        if (s1.equals(s2)) {
            return 1;
        }
        int range = Math.max(0, Math.max(s1.length(), s2.length()) / 2 - 1);
        boolean[] m1 = new boolean[s1.length()];
        boolean[] m2 = new boolean[s2.length()];
        int matches = 0;
        for (int i = 0; i < s1.length(); i++) {
            for (int j = Math.max(0, i - range); j < Math.min(s2.length(), i + range + 1); j++) {
                if (!m2[j] && s1.charAt(i) == s2.charAt(j)) {
                    m1[i] = m2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int t = 0;
        for (int i = 0, k = 0; i < s1.length(); i++) {
            if (m1[i]) {
                while (!m2[k]) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    t++;
                }
                k++;
            }
        }
        double jaro = ((double) matches / s1.length() + (double) matches / s2.length() + (matches - t / 2.0) / matches) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(s1.length(), s2.length())) && s1.charAt(prefix) == s2.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static Map<String, String> variants() {
        Map<String, String> keys = new HashMap<>();
        for (String line : lexicon("given-name-variants.txt")) {
            String[] forms = line.split("\\s+");
            for (String f : forms) {
                keys.putIfAbsent(f, forms[0]);
            }
        }
        return keys;
    }

    /** The non-comment lines of a lexicon file in {@code src/main/resources/lexicon/}. */
    static List<String> lexicon(String file) {
        InputStream in = Names.class.getResourceAsStream("/lexicon/" + file);
        if (in == null) {
            throw new IllegalStateException("lexicon/" + file + " is not on the classpath");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
