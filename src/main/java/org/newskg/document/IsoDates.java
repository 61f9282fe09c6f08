package org.newskg.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** ISO 8601 dates as metadata gives them: a date, or a date-time of which only the date is kept. */
final class IsoDates {

    private IsoDates() {
    }

    /** The date, or null when {@code value} is not an ISO date or date-time. */
    static LocalDate parse(String value) {
        String v = value.strip();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException notDate) {
            try {
                return OffsetDateTime.parse(v).toLocalDate();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(v).toLocalDate();
                } catch (DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
    }
}
