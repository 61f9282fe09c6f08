package org.newskg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The general-knowledge word lists behind entity recognition, read once from
 * {@code src/main/resources/lexicon/}: countries with their other names, demonyms and capitals,
 * other places, international organisations with acronyms, organisation and place head-words,
 * titles, given names and the heads of unnamed collective sources.
 */
final class EntityLexicon {

    /** A place the lexicon knows; {@code country} is the country it lies in (itself for a country). */
    record Place(String name, String country, boolean seatOfGovernment) {
    }

    final Map<String, Place> places = new HashMap<>();
    final Map<String, String> demonyms = new HashMap<>();
    /** Country names and their other names ("Belarus", "U.S."), as against capitals and other places. */
    final Set<String> countryAliases = new HashSet<>();
    /** Any spelling or acronym of a known organisation, to its full name. */
    final Map<String, String> organizations = new HashMap<>();
    final Map<String, Boolean> organizationHeads = new HashMap<>();
    final Set<String> placeHeads = new HashSet<>();
    final Set<String> titleHeads = new HashSet<>();
    final Set<String> titleModifiers = new HashSet<>();
    final Map<String, String> honorifics = new HashMap<>();
    final Map<String, String> givenNames = new HashMap<>();
    final Set<String> groupHeads = new HashSet<>();
    /** Longest lexicon entry in words, to bound look-ups. */
    int longestEntry = 1;

    private static final class Holder {
        static final EntityLexicon STANDARD = load();
    }

    static EntityLexicon standard() {
        return Holder.STANDARD;
    }

    private static EntityLexicon load() {
        EntityLexicon x = new EntityLexicon();
        for (String[] row : rows("countries.tsv")) {
            String country = row[0];
            x.place(country, country, true);
            x.countryAliases.add(country);
            for (String alias : field(row, 1)) {
                x.place(alias, country, true);
                x.countryAliases.add(alias);
            }
            for (String demonym : field(row, 2)) {
                x.demonyms.put(demonym, country);
            }
            for (String capital : field(row, 3)) {
                x.place(capital, country, true);
            }
        }
        for (String[] row : rows("places.txt")) {
            x.places.putIfAbsent(row[0], new Place(row[0], null, false));
            x.measure(row[0]);
        }
        // other names of a place resolve to its current name, so "Kiev" and "Kyiv" give one node
        for (String[] row : rows("place-aliases.tsv")) {
            Place current = x.places.getOrDefault(row[0], new Place(row[0], null, false));
            x.places.putIfAbsent(row[0], current);
            x.measure(row[0]);
            for (String alias : field(row, 1)) {
                x.places.put(alias, new Place(current.name(), current.country(), current.seatOfGovernment()));
                x.measure(alias);
                if (x.countryAliases.contains(row[0])) {
                    x.countryAliases.add(alias);
                }
            }
        }
        for (String[] row : rows("organizations.tsv")) {
            x.organization(row[0], row[0]);
            for (String alias : field(row, 1)) {
                x.organization(alias, row[0]);
            }
        }
        for (String[] row : rows("organization-heads.txt")) {
            x.organizationHeads.put(row[0], row.length < 2 || !"last".equals(row[1]));
        }
        for (String[] row : rows("place-heads.txt")) {
            x.placeHeads.add(row[0]);
        }
        for (String[] row : rows("titles.tsv")) {
            switch (row[1]) {
                case "head" -> x.titleHeads.add(row[0]);
                case "modifier" -> x.titleModifiers.add(row[0]);
                default -> x.honorifics.put(row[0], row.length > 2 ? row[2] : "");
            }
        }
        for (String[] row : rows("given-names.tsv")) {
            x.givenNames.put(row[0], row.length > 1 ? row[1] : "");
        }
        for (String[] row : rows("groups.txt")) {
            x.groupHeads.add(row[0]);
        }
        return x;
    }

    private void place(String name, String country, boolean seat) {
        places.put(name, new Place(name, country, seat));
        measure(name);
    }

    private void organization(String alias, String name) {
        organizations.putIfAbsent(alias, name);
        measure(alias);
    }

    private void measure(String entry) {
        longestEntry = Math.max(longestEntry, entry.split("[ -]").length + 2);
    }

    /**
     * Whether {@code word} heads an organisation name: null if not, true if anywhere ("Ministry of"),
     * false if only at the end ("Corp"). Tolerates a final full stop and plurals ("Corp.", "Ministries").
     */
    Boolean organizationHead(String word) {
        String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        Boolean b = organizationHeads.get(w);
        if (b == null && w.length() > 4 && w.endsWith("ies")) {
            b = organizationHeads.get(w.substring(0, w.length() - 3) + "y");
        }
        if (b == null && w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) {
            b = organizationHeads.get(w.substring(0, w.length() - 1));
        }
        return b;
    }

    boolean isTitleWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return titleHeads.contains(w) || titleModifiers.contains(w);
    }

    boolean isTitleHead(String word) {
        return titleHeads.contains(word.toLowerCase(Locale.ROOT));
    }

    boolean isHonorific(String word) {
        return honorifics.containsKey(word.toLowerCase(Locale.ROOT));
    }

    private static List<String> field(String[] row, int i) {
        List<String> out = new ArrayList<>();
        if (row.length > i) {
            for (String s : row[i].split(";")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<String[]> rows(String file) {
        return Lexicon.rows("/lexicon/" + file);
    }
}
