package org.newskg.rdf;

import java.time.LocalDate;
import java.util.List;

import org.newskg.document.DocumentMetadata;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Entity;
import org.newskg.extract.EntityType;
import org.newskg.extract.Event;
import org.newskg.extract.Mention;
import org.newskg.extract.RoleClaim;
import org.newskg.extract.Statement;
import org.newskg.text.AnnotatedText;
import org.newskg.text.ArticleHeader;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;
import org.newskg.text.Span;

/** Hand-built analyses of invented articles, as an extractor would produce them. */
final class Articles {

    static final String MARKER = "[CITATION attribution: Harbour Authority]";

    /**
     * Every record kind, an unresolved speaker, an inline attribution marker, metadata-only author
     * and publisher, and a wave emoji (outside the BMP) before every span, so UTF-16 and code point
     * offsets differ by one.
     */
    static final String FERRY = String.join("\n",
            "Harbour Council Reaches Deal",
            "12.03.2025",
            "By Mira Olsen",
            "\uD83C\uDF0A Port officials said on Tuesday that the new ferry line would open in May. "
                    + "\"We are ready for the summer,\" Director Tomas Varga told Coast Radio in Tallinn in an interview "
                    + "on the sidelines of the harbour talks. He stressed that ticket prices would stay low.",
            "According to the Ministry of Transport, the route will cost four million euros. Experts believe demand will grow.",
            "A spokesperson added that boarding starts early. " + MARKER,
            "");

    private Articles() {
    }

    static Span span(String text, String words) {
        return span(text, words, 0);
    }

    /** The first occurrence of {@code words} at or after {@code from}. */
    static Span span(String text, String words, int from) {
        int at = text.indexOf(words, from);
        if (at < 0) {
            throw new IllegalArgumentException("'" + words + "' is not in the text");
        }
        return new Span(at, at + words.length());
    }

    static Analysis ferry() {
        String t = FERRY;
        Span marker = span(t, MARKER);
        String masked = t.substring(0, marker.begin()) + " ".repeat(marker.length()) + t.substring(marker.end());
        Span lastParagraph = span(t, "A spokesperson added that boarding starts early. " + MARKER);
        ArticleHeader header = new ArticleHeader(
                span(t, "Harbour Council Reaches Deal"), "Harbour Council Reaches Deal",
                span(t, "12.03.2025"), LocalDate.of(2025, 3, 12),
                span(t, "By Mira Olsen"), "Mira Olsen",
                null, null);
        CleanText clean = new CleanText(t, masked,
                List.of(new CleanText.Furniture(marker, "citation")),
                List.of(new CleanText.ParagraphAttribution(lastParagraph, marker, "Harbour Authority")),
                header);
        AnnotatedText annotated = Linguistics.english().annotate(clean);
        SourceDocument doc = new SourceDocument("news/ferry.txt", t,
                new DocumentMetadata(null, "https://news.example.org/2025/ferry", null, null, "Baltic Ferry News"));

        LocalDate tuesday = LocalDate.of(2025, 3, 11);
        Span he = new Span(span(t, "He stressed").begin(), span(t, "He stressed").begin() + 2);
        List<Entity> entities = List.of(
                new Entity("varga", EntityType.PERSON, "Tomas Varga", "tomas varga", List.of("Tomas Varga", "Varga"), null),
                new Entity("radio", EntityType.ORGANIZATION, "Coast Radio", "coast radio", List.of("Coast Radio"), null),
                new Entity("ministry", EntityType.ORGANIZATION, "Ministry of Transport", "ministry of transport",
                        List.of("Ministry of Transport"), "Estonia"),
                new Entity("tallinn", EntityType.PLACE, "Tallinn", "tallinn", List.of("Tallinn"), null),
                new Entity("officials", EntityType.GROUP, "port officials", null, List.of("port officials"), null),
                new Entity("experts", EntityType.GROUP, "experts", null, List.of("experts"), null));
        List<Mention> mentions = List.of(
                new Mention(span(t, "Port officials"), "Port officials", "officials", Mention.Kind.DESCRIPTION, null, 0.7),
                new Mention(span(t, "Tomas Varga"), "Tomas Varga", "varga", Mention.Kind.NAME, null, 0.95),
                new Mention(span(t, "Coast Radio"), "Coast Radio", "radio", Mention.Kind.NAME, null, 0.9),
                new Mention(span(t, "Tallinn"), "Tallinn", "tallinn", Mention.Kind.NAME, null, 0.9),
                new Mention(he, "He", "varga", Mention.Kind.PRONOUN, null, 0.8),
                new Mention(span(t, "Ministry of Transport"), "Ministry of Transport", "ministry", Mention.Kind.NAME,
                        "government", 0.9));
        List<RoleClaim> roles = List.of(
                new RoleClaim("varga", "Director", span(t, "Director"), "radio", LocalDate.of(2025, 3, 12), 0.6));
        List<Event> events = List.of(
                new Event("interview", Event.Type.INTERVIEW, span(t, "an interview"), "interview with Coast Radio",
                        List.of("varga"), "radio", "tallinn", "talks", tuesday, 0.8),
                new Event("talks", Event.Type.MEETING, span(t, "the harbour talks"), null,
                        List.of(), null, "tallinn", null, null, 0.5),
                new Event("summer", Event.Type.OTHER, span(t, "the summer"), "summer season",
                        List.of(), null, null, null, null, 0.3));
        List<Statement> statements = List.of(
                new Statement(Statement.Kind.INDIRECT_SPEECH, span(t, "the new ferry line would open in May"),
                        span(t, "said"), "say", span(t, "Port officials"), "officials", null, null, tuesday, 0.9),
                new Statement(Statement.Kind.DIRECT_QUOTE, span(t, "We are ready for the summer,"),
                        span(t, "told"), "tell", span(t, "Tomas Varga"), "varga", "interview", "tallinn", tuesday, 0.95),
                new Statement(Statement.Kind.INDIRECT_SPEECH, span(t, "ticket prices would stay low"),
                        span(t, "stressed"), "stress", he, "varga",
                        "interview", null, tuesday, 0.85),
                new Statement(Statement.Kind.ACCORDING_TO, span(t, "the route will cost four million euros"),
                        span(t, "According to"), "according to", span(t, "Ministry of Transport"), "ministry",
                        null, null, LocalDate.of(2025, 3, 12), 0.8),
                new Statement(Statement.Kind.BELIEF, span(t, "demand will grow"),
                        span(t, "believe"), "believe", span(t, "Experts"), "experts", null, null, null, 0.6),
                new Statement(Statement.Kind.INDIRECT_SPEECH, span(t, "boarding starts early"),
                        span(t, "added"), "add", span(t, "A spokesperson"), null, null, null, null, 0.5));
        return new Analysis(doc, annotated, entities, mentions, roles, statements, events);
    }

