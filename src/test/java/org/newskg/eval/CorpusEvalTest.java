package org.newskg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli;

/**
 * Scores NewsKG on the shared corpora with the shared scorers, exactly as {@code ../shared/README.md}
 * shows, and keeps the scorer output in {@code target/eval/}. Each test fails below a regression floor
 * set a little under the figures measured when it was written (see the README's "Measured" section).
 */
@Tag("eval")
class CorpusEvalTest {

    static final Path SHARED = Path.of("../shared");
    static final Path OUT = Path.of("target/eval");

    @TempDir
    Path tmp;

    @Test
    void polnearDev() throws Exception {
        Path csv = buildAndQuery("polnear-dev", SHARED.resolve("corpora/polnear/dev/text"), "who-said-what");
        String report = score("polnear-dev", "score_attribution.py", SHARED.resolve("corpora/polnear/dev").toString(),
                csv.toString(), "--details", "40");
        double[] f = headline(report, "attribution F1 ([0-9.]+) content F1 ([0-9.]+)");
        assertTrue(f[1] >= Floors.POLNEAR_CONTENT, "content F1 " + f[1] + " fell below " + Floors.POLNEAR_CONTENT);
        assertTrue(f[0] >= Floors.POLNEAR_ATTRIBUTION, "attribution F1 " + f[0] + " fell below " + Floors.POLNEAR_ATTRIBUTION);
    }

    @Test
    void reuters128() throws Exception {
        Path csv = buildAndQuery("reuters-128", SHARED.resolve("corpora/reuters-128/text"), "mentions");
        String report = score("reuters-128", "score_mentions.py", SHARED.resolve("corpora/reuters-128").toString(),
                csv.toString(), "--details", "40");
        double[] f = headline(report, "typed F1 ([0-9.]+) detection F1 ([0-9.]+)");
        assertTrue(f[0] >= Floors.REUTERS_TYPED_F1, "typed F1 " + f[0] + " fell below " + Floors.REUTERS_TYPED_F1);
    }

    @Test
    void meantime() throws Exception {
        Path db = tmp.resolve("meantime-db");
        Path csv = buildAndQuery("meantime", SHARED.resolve("corpora/meantime/text"), "mentions", db);
        Path entities = OUT.resolve("meantime-entities.csv");
        Cli.Run e = Cli.newskg("query", "entities", "--db", db.toString(), "--format", "csv");
        assertEquals(0, e.code(), e::toString);
        Files.writeString(entities, e.out(), StandardCharsets.UTF_8);
        String report = score("meantime", "score_mentions.py", SHARED.resolve("corpora/meantime").toString(),
                csv.toString(), "--entities", entities.toString());
        Matcher m = Pattern.compile("typed\\s+P ([0-9.]+)\\s+R ([0-9.]+)").matcher(report);
        assertTrue(m.find(), report);
        double recall = Double.parseDouble(m.group(2));
        assertTrue(recall >= Floors.MEANTIME_TYPED_RECALL, "typed recall " + recall + " fell below " + Floors.MEANTIME_TYPED_RECALL);
    }

    private Path buildAndQuery(String name, Path corpus, String query) throws IOException {
        return buildAndQuery(name, corpus, query, tmp.resolve(name + "-db"));
    }

    private Path buildAndQuery(String name, Path corpus, String query, Path db) throws IOException {
        Files.createDirectories(OUT);
        Cli.Run b = Cli.newskg("build", corpus.toString(), "--db", db.toString());
        assertEquals(0, b.code(), b::toString);
        Cli.Run q = Cli.newskg("query", query, "--db", db.toString(), "--format", "csv");
        assertEquals(0, q.code(), q::toString);
        Path csv = OUT.resolve(name + ".csv");
        Files.writeString(csv, q.out(), StandardCharsets.UTF_8);
        return csv;
    }

    private static String score(String name, String scorer, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", SHARED.resolve("eval").resolve(scorer).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> scorer + " failed:\n" + out);
        Files.writeString(OUT.resolve(name + "-score.txt"), out, StandardCharsets.UTF_8);
        System.out.println("=== " + name + "\n" + out);
        return out;
    }

    private static double[] headline(String report, String regex) {
        Matcher m = Pattern.compile(regex).matcher(report);
        assertTrue(m.find(), "no headline in\n" + report);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /**
     * Regression floors. PolNeAR's are issue #3's bar (dev content F1 0.70, attribution F1 0.55, with attribution
     * held a little under today's figure); the others sit a little under the figures measured when last raised.
     */
    static final class Floors {
        // measured 2026-12-01: PolNeAR dev attribution 0.610, content 0.704; Reuters-128 typed F1 0.818;
        // MEANTIME typed recall 0.789
        static final double POLNEAR_CONTENT = 0.70;
        static final double POLNEAR_ATTRIBUTION = 0.59;
        static final double REUTERS_TYPED_F1 = 0.80;
        static final double MEANTIME_TYPED_RECALL = 0.77;
    }
}
