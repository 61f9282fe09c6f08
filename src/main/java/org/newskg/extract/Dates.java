package org.newskg.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newskg.text.Span;

/**
 * Finds date expressions in news text and normalises them against the document's date:
 * explicit dates ("20 February 2024", "February 20", "2024-02-20"), relative days ("yesterday",
 * "on Monday", "the next day") and coarser ones ("last year", "in March").
 *
 * <p>A day and month without a year take the year that puts them closest to, and not long after,
 * the document date: news reports mostly on the recent past, so "28 December" in a text of
 * 3 January is last year's.
 *
 * <pre>{@code
 * LocalDate doc = LocalDate.of(2024, 1, 3);
 * Dates.resolve("on 28 December", doc);   // Optional[2023-12-28]
 * Dates.resolve("yesterday", doc);        // Optional[2024-01-02]
 * Dates.find("He spoke on Monday.", doc); // one Found, span of "Monday", 2024-01-01, DAY
 * }</pre>
 */
public final class Dates {

    /** How precise a normalised date is; a coarse date is given as its first day. */
    public enum Precision { DAY, MONTH, YEAR }

    /**
     * A date expression found in a text.
     *
     * @param span      where the expression is
     * @param date      its normalised value (first day of the month or year when coarser than a day)
     * @param precision how much of {@code date} is meaningful
     */
    public record Found(Span span, LocalDate date, Precision precision) {
    }

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{4})\\b");
    private static final Pattern IN_MONTH = Pattern.compile("\\b(?:in|since|until|by|last|this|next)\\s+" + MONTH + "(?![\\w\\s]*\\d)");
    private static final Pattern RELATIVE_DAY = Pattern.compile("\\b(yesterday|today|tomorrow|the day before yesterday|the day after tomorrow"
            + "|the (?:next|following|previous) day|the day before)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY_REF = Pattern.compile("\\b(?:(last|next|this|on)\\s+)?" + WEEKDAY + "\\b");
    private static final Pattern RELATIVE_YEAR = Pattern.compile("\\b(last|this|next) (year|month|week)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\bin (\\d{4})\\b");

    private Dates() {
    }

    /** Normalises the first date expression in {@code expression}, if any. */
    public static Optional<LocalDate> resolve(String expression, LocalDate documentDate) {
        List<Found> all = find(expression, documentDate);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).date());
    }

    /** Every date expression in {@code text}, in text order, without overlaps. */
    public static List<Found> find(CharSequence text, LocalDate documentDate) {
        return find(text, new Span(0, text.length()), documentDate, documentDate);
    }

    /**
     * Every date expression inside {@code within}. {@code anchor} is the date that relative
     * expressions such as "the next day" count from (the last date the story mentioned); it
     * defaults to the document date.
     */
    public static List<Found> find(CharSequence text, Span within, LocalDate documentDate, LocalDate anchor) {
        String s = within.of(text);
        int base = within.begin();
        List<Found> out = new ArrayList<>();
        Matcher m = ISO.matcher(s);
        while (m.find()) {
            date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .ifPresent(d -> add(out, span(base, m), d, Precision.DAY));
        }
        Matcher dm = DAY_MONTH.matcher(s);
        while (dm.find()) {
            dayMonth(dm.group(1), dm.group(2), dm.group(3), documentDate).ifPresent(d -> add(out, span(base, dm), d, Precision.DAY));
        }
        Matcher md = MONTH_DAY.matcher(s);
        while (md.find()) {
            dayMonth(md.group(2), md.group(1), md.group(3), documentDate).ifPresent(d -> add(out, span(base, md), d, Precision.DAY));
        }
        Matcher my = MONTH_YEAR.matcher(s);
        while (my.find()) {
            Month month = month(my.group(1));
            add(out, span(base, my), LocalDate.of(Integer.parseInt(my.group(2)), month, 1), Precision.MONTH);
        }
        if (documentDate != null) {
            LocalDate from = anchor != null ? anchor : documentDate;
            Matcher rd = RELATIVE_DAY.matcher(s);
            while (rd.find()) {
                String w = rd.group(1).toLowerCase(Locale.ROOT);
                LocalDate d = switch (w) {
                    case "yesterday" -> documentDate.minusDays(1);
                    case "today" -> documentDate;
                    case "tomorrow" -> documentDate.plusDays(1);
                    case "the day before yesterday" -> documentDate.minusDays(2);
                    case "the day after tomorrow" -> documentDate.plusDays(2);
                    case "the previous day", "the day before" -> from.minusDays(1);
                    default -> from.plusDays(1);
                };
                add(out, span(base, rd), d, Precision.DAY);
            }
            Matcher wd = WEEKDAY_REF.matcher(s);
            while (wd.find()) {
                DayOfWeek day = DayOfWeek.valueOf(wd.group(2).toUpperCase(Locale.ROOT));
                String q = wd.group(1) == null ? "" : wd.group(1);
                LocalDate d = q.equals("next") ? nextOrSame(documentDate.plusDays(1), day) : previousOrSame(documentDate, day);
                if (q.equals("last") && d.equals(documentDate)) {
                    d = d.minusWeeks(1);
                }
                add(out, span(base, wd), d, Precision.DAY);
            }
            Matcher im = IN_MONTH.matcher(s);
            while (im.find()) {
                Month month = month(im.group(1));
                String q = im.group().substring(0, im.group().indexOf(' ')).toLowerCase(Locale.ROOT);
                int year = documentDate.getYear();
                if (q.equals("next")) {
                    year += month.getValue() <= documentDate.getMonthValue() ? 1 : 0;
                } else if (q.equals("last")) {
                    year -= month.getValue() >= documentDate.getMonthValue() ? 1 : 0;
                } else if (month.getValue() > documentDate.getMonthValue() + 2 && !q.equals("by") && !q.equals("until")) {
                    year -= 1;
                }
                add(out, span(base, im), LocalDate.of(year, month, 1), Precision.MONTH);
            }
            Matcher ry = RELATIVE_YEAR.matcher(s);
            while (ry.find()) {
                int step = switch (ry.group(1).toLowerCase(Locale.ROOT)) {
                    case "last" -> -1;
                    case "next" -> 1;
                    default -> 0;
                };
                switch (ry.group(2).toLowerCase(Locale.ROOT)) {
                    case "year" -> add(out, span(base, ry), LocalDate.of(documentDate.getYear() + step, 1, 1), Precision.YEAR);
                    case "month" -> add(out, span(base, ry), documentDate.withDayOfMonth(1).plusMonths(step), Precision.MONTH);
                    default -> add(out, span(base, ry), previousOrSame(documentDate, DayOfWeek.MONDAY).plusWeeks(step), Precision.DAY);
                }
            }
        }
        Matcher y = YEAR.matcher(s);
        while (y.find()) {
            int year = Integer.parseInt(y.group(1));
            if (year >= 1900 && year <= 2100) {
                add(out, new Span(base + y.start(1), base + y.end(1)), LocalDate.of(year, 1, 1), Precision.YEAR);
            }
        }
        out.sort(Comparator.comparing(Found::span));
        return out;
    }

    /** Keeps the longest expression where several overlap ("February 20, 2024" over "20, 2024"). */
    private static void add(List<Found> out, Span span, LocalDate date, Precision precision) {
        for (int i = 0; i < out.size(); i++) {
            Found f = out.get(i);
            if (f.span().overlaps(span)) {
                if (span.length() > f.span().length()) {
                    out.set(i, new Found(span, date, precision));
                }
                return;
            }
        }
        out.add(new Found(span, date, precision));
    }

    private static Span span(int base, Matcher m) {
        return new Span(base + m.start(), base + m.end());
    }

    private static Optional<LocalDate> dayMonth(String day, String monthName, String year, LocalDate documentDate) {
        Month month = month(monthName);
        int d = Integer.parseInt(day);
        if (year != null) {
            return date(Integer.parseInt(year), month.getValue(), d);
        }
        if (documentDate == null) {
            return Optional.empty();
        }
        Optional<LocalDate> same = date(documentDate.getYear(), month.getValue(), d);
        // more than two months ahead of the article: the writer means the past year
        if (same.isPresent() && same.get().isAfter(documentDate.plusMonths(2))) {
            return date(documentDate.getYear() - 1, month.getValue(), d);
        }
        // early in a month, "on 30 December" in an article of 2 January
        return same;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    private static Month month(String name) {
        String n = name.replace(".", "").toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.startsWith(n.length() >= 3 ? n : "??")) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static LocalDate previousOrSame(LocalDate d, DayOfWeek day) {
        return d.minusDays((d.getDayOfWeek().getValue() - day.getValue() + 7) % 7);
    }

    private static LocalDate nextOrSame(LocalDate d, DayOfWeek day) {
        return d.plusDays((day.getValue() - d.getDayOfWeek().getValue() + 7) % 7);
    }
}