    /** A one-statement article for the golden test: small enough to write the expected graph by hand. */
    static final String MINI = "\uD83D\uDCF0 Dr Lena Park said the clinic will reopen.";

    static Analysis mini() {
        String t = MINI;
        AnnotatedText annotated = Linguistics.english().annotate(CleanText.unchanged(t));
        SourceDocument doc = new SourceDocument("mini.txt", t, DocumentMetadata.NONE);
        return new Analysis(doc, annotated,
                List.of(new Entity("park", EntityType.PERSON, "Lena Park", "lena park", List.of("Lena Park"), null)),
                List.of(new Mention(span(t, "Lena Park"), "Lena Park", "park", Mention.Kind.NAME, null, 0.9)),
                List.of(),
                List.of(new Statement(Statement.Kind.INDIRECT_SPEECH, span(t, "the clinic will reopen"),
                        span(t, "said"), "say", span(t, "Lena Park"), "park", null, null, null, 0.75)),
                List.of());
    }

    /** An interview with a role claim, metadata-only author, and a source span that is no mention of the analysis. */
    static final String CLINICS =
            "Health Minister Ana Ruiz told Radio Sol in an interview that \uD83C\uDFE5 clinics would stay open.";

    static Analysis clinics() {
        String t = CLINICS;
        LocalDate may2 = LocalDate.of(2025, 5, 2);
        SourceDocument doc = new SourceDocument("golden/clinics.txt", t,
                new DocumentMetadata("Clinics stay open", null, may2, "Paul Kim", null));
        return new Analysis(doc, Linguistics.english().annotate(CleanText.unchanged(t)),
                List.of(new Entity("ruiz", EntityType.PERSON, "Ana Ruiz", "ana ruiz", List.of("Ana Ruiz"), null),
                        new Entity("sol", EntityType.ORGANIZATION, "Radio Sol", "radio sol", List.of("Radio Sol"), null)),
                List.of(new Mention(span(t, "Ana Ruiz"), "Ana Ruiz", "ruiz", Mention.Kind.NAME, null, 0.9),
                        new Mention(span(t, "Radio Sol"), "Radio Sol", "sol", Mention.Kind.NAME, null, 0.8)),
                List.of(new RoleClaim("ruiz", "Health Minister", span(t, "Health Minister"), null, may2, 0.7)),
                List.of(new Statement(Statement.Kind.INDIRECT_SPEECH, span(t, "clinics would stay open"),
                        span(t, "told"), "tell", span(t, "Health Minister Ana Ruiz"), "ruiz", "interview", null, may2, 0.85)),
                List.of(new Event("interview", Event.Type.INTERVIEW, span(t, "an interview"), null,
                        List.of("ruiz"), "sol", null, null, null, 0.8)));
    }
}
