package org.newskg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.newskg.text.AnnotatedText;

/** Placeholder, replaced below. */
public final class EventExtractor {
    public List<Event> extract(AnnotatedText text, Entities entities, LocalDate documentDate) {
        return new ArrayList<>();
    }
}
