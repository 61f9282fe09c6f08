package org.newskg.extract;

import java.time.LocalDate;
import java.util.List;

import org.newskg.document.SourceDocument;
import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Cleaner;
import org.newskg.text.Linguistics;

/**
 * Runs every analysis stage over one document: cleaning, the linguistic layer, entity
 * recognition, events, then statements. Each stage requires what the previous ones provide:
 * <ol>
 *   <li>{@link Cleaner}: text &rarr; {@link CleanText} (furniture masked, header read)</li>
 *   <li>{@link Linguistics}: clean text &rarr; sentences, tokens, POS, lemmas</li>
 *   <li>{@link EntityRecognizer}: &rarr; entities, mentions (incl. resolved pronouns), role claims</li>
 *   <li>{@link EventExtractor}: + entities &rarr; interviews, meetings, briefings, visits, posts</li>
 *   <li>{@link StatementExtractor}: + entities and events &rarr; statements with speaker, cue, venue</li>
 * </ol>
 * Thread-safe: one instance serves all worker threads.
 *
 * <pre>{@code
 * Analysis a = new Extractor().analyze(new SourceDocument("a.txt", text, DocumentMetadata.NONE));
 * a.statements().forEach(s -> System.out.println(s.cueLemma() + " " + s.content().of(text)));
 * }</pre>
 */
public final class Extractor {

    private final Cleaner cleaner = new Cleaner();
    private final Linguistics linguistics = Linguistics.english();
    private final EntityRecognizer entities = new EntityRecognizer();
    private final EventExtractor events = new EventExtractor();
    private final StatementExtractor statements = new StatementExtractor();
    private final StageTimes times;

    public Extractor() {
        this(null);
    }

    /** An extractor that adds the time of each stage to {@code times} (none when null). */
    public Extractor(StageTimes times) {
        this.times = times;
    }

    /** Where this extractor records its stage times, or null. */
    public StageTimes times() {
        return times;
    }

    public Analysis analyze(SourceDocument document) {
        if (times != null) {
            return timed(document, times);
        }
        CleanText clean = cleaner.clean(document.text());
        AnnotatedText text = linguistics.annotate(clean);
        LocalDate date = documentDate(document, clean);
        Entities found = entities.recognize(text, date);
        List<Event> happened = events.extract(text, found, date);
        List<Statement> said = statements.extract(text, found, happened, date);
        return new Analysis(document, text, found.entities(), found.mentions(), found.roles(), said, happened);
    }

    private Analysis timed(SourceDocument document, StageTimes t) {
        long at = System.nanoTime();
        CleanText clean = cleaner.clean(document.text());
        at = t.lap(StageTimes.Stage.CLEAN, at);
        AnnotatedText text = linguistics.annotate(clean);
        at = t.lap(StageTimes.Stage.LINGUISTIC, at);
        LocalDate date = documentDate(document, clean);
        Entities found = entities.recognize(text, date);
        at = t.lap(StageTimes.Stage.ENTITIES, at);
        List<Event> happened = events.extract(text, found, date);
        at = t.lap(StageTimes.Stage.EVENTS, at);
        List<Statement> said = statements.extract(text, found, happened, date);
        t.lap(StageTimes.Stage.STATEMENTS, at);
        return new Analysis(document, text, found.entities(), found.mentions(), found.roles(), said, happened);
    }

    /** The date given with the document wins over a dateline found in its text. */
    static LocalDate documentDate(SourceDocument document, CleanText clean) {
        return document.metadata().date() != null ? document.metadata().date() : clean.header().date();
    }
}
