package org.newskg.link;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Countries, their other names and demonyms ({@code lexicon/countries.tsv}), so that "the Romanian minister"
 * says Romania and a candidate's citizenship "United States of America" can be compared with "US".
 */
final class Countries {

    /** folded name, other name or demonym -> the country's short name */
    private static final Map<String, String> KEY = load();

    private Countries() {
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (String line : Names.lexicon("countries.tsv")) {
            String[] f = line.split("\t", -1);
            String country = f[0];
            m.put(String.join(" ", Names.tokens(country)), country);
            for (int i = 1; i < Math.min(3, f.length); i++) {
                for (String alt : f[i].split(";")) {
                    if (!alt.isBlank()) {
                        m.putIfAbsent(String.join(" ", Names.tokens(alt)), country);
                    }
                }
            }
        }
        return m;
    }

    /** The country a name stands for ("United States of America", "U.S.", "American"), or null. */
    static String of(String name) {
        return KEY.get(String.join(" ", Names.tokens(name)));
    }

    /** Countries a title names by a demonym or a name: "Romanian trade commissioner" gives Romania. */
    static Set<String> inTitle(String title) {
        Set<String> out = new LinkedHashSet<>();
        List<String> t = Names.tokens(title);
        for (int i = 0; i < t.size(); i++) {
            for (int n = Math.min(3, t.size() - i); n >= 1; n--) {
                String c = KEY.get(String.join(" ", t.subList(i, i + n)));
                if (c != null) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }
}
