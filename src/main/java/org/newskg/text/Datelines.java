package org.newskg.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dateline: a line that holds a date and nothing else but an optional
 * "Published"/"Updated" label, a weekday and a time of day. Numeric dates with dots are
 * day first ({@code 29.01.2024}); slashed dates are ambiguous and not read.
 */
final class Datelines {

    private static final String MONTH = "(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may"
            + "|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";

    private static final String LABEL = "(?:(?:published|updated|posted|date|dated)\\s*:?\\s*(?:on\\s+)?)?"
            + "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";

    private static final String TIME = "(?:\\s*(?:,|\\||-|–|—|at)?\\s*\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?"
            + "\\s*(?:[a-z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?)?)?\\s*";

    private static final Pattern DAY_FIRST_DOTS = line("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO = line("(\\d{4})-(\\d{2})-(\\d{2})(?:T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern MONTH_FIRST = line(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})");
    private static final Pattern DAY_FIRST_WORDS = line("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private Datelines() {
    }

    private static Pattern line(String date) {
        return Pattern.compile("^" + LABEL + "(" + date + ")" + TIME + "$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A date found in a line, with the offsets of the date itself within that line. */
    record Found(LocalDate date, int begin, int end) {
    }

    /** The date when the whole (trimmed) line is a dateline, else null. */
    static Found parse(String line) {
        Matcher m;
        try {
            if ((m = DAY_FIRST_DOTS.matcher(line)).matches()) {
                return found(m, LocalDate.of(num(m, 4), num(m, 3), num(m, 2)));
            }
            if ((m = ISO.matcher(line)).matches()) {
                return found(m, LocalDate.of(num(m, 2), num(m, 3), num(m, 4)));
            }
            if ((m = MONTH_FIRST.matcher(line)).matches()) {
                return found(m, LocalDate.of(num(m, 4), month(m.group(2)), num(m, 3)));
            }
            if ((m = DAY_FIRST_WORDS.matcher(line)).matches()) {
                return found(m, LocalDate.of(num(m, 4), month(m.group(3)), num(m, 2)));
            }
        } catch (DateTimeException impossibleDate) {
            return null;
        }
        return null;
    }

    private static Found found(Matcher m, LocalDate date) {
        return new Found(date, m.start(1), m.end(1));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }
}
