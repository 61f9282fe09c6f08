package org.newskg.link;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wikidata time values ({@code +2009-01-20T00:00:00Z}, {@code 2009-01-20}, with 00 for unknown month or day) as dates. */
final class Dates {

    private static final Pattern DATE = Pattern.compile("^[+]?(\\d{4})-(\\d{2})-(\\d{2})");

    private Dates() {
    }

    static LocalDate parse(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s.strip());
        if (!m.find()) {
            return null;
        }
        int month = Math.max(1, Integer.parseInt(m.group(2)));
        int day = Math.max(1, Integer.parseInt(m.group(3)));
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
