package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;
import org.newskg.text.Span;

class EventExtractorTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 10);

    private static List<Event> run(String text, Entities entities) {
        AnnotatedText annotated = Linguistics.english().annotate(CleanText.unchanged(text));
        return new EventExtractor().extract(annotated, entities, DAY);
    }

    private static Mention mention(String text, String surface, String key) {
        int at = text.indexOf(surface);
        return new Mention(new Span(at, at + surface.length()), surface, key, Mention.Kind.NAME, null, 0.9);
    }

    @Test
    void interviewOnAChannelWithItsMedium() {
        String t = "The general gave an interview on the northern channel Kestrel TV on 8 May.";
        Entities e = new Entities(
                List.of(new Entity("o1", EntityType.ORGANIZATION, "Kestrel TV", "kestrel tv", List.of("Kestrel TV"), null)),
                List.of(mention(t, "Kestrel TV", "o1")), List.of());
        List<Event> events = run(t, e);
        assertEquals(1, events.size(), events.toString());
        Event ev = events.get(0);
        assertEquals("ev1", ev.key());
        assertEquals(Event.Type.INTERVIEW, ev.type());
        assertEquals("o1", ev.medium());
        assertEquals(LocalDate.of(2024, 5, 8), ev.date());
    }

    @Test
    void interviewWithAnOutletAndATelevisionInterview() {
        List<Event> a = run("In an interview with Harbour Gazette, she defended the budget.", Entities.NONE);
        assertEquals(Event.Type.INTERVIEW, a.get(0).type());
        assertTrue(a.get(0).label().contains("Harbour Gazette"), a.get(0).label());
        List<Event> b = run("He repeated the claim in a television interview.", Entities.NONE);
        assertEquals(Event.Type.INTERVIEW, b.get(0).type());
        assertNull(b.get(0).medium());
    }

    @Test
    void meetingWithPlaceParticipantsAndLargerGathering() {
        String t = "During the sitting of the Council of Ports, Ana Lind and Omar Vale convened for a bilateral meeting in Tallinn.";
        Entities e = new Entities(List.of(
                new Entity("p1", EntityType.PERSON, "Ana Lind", "ana lind", List.of("Ana Lind"), null),
                new Entity("p2", EntityType.PERSON, "Omar Vale", "omar vale", List.of("Omar Vale"), null),
                new Entity("l1", EntityType.PLACE, "Tallinn", "tallinn", List.of("Tallinn"), null)),
                List.of(mention(t, "Ana Lind", "p1"), mention(t, "Omar Vale", "p2"), mention(t, "Tallinn", "l1")), List.of());
        List<Event> events = run(t, e);
        assertEquals(2, events.size(), events.toString());
        Event sitting = events.get(0);
        Event meeting = events.get(1);
        assertEquals(Event.Type.MEETING, meeting.type());
        assertEquals("l1", meeting.place());
        assertEquals(List.of("p1", "p2"), meeting.participants());
        assertEquals(sitting.key(), meeting.partOf());
        assertTrue(sitting.label().contains("Council of Ports"));
    }

    @Test
    void briefingsVisitsAndPosts() {
        String t = "At a press conference, the mayor spoke. Later she visited Ghent. "
                + "In a statement on the social network Telegram, the agency denied it. He wrote on Facebook that he was fine.";
        List<Event> events = run(t, Entities.NONE);
        assertEquals(List.of(Event.Type.BRIEFING, Event.Type.VISIT, Event.Type.POST, Event.Type.POST),
                events.stream().map(Event::type).toList(), events.toString());
        assertEquals(List.of("ev1", "ev2", "ev3", "ev4"), events.stream().map(Event::key).toList());
        assertTrue(events.get(2).label().contains("Telegram"));
        assertTrue(events.get(3).label().contains("Facebook"));
    }

    @Test
    void definiteReferenceIsNotANewEvent() {
        List<Event> events = run("She gave an interview to Radio North. In the interview, she spoke about taxes.", Entities.NONE);
        assertEquals(1, events.size(), events.toString());
    }

    @Test
    void nothingInPlainNarrative() {
        assertTrue(run("The river froze early and the boats stayed in the harbour.", Entities.NONE).isEmpty());
    }
}
