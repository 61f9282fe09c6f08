package org.newskg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cleans the five seed articles in {@code ../shared/seeds}; runs only with {@code -Peval}. */
@Tag("eval")
class CleanerSeedsEvalTest {

    private static final Path SEEDS = Path.of(System.getProperty("newskg.projectDir", "."), "..", "shared", "seeds");

    private final Cleaner cleaner = new Cleaner();

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static int nonSpace(String s) {
        return (int) s.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    @Test
    void masksLittleAndNeverARealParagraph() throws IOException {
        List<Path> seeds = seeds();
        assertEquals(5, seeds.size(), "seed articles in " + SEEDS);
        for (Path seed : seeds) {
            String text = Files.readString(seed);
            CleanText c = cleaner.clean(text);
            assertEquals(text.length(), c.text().length(), seed.toString());
            int masked = nonSpace(text) - nonSpace(c.text());
            assertTrue(masked < nonSpace(text) / 10, seed + ": masked " + masked + " of " + nonSpace(text));
            for (Span line : Lines.of(text)) {
                String original = line.of(text);
                if (Lines.words(original) >= 30) {
                    int kept = nonSpace(line.of(c.text()));
                    assertTrue(kept > 0.9 * nonSpace(original), seed + ": paragraph masked at " + line + ": " + original);
                }
            }
        }
    }

    @Test
    void masksTheTeaserBlockAndPromptsAtTheEnd() throws IOException {
        Path seed = null;
        for (Path p : seeds()) {
            if (Files.readString(p).contains("Previous Article")) {
                seed = p;
            }
        }
        assertTrue(seed != null, "a seed with a Previous Article block");
        String text = Files.readString(seed);
        CleanText c = cleaner.clean(text);
        assertFalse(c.text().contains("Previous Article"));
        assertFalse(c.text().contains("Next Article"));
        assertFalse(c.text().contains("No time to read?"));
        assertTrue(c.furniture().stream().anyMatch(f -> f.kind().equals(Cleaner.TEASER)));
        assertTrue(c.furniture().stream().anyMatch(f -> f.kind().equals(Cleaner.PROMPT)));
        // whatever follows the last long paragraph is furniture: the clean text ends there
        List<Span> lines = Lines.of(text);
        Span lastParagraph = null;
        for (Span line : lines) {
            if (Lines.words(line.of(text)) >= 30) {
                lastParagraph = line;
            }
        }
        assertTrue(lastParagraph != null);
        assertTrue(c.text().substring(lastParagraph.end()).isBlank(),
                "left after the last paragraph: " + c.text().substring(lastParagraph.end()).strip());
        assertTrue(c.header().title() != null && !c.header().title().isBlank());
    }

    @Test
    void readsTheHeaderOfTheArticleWithADateline() throws IOException {
        int withDate = 0;
        for (Path seed : seeds()) {
            String text = Files.readString(seed);
            ArticleHeader h = cleaner.clean(text).header();
            if (h.date() != null) {
                withDate++;
                assertEquals(h.dateSpan().of(text).strip(), h.dateSpan().of(text));
                assertTrue(h.publishedIn() != null && !h.publishedIn().contains("["), String.valueOf(h.publishedIn()));
                assertTrue(h.author() != null && h.bylineSpan().of(text).equals(h.author()));
                assertTrue(h.title() != null && h.titleSpan().begin() < h.bylineSpan().begin());
            }
        }
        assertEquals(1, withDate);
    }

    @Test
    void recordsCitationMarkersAsParagraphMetadata() throws IOException {
        int markers = 0;
        for (Path seed : seeds()) {
            String text = Files.readString(seed);
            CleanText c = cleaner.clean(text);
            for (CleanText.ParagraphAttribution a : c.attributions()) {
                markers++;
                assertFalse(a.attributedTo().isBlank());
                assertTrue(a.marker().of(text).startsWith("[CITATION"));
                assertTrue(a.marker().of(c.text()).isBlank());
                assertTrue(Lines.words(a.paragraph().of(text)) > 5, "paragraph " + a.paragraph());
            }
            assertFalse(c.text().contains("[CITATION"));
        }
        assertTrue(markers > 0);
    }
}
