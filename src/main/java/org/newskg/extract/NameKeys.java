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

    private NameKeys() {
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
