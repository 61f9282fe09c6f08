package org.newskg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newskg.text.AnnotatedText;
import org.newskg.text.Sentence;
import org.newskg.text.Span;

/**
 * Finds the communicative events a news text reports, so that statements can point at where they
 * were said: interviews ("in an interview with X", "an interview aired on X"), briefings and press
 * conferences, meetings and talks ("met in X", "a bilateral meeting in X", part of "the sitting of
 * the Council"), visits ("visited X") and social-network posts ("wrote on Facebook", "posted
 * on the social network X").
 *
 * <p>Each event gets a document-unique key ({@code ev1}, {@code ev2}, ...). Media, places and
 * participants are entity keys taken from the {@link Entities} mentions in the sentence; a date is
 * the first day-precise date expression of the sentence ({@link Dates}), else unknown. A definite
 * reference ("the interview") to an event already found is not a new event.
 *
 * <pre>{@code
 * AnnotatedText text = Linguistics.english().annotate(CleanText.unchanged("She spoke in an interview with a radio station on 3 May."));
 * List<Event> events = new EventExtractor().extract(text, Entities.NONE, LocalDate.of(2024, 5, 4));
 * events.get(0).type();   // INTERVIEW
 * events.get(0).date();   // 2024-05-03
 * }</pre>
 */
public final class EventExtractor {

    private static final String NAME = "((?:the\\s+)?(?:[A-Z][\\w&'’-]*|of|de|and)(?:\\s+(?:[A-Z][\\w&'’-]*|of|de)){0,5})";
    private static final String NETWORK = "(Facebook|Twitter|X|Telegram|Instagram|VKontakte|VK|YouTube|TikTok|LinkedIn|Truth Social|Weibo|WeChat|Threads|Bluesky)";

    private static final Pattern INTERVIEW = Pattern.compile(
            "\\b(?:(?:an?|the|his|her|their|its|this|that|one)\\s+)?(?:[\\w-]+\\s+){0,3}?interviews?\\b"
            + "(?:\\s+(?:aired\\s+|broadcast\\s+|published\\s+)?(?:with|on|to|for|in)\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,2}" + NAME + ")?");
    private static final Pattern GAVE_INTERVIEW = Pattern.compile("\\b(?:gave|give|gives|giving|granted)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}interview\\s+(?:to|on)\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,2}" + NAME);
    private static final Pattern BRIEFING = Pattern.compile(
            "\\b(?:(?:an?|the|his|her|their|its|this|that)\\s+)?(?:[\\w-]+\\s+){0,2}?(?:press briefing|news briefing|briefing|press conference|news conference)\\b");
    private static final Pattern MEETING = Pattern.compile(
            "\\b(?:(?:an?|the|his|her|their|its|this|that)\\s+)?(?:[\\w-]+\\s+){0,2}?(?:meeting|talks|summit|negotiations)\\b"
            + "(?:\\s+(?:in|at)\\s+" + NAME + ")?");
    private static final Pattern MET = Pattern.compile("\\b(?:met|meet|meets|convened|gathered)\\b(?:[^.;]{0,60}?\\b(?:in|at)\\s+" + NAME + ")?");
    private static final Pattern GATHERING = Pattern.compile(
            "\\b(?:[Dd]uring|[Aa]t|[Oo]n the sidelines of)\\s+(the\\s+(?:[\\w-]+\\s+){0,2}(?:sitting|session|summit|conference|forum|congress|assembly|meeting)\\s+of\\s+" + NAME + ")");
    private static final Pattern VISIT = Pattern.compile("\\b(?:visited|visiting|visits|visit to|trip to)\\s+" + NAME);
    private static final Pattern POST = Pattern.compile(
            "\\b(?:(?:in\\s+)?(?:an?|the|his|her|their|its)\\s+)?(?:statement|post|message|video|tweet|video address|address)\\s+(?:posted\\s+|published\\s+)?on\\s+(?:the\\s+)?(?:(?:social network|social media platform|platform|messenger|channel)\\s+)?"
            + NAME + "|\\b(?:wrote|posted|said|announced|tweeted|published)\\s+on\\s+(?:(?:the\\s+)?(?:social network|platform|messenger)\\s+)?" + NETWORK + "\\b");
    private static final Pattern DEFINITE = Pattern.compile("\\bthe\\s+(interview|briefing|press conference|news conference|meeting|talks|summit)\\b", Pattern.CASE_INSENSITIVE);

