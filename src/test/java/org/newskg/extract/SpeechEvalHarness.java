package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;

/**
 * Runs event and statement extraction over the PolNeAR texts and writes
 * {@code target/eval/polnear-<split>.csv} in the who-said-what format, for
 * {@code ../shared/eval/score_attribution.py}. System properties: {@code speech.splits}
 * (default {@code train,dev}) and {@code speech.every} (take every n-th document, default 1).
 */
@Tag("eval")
class SpeechEvalHarness {

    private static final Path CORPUS = Path.of("../shared/corpora/polnear");
    private static final Pattern FILE_DATE = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2})_");
    private static final String HEADER = "source,document,speaker,speaker_label,speaker_type,speaker_begin,speaker_end,cue,"
            + "cue_begin,cue_end,statement,begin,end,direct,venue,venue_label,place_label,date";

    @Test
    void writesWhoSaidWhat() throws IOException {
        int every = Integer.parseInt(System.getProperty("speech.every", "1"));
        for (String split : System.getProperty("speech.splits", "train,dev").split(",")) {
            Path dir = CORPUS.resolve(split).resolve("text");
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            Path out = Path.of("target/eval/polnear-" + split + ".csv");
            Files.createDirectories(out.getParent());
            EventExtractor events = new EventExtractor();
            StatementExtractor statements = new StatementExtractor();
            long nanos = 0;
            int docs = 0;
            int rows = 0;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write(HEADER + "\n");
                for (int k = 0; k < files.size(); k += every) {
                    Path file = files.get(k);
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    Matcher m = FILE_DATE.matcher(file.getFileName().toString());
                    LocalDate date = m.find() ? LocalDate.parse(m.group(1)) : null;
                    long t0 = System.nanoTime();
                    AnnotatedText annotated = Linguistics.english().annotate(CleanText.unchanged(text));
                    List<Event> found = events.extract(annotated, Entities.NONE, date);
                    List<Statement> said = statements.extract(annotated, Entities.NONE, found, date);
                    nanos += System.nanoTime() - t0;
                    docs++;
                    for (Statement st : said) {
                        w.write(row(file.toString(), text, st, found));
                        rows++;
                    }
                }
            }
            System.out.printf("polnear %s: %d documents, %d statements, %.1f ms per document%n",
                    split, docs, rows, nanos / 1e6 / Math.max(1, docs));
            assertTrue(rows > 0, "no statements found in " + split);
        }
    }

    private static String row(String source, String text, Statement s, List<Event> events) {
        String venueLabel = s.venue() == null ? "" : events.stream().filter(e -> e.key().equals(s.venue())).map(Event::label)
                .findFirst().orElse("");
        return String.join(",",
                csv(source), csv(source), csv(s.speaker()), csv(s.speakerSpan() == null ? null : s.speakerSpan().of(text)), "",
                cp(text, s.speakerSpan(), true), cp(text, s.speakerSpan(), false),
                csv(s.cueLemma()), cp(text, s.cue(), true), cp(text, s.cue(), false),
                csv(s.content().of(text)), cp(text, s.content(), true), cp(text, s.content(), false),
                String.valueOf(s.kind().direct()), csv(s.venue()), csv(venueLabel), csv(s.place()),
                s.date() == null ? "" : s.date().toString()) + "\n";
    }

    private static String cp(String text, org.newskg.text.Span span, boolean begin) {
        if (span == null) {
            return "";
        }
        return String.valueOf(text.codePointCount(0, begin ? span.begin() : span.end()));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
