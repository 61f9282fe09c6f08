package org.newskg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on a tiny corpus; its figures are not checked, only that every pass ran on every copy. */
class BenchmarkTest {

    private static void corpus(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.txt"), "Wind farm to open in May\n\n"
                + "Marta Kovalenko, the energy minister, said on Monday that the new wind farm would open in May. "
                + "\"We are ready,\" Kovalenko told reporters at a briefing in the capital.\n");
        Files.writeString(dir.resolve("b.txt"), "Port strike ends\n\n"
                + "The dock workers' union said the strike at the northern port had ended after two weeks. "
                + "Marta Kovalenko said that fuel deliveries would resume on Thursday.\n");
    }

    @Test
    void everyPassRunsOnEveryCopyAndTheCopiesAreDistinctDocuments(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("news");
        corpus(dir);
        List<String> log = new ArrayList<>();
        Benchmark.Report report = new Benchmark(new Benchmark.Options(dir, 3, 2, 1, tmp.resolve("db")), log::add).run();

        assertEquals(6, report.documents(), "2 articles x 3 copies");
        assertEquals(6, report.storedDocuments(), "each copy is its own document in the store: " + log);
        assertTrue(report.tokens() > 40, "tokens counted: " + report.tokens());
        assertEquals(6, report.passes().size(), "(b) and (a) on 1 and 2 threads, (c), (d): " + report.passes());
        report.passes().forEach(p -> assertEquals(6, p.documents(), p.label()));
        String md = report.markdown();
        assertTrue(md.contains("a/b = ") && md.contains("c/a = ") && md.contains("d/a = "), md);
        assertTrue(report.split().get("linguistic layer") > 0, md);
        Benchmark.QueryTiming statementsBy = report.queries().stream().filter(q -> q.name().equals("statements-by"))
                .findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(statementsBy.parameters().contains("Kovalenko") && statementsBy.rows() > 0, md);
        Benchmark.QueryTiming provenance = report.queries().stream().filter(q -> q.name().equals("provenance"))
                .findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(provenance.rows() > 0, "the provenance of a statement has at least the statement itself: " + md);
        assertTrue(report.queries().stream().anyMatch(q -> q.parameters().contains("LIMIT 100") && q.rows() <= 100), md);
    }

    @Test
    void aStoreThatIsNotEmptyIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("news");
        corpus(dir);
        Path db = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(db.resolve("something"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Benchmark(new Benchmark.Options(dir, 1, 1, 0, db), s -> { }).run());
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
    }

    @Test
    void percentileIsNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        assertEquals(10, Benchmark.percentile(sorted, 50));
        assertEquals(19, Benchmark.percentile(sorted, 95));
        assertEquals(7, Benchmark.percentile(new double[] {7}, 95));
    }
}
