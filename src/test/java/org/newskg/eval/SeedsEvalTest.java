package org.newskg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli;

/**
 * The five seed articles in {@code ../shared/seeds}: each must yield statements and entities,
 * and every span the store reports must point at exactly the characters it quotes. Checks are
 * general properties, never an expected answer for a particular article.
 */
@Tag("eval")
class SeedsEvalTest {

    static final Path SEEDS = Path.of("../shared/seeds");

    @TempDir
    static Path tmp;
    static List<Map<String, String>> statements;
    static List<Map<String, String>> mentions;
    static List<Map<String, String>> roles;
    static List<Map<String, String>> entities;
    static List<Map<String, String>> conflicts;

    @BeforeAll
    static void build() throws IOException {
        Path db = tmp.resolve("seeds-db");
        Cli.Run r = Cli.newskg("build", SEEDS.toString(), "--db", db.toString());
        assertEquals(0, r.code(), r::toString);
        statements = Cli.csv(Cli.newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv"));
        mentions = Cli.csv(Cli.newskg("query", "mentions", "--db", db.toString(), "--format", "csv"));
        roles = Cli.csv(Cli.newskg("query", "roles", "--db", db.toString(), "--format", "csv"));
        entities = Cli.csv(Cli.newskg("query", "entities", "--db", db.toString(), "--format", "csv"));
        conflicts = Cli.csv(Cli.newskg("query", "role-conflicts", "--db", db.toString(), "--format", "csv"));
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(SEEDS)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void everyArticleYieldsStatementsAndEntities() throws IOException {
        for (Path seed : seeds()) {
            String name = seed.getFileName().toString();
            long st = statements.stream().filter(r -> r.get("source").endsWith(name)).count();
            long me = mentions.stream().filter(r -> r.get("source").endsWith(name)).count();
            System.out.printf("%s: %d statements, %d mentions%n", name, st, me);
            assertTrue(st > 0, "no statements from " + name);
            assertTrue(me > 0, "no mentions from " + name);
        }
    }

    @Test
    void spansPointAtTheCharactersTheyQuote() throws IOException {
        Map<String, int[]> texts = new HashMap<>();
        for (Path seed : seeds()) {
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            texts.put(seed.getFileName().toString(), text.codePoints().toArray());
        }
        for (Map<String, String> row : statements) {
            int[] cps = texts.get(Path.of(row.get("source")).getFileName().toString());
            int b = Integer.parseInt(row.get("begin"));
            int e = Integer.parseInt(row.get("end"));
            assertEquals(new String(cps, b, e - b), row.get("statement"), () -> "content span of " + row);
            int cb = Integer.parseInt(row.get("cue_begin"));
            int ce = Integer.parseInt(row.get("cue_end"));
            assertTrue(ce > cb, () -> "empty cue in " + row);
        }
        for (Map<String, String> row : mentions) {
            int[] cps = texts.get(Path.of(row.get("source")).getFileName().toString());
            int b = Integer.parseInt(row.get("begin"));
            int e = Integer.parseInt(row.get("end"));
            assertEquals(new String(cps, b, e - b), row.get("surface"), () -> "mention span of " + row);
        }
    }

    @Test
    void mostStatementsHaveAResolvedSpeakerAndSomeAVenue() {
        long resolved = statements.stream().filter(r -> !r.get("speaker").isEmpty()).count();
        long withVenue = statements.stream().filter(r -> !r.get("venue").isEmpty()).count();
        System.out.printf("seeds: %d statements, %d with a resolved speaker, %d with a venue, %d role claims%n",
                statements.size(), resolved, withVenue, roles.size());
        assertTrue(resolved * 2 > statements.size(), "fewer than half the statements have a speaker");
        assertTrue(withVenue > 0, "no statement is tied to a venue");
        assertTrue(!roles.isEmpty(), "no role claims");
    }

    @Test
    void furnitureNeverBecomesAFact() throws IOException {
        for (Path seed : seeds()) {
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            int marker = text.indexOf("Previous Article");
            if (marker < 0) {
                continue;
            }
            int cpMarker = text.codePointCount(0, marker);
            String name = seed.getFileName().toString();
            for (Map<String, String> row : mentions) {
                if (row.get("source").endsWith(name)) {
                    assertTrue(Integer.parseInt(row.get("begin")) < cpMarker, () -> "mention in page furniture: " + row);
                }
            }
        }
    }

    /**
     * The seeds were collected around one official whom every article quotes, under several spellings of his
     * given name and several titles: the person most documents mention must be one node found in all of them,
     * carrying more than one spelling, with the differing titles listed as role conflicts from several sources.
     */
    @Test
    void thePersonEveryArticleQuotesIsOneNodeWithAllSpellingsAndTitles() throws IOException {
        int seedCount = seeds().size();
        Map<String, String> top = entities.stream().filter(r -> r.get("type").equals("Person"))
                .max(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.get("documents")))).orElseThrow();
        System.out.println("most-mentioned person: " + top);
        assertEquals(seedCount, Integer.parseInt(top.get("documents")), () -> "not one node across all seeds: " + top);
        long fullNames = java.util.Arrays.stream(top.get("aliases").split("\\|")).filter(a -> a.contains(" ")).count();
        assertTrue(fullNames >= 2, () -> "one spelling only: " + top);
        List<Map<String, String>> his = conflicts.stream().filter(r -> r.get("person").equals(top.get("entity"))).toList();
        long titles = his.stream().map(r -> r.get("title").toLowerCase(java.util.Locale.ROOT)).distinct().count();
        long sources = his.stream().map(r -> r.get("source")).distinct().count();
        assertTrue(titles >= 3 && sources >= 3, () -> "role conflicts: " + his);
    }

    /** Merging never joins two different people: the full names on one person node share their surname. */
    @Test
    void noPersonNodeJoinsTwoSurnames() {
        for (Map<String, String> e : entities) {
            if (!e.get("type").equals("Person")) {
                continue;
            }
            java.util.Set<String> surnames = new java.util.TreeSet<>();
            for (String alias : e.get("aliases").split("\\|")) {
                String[] words = alias.trim().split("\\s+");
                if (words.length >= 2) {
                    surnames.add(words[words.length - 1].toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertTrue(surnames.size() <= 1, () -> "one node for different people: " + e);
        }
    }
}