    /** The events of one document, in text order. */
    public List<Event> extract(AnnotatedText text, Entities entities, LocalDate documentDate) {
        String s = text.text();
        List<Event> out = new ArrayList<>();
        for (Sentence sentence : text.sentences()) {
            String sent = sentence.span().of(s);
            int base = sentence.begin();
            LocalDate date = Dates.find(s, sentence.span(), documentDate, documentDate).stream()
                    .filter(f -> f.precision() == Dates.Precision.DAY).map(Dates.Found::date).findFirst().orElse(null);
            List<String> people = entities.mentionsWithin(sentence.span()).stream()
                    .filter(m -> entities.entity(m.entity()).map(e -> e.type() == EntityType.PERSON).orElse(false))
                    .map(Mention::entity).distinct().toList();
            List<Event> here = new ArrayList<>();

            Matcher g = GATHERING.matcher(sent);
            String gathering = null;
            if (g.find()) {
                Span span = new Span(base + g.start(1), base + g.end(1));
                Event e = new Event(key(out, here), Event.Type.MEETING, span, g.group(1), people, null, null, null, date, 0.7);
                here.add(e);
                gathering = e.key();
            }
            Matcher gi = GAVE_INTERVIEW.matcher(sent);
            boolean interview = false;
            if (gi.find()) {
                Span medium = new Span(base + gi.start(1), base + gi.end(1));
                here.add(new Event(key(out, here), Event.Type.INTERVIEW, new Span(base + gi.start(), base + gi.end()),
                        "interview with " + gi.group(1), people, entityAt(entities, medium), null, null, date, 0.8));
                interview = true;
            }
            Matcher i = INTERVIEW.matcher(sent);
            while (!interview && i.find()) {
                if (isDefinite(i.group()) && i.group(1) == null && !lastOfType(out, Event.Type.INTERVIEW).isEmpty()) {
                    continue;
                }
                Span medium = i.group(1) == null ? null : new Span(base + i.start(1), base + i.end(1));
                here.add(new Event(key(out, here), Event.Type.INTERVIEW, new Span(base + i.start(), base + i.end()),
                        i.group(1) == null ? "interview" : "interview with " + i.group(1), people, entityAt(entities, medium),
                        null, null, date, i.group(1) == null ? 0.6 : 0.8));
                break;
            }
            Matcher b = BRIEFING.matcher(sent);
            if (b.find() && !(isDefinite(b.group()) && !lastOfType(out, Event.Type.BRIEFING).isEmpty())) {
                here.add(new Event(key(out, here), Event.Type.BRIEFING, new Span(base + b.start(), base + b.end()),
                        b.group().toLowerCase(Locale.ROOT).contains("conference") ? "press conference" : "briefing",
                        people, null, null, gathering, date, 0.7));
            }
            Matcher m = MEETING.matcher(sent);
            Matcher met = MET.matcher(sent);
            boolean meetingWord = m.find();
            if (meetingWord && !(isDefinite(m.group()) && m.group(1) == null && !lastOfType(out, Event.Type.MEETING).isEmpty())
                    && (g.hitEnd() || gathering == null || !new Span(m.start(), m.end()).overlaps(new Span(g.start(1), g.end(1))))) {
                Span place = m.group(1) == null ? null : new Span(base + m.start(1), base + m.end(1));
                here.add(new Event(key(out, here), Event.Type.MEETING, new Span(base + m.start(), base + m.end()),
                        m.group(1) == null ? "meeting" : "meeting in " + m.group(1), people, null, entityAt(entities, place),
                        gathering, date, 0.7));
            } else if (!meetingWord && met.find()) {
                Span place = met.group(1) == null ? null : new Span(base + met.start(1), base + met.end(1));
                here.add(new Event(key(out, here), Event.Type.MEETING, new Span(base + met.start(), base + met.end()),
                        met.group(1) == null ? "meeting" : "meeting in " + met.group(1), people, null, entityAt(entities, place),
                        gathering, date, 0.6));
            }
            Matcher v = VISIT.matcher(sent);
            if (v.find()) {
                Span place = new Span(base + v.start(1), base + v.end(1));
                here.add(new Event(key(out, here), Event.Type.VISIT, new Span(base + v.start(), base + v.end()),
                        "visit to " + v.group(1), people, null, entityAt(entities, place), null, date, 0.7));
            }
            Matcher p = POST.matcher(sent);
            if (p.find()) {
                int group = p.group(1) != null ? 1 : 2;
                Span medium = new Span(base + p.start(group), base + p.end(group));
                here.add(new Event(key(out, here), Event.Type.POST, new Span(base + p.start(), base + p.end()),
                        "post on " + p.group(group), people, entityAt(entities, medium), null, null, date, 0.75));
            }
            here.sort((x, y) -> x.span().compareTo(y.span()));
            out.addAll(renumber(out.size(), here));
        }
        return out;
    }

    /** The latest event of this type, for "the interview" and the like; empty when none. */
    static List<Event> lastOfType(List<Event> events, Event.Type type) {
        for (int k = events.size() - 1; k >= 0; k--) {
            if (events.get(k).type() == type) {
                return List.of(events.get(k));
            }
        }
        return List.of();
    }

    /** Which event a definite reference in {@code span} ("during the briefing") points back to, if any. */
    static Event referredTo(String text, Span span, List<Event> events) {
        Matcher d = DEFINITE.matcher(span.of(text));
        while (d.find()) {
            String w = d.group(1).toLowerCase(Locale.ROOT);
            Event.Type type = w.equals("interview") ? Event.Type.INTERVIEW
                    : w.contains("brief") || w.contains("conference") ? Event.Type.BRIEFING : Event.Type.MEETING;
            Event last = null;
            for (Event e : events) {
                if (e.type() == type && e.span().begin() < span.begin() + d.start()) {
                    last = e;
                }
            }
            if (last != null) {
                return last;
            }
        }
        return null;
    }

    private static boolean isDefinite(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).matches("(?s)(.*\\s)?the\\s.*");
    }

    private static String key(List<Event> done, List<Event> here) {
        return "ev" + (done.size() + here.size() + 1);
    }

    /** Keys follow text order; a partOf pointing inside the sentence follows its event. */
    private static List<Event> renumber(int offset, List<Event> here) {
        List<Event> out = new ArrayList<>();
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (int k = 0; k < here.size(); k++) {
            keys.put(here.get(k).key(), "ev" + (offset + k + 1));
        }
        for (Event e : here) {
            out.add(new Event(keys.get(e.key()), e.type(), e.span(), e.label(), e.participants(), e.medium(), e.place(),
                    e.partOf() == null ? null : keys.getOrDefault(e.partOf(), e.partOf()), e.date(), e.confidence()));
        }
        return out;
    }

    private static String entityAt(Entities entities, Span span) {
        if (span == null) {
            return null;
        }
        Mention best = null;
        for (Mention m : entities.mentions()) {
            if (m.span().overlaps(span) && (best == null || m.span().length() > best.span().length())) {
                best = m;
            }
        }
        return best == null ? null : best.entity();
    }
}
