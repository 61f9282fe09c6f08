package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;

/**
 * Runs entity recognition over a mention-annotated corpus of {@code ../shared/corpora} and writes
 * {@code target/eval/CORPUS-mentions.csv} in the contract's {@code mentions} columns, for
 * {@code ../shared/eval/score_mentions.py}.
 */
@Tag("eval")
class MentionEvalHarness {

    @ParameterizedTest
    @ValueSource(strings = {"reuters-128", "meantime"})
    void writesMentions(String corpus) throws IOException {
        Path dir = Path.of("..", "shared", "corpora", corpus, "text");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        EntityRecognizer recognizer = new EntityRecognizer();
        Linguistics nlp = Linguistics.english();
        Path out = Path.of("target", "eval", corpus + "-mentions.csv");
        Files.createDirectories(out.getParent());
        long nanos = 0;
        long recognition = 0;
        int rows = 0;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            csv.println("source,document,entity,entity_label,type,surface,begin,end,kind,confidence");
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                long t0 = System.nanoTime();
                AnnotatedText annotated = nlp.annotate(CleanText.unchanged(text));
                long t1 = System.nanoTime();
                Entities found = recognizer.recognize(annotated, null);
                nanos += System.nanoTime() - t0;
                recognition += System.nanoTime() - t1;
                Map<String, Entity> byKey = found.entities().stream().collect(Collectors.toMap(Entity::key, Function.identity()));
                String doc = file.getFileName().toString();
                for (Mention m : found.mentions()) {
                    if (m.kind() == Mention.Kind.PRONOUN || m.kind() == Mention.Kind.DESCRIPTION) {
                        // the gold annotates names only; a sentence-initial "He" would pass the scorer's capital-letter test
                        continue;
                    }
                    Entity e = byKey.get(m.entity());
                    csv.println(String.join(",", quote(file.toString()), quote(doc), quote(doc + "#" + e.key()), quote(e.name()),
                            e.type().label(), quote(m.surface()),
                            Integer.toString(text.codePointCount(0, m.span().begin())),
                            Integer.toString(text.codePointCount(0, m.span().end())), m.kind().name(),
                            String.format(java.util.Locale.ROOT, "%.2f", m.confidence())));
                    rows++;
                }
            }
        }
        System.out.printf("%s: %d documents, %d name mentions, %.1f ms per document (linguistics + recognition), %.1f ms recognition%n",
                corpus, files.size(), rows, nanos / 1e6 / files.size(), recognition / 1e6 / files.size());
        assertTrue(rows > files.size(), "almost nothing recognised in " + corpus);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
