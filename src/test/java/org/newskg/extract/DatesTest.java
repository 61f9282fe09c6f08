package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newskg.text.Span;

class DatesTest {

    /** A Wednesday. */
    private static final LocalDate DOC = LocalDate.of(2024, 2, 21);

    private static LocalDate resolve(String expression, LocalDate doc) {
        return Dates.resolve(expression, doc).orElseThrow(() -> new AssertionError("no date in: " + expression));
    }

    @Test
    void explicitDates() {
        assertEquals(LocalDate.of(2024, 2, 20), resolve("on 20 February", DOC));
        assertEquals(LocalDate.of(2024, 2, 20), resolve("on February 20", DOC));
        assertEquals(LocalDate.of(2023, 11, 5), resolve("on 5 November 2023", DOC));
        assertEquals(LocalDate.of(2022, 7, 4), resolve("on July 4, 2022,", DOC));
        assertEquals(LocalDate.of(2021, 3, 9), resolve("dated 2021-03-09", DOC));
        assertEquals(LocalDate.of(2024, 2, 3), resolve("the 3rd of February", DOC));
    }

    @Test
    void dayAndMonthRollOverToTheYearBefore() {
        LocalDate newYear = LocalDate.of(2024, 1, 3);
        assertEquals(LocalDate.of(2023, 12, 28), resolve("on 28 December", newYear));
        assertEquals(LocalDate.of(2024, 1, 2), resolve("on 2 January", newYear));
        // shortly ahead of the article is still this year: an announced date
        assertEquals(LocalDate.of(2024, 2, 10), resolve("on 10 February", newYear));
    }

    @Test
    void relativeDays() {
        assertEquals(LocalDate.of(2024, 2, 20), resolve("yesterday", DOC));
        assertEquals(DOC, resolve("Today", DOC));
        assertEquals(LocalDate.of(2024, 2, 22), resolve("tomorrow", DOC));
        assertEquals(LocalDate.of(2024, 2, 19), resolve("on Monday", DOC));
        assertEquals(DOC, resolve("on Wednesday", DOC));
        assertEquals(LocalDate.of(2024, 2, 14), resolve("last Wednesday", DOC));
        assertEquals(LocalDate.of(2024, 2, 26), resolve("next Monday", DOC));
    }

    @Test
    void weekdayAcrossTheYearBoundary() {
        LocalDate monday = LocalDate.of(2024, 1, 1);
        assertEquals(LocalDate.of(2023, 12, 29), resolve("on Friday", monday));
    }

    @Test
    void theNextDayCountsFromTheAnchor() {
        String text = "They met on 30 December. The next day the talks ended.";
        LocalDate doc = LocalDate.of(2024, 1, 5);
        List<Dates.Found> first = Dates.find(text, doc);
        LocalDate anchor = first.get(0).date();
        assertEquals(LocalDate.of(2023, 12, 30), anchor);
        int from = text.indexOf("The next");
        List<Dates.Found> next = Dates.find(text, new Span(from, text.length()), doc, anchor);
        assertEquals(LocalDate.of(2023, 12, 31), next.get(0).date());
        assertEquals("The next day", next.get(0).span().of(text));
    }

    @Test
    void coarseDatesSayHowPreciseTheyAre() {
        Dates.Found lastYear = Dates.find("Prices rose last year.", DOC).get(0);
        assertEquals(LocalDate.of(2023, 1, 1), lastYear.date());
        assertEquals(Dates.Precision.YEAR, lastYear.precision());
        Dates.Found march = Dates.find("The law passed in March 2019.", DOC).get(0);
        assertEquals(LocalDate.of(2019, 3, 1), march.date());
        assertEquals(Dates.Precision.MONTH, march.precision());
        Dates.Found lastMonth = Dates.find("It happened last month.", DOC).get(0);
        assertEquals(LocalDate.of(2024, 1, 1), lastMonth.date());
        Dates.Found inDecember = Dates.find("The vote took place in December.", DOC).get(0);
        assertEquals(LocalDate.of(2023, 12, 1), inDecember.date());
    }

    @Test
    void spansAndNoFalseDates() {
        String text = "On Monday, 12 February 2024, the minister spoke.";
        List<Dates.Found> found = Dates.find(text, DOC);
        assertEquals(2, found.size(), found.toString());
        assertEquals("Monday", found.get(0).span().of(text));
        assertEquals("12 February 2024", found.get(1).span().of(text));
        assertTrue(Dates.find("May I ask a question? He scored 31 goals.", DOC).isEmpty());
        assertTrue(Dates.find("on 31 February", DOC).isEmpty());
    }
}
