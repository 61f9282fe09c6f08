package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli.Run;

/** The command line driven through picocli with captured output, against a real TDB2 store. */
class CliTest {

    static final String WHO_SAID_WHAT_HEADER = "source,document,speaker,speaker_label,speaker_type,speaker_begin,"
            + "speaker_end,cue,cue_begin,cue_end,statement,begin,end,direct,venue,venue_label,place_label,date";

    @TempDir
    static Path tmp;
    static Path db;

    static Run newskg(String... args) {
        return Cli.newskg(args);
    }

    @BeforeAll
    static void buildExamples() {
        db = tmp.resolve("db");
        Run r = newskg("build", "examples/news", "--db", db.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("loaded 8 documents"), r::toString);
    }

    @Test
    void versionAndHelp() {
        Run v = newskg("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("newskg 0.1.0"), v::toString);
        for (String command : List.of("build", "extract", "serve", "query", "validate", "export")) {
            Run h = newskg(command, "--help");
            assertEquals(0, h.code(), h::toString);
            assertTrue(h.out().contains("Usage: newskg " + command), h::toString);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, newskg("frobnicate").code());
        assertEquals(2, newskg("build").code());
        assertEquals(2, newskg("query", "--db", db.toString()).code());
        assertEquals(2, newskg("query", "no-such-query", "--db", db.toString()).code());
        assertEquals(2, newskg("query", "entities", "--format", "xml", "--db", db.toString()).code());
    }

    @Test
    void queryOnMissingStoreFailsWithoutCreatingIt() {
        Path missing = tmp.resolve("nowhere");
        Run r = newskg("query", "entities", "--db", missing.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("no store at"), r::toString);
        assertTrue(Files.notExists(missing));
    }

    @Test
    void rebuildingReplacesInsteadOfDuplicating() {
        Run before = newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv");
        Run again = newskg("build", "examples/news/02-tv-interview.txt", "--db", db.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("store holds 8 documents"), again::toString);
        Run after = newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv");
        assertEquals(before.out(), after.out());
    }

    @Test
    void whoSaidWhatHasTheContractColumnsAndRows() {
        Run r = newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv");
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().split("\r?\n");
        assertTrue(lines[0].startsWith(WHO_SAID_WHAT_HEADER), r::toString);
        assertTrue(lines.length > 10, "expected statements from 8 example articles\n" + r);
    }

    @Test
    void limitAndOffsetPageTheRows() {
        List<String> all = newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv").out().lines().toList();
        assertTrue(all.size() > 8, "rows: " + all.size());
        Run first = newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv", "--limit", "3");
        assertEquals(0, first.code(), first::toString);
        assertEquals(all.subList(0, 4), first.out().lines().toList(), "the header and the first three rows");
        Run later = newskg("query", "who-said-what", "--db", db.toString(), "--format", "csv", "--offset", "5", "--limit", "2");
        assertEquals(List.of(all.get(0), all.get(6), all.get(7)), later.out().lines().toList(), later::toString);
        Run none = newskg("query", "entities", "--db", db.toString(), "--format", "csv", "--limit", "0");
        assertEquals(1, none.out().lines().count(), none::toString);
        assertEquals(2, newskg("query", "entities", "--db", db.toString(), "--offset", "-1").code());
    }

    @Test
    void benchTimesTheCannedQueriesOnAnExistingStore() {
        Run r = newskg("bench", "--queries-on", db.toString(), "--query-runs", "2");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("| canned query | parameters | rows | first run ms | runs | p50 ms | p95 ms |"), r::toString);
        for (String row : List.of("| who-said-what |  |", "| who-said-what | LIMIT 100 |", "| statements-by | speaker=",
                "| provenance | iri=")) {
            assertTrue(r.out().contains(row), row + "\n" + r);
        }
        assertEquals(2, newskg("bench").code(), "neither CORPUS nor --queries-on");
        assertEquals(1, newskg("bench", "--queries-on", tmp.resolve("no-store").toString()).code());
    }

    @Test
    void hostileParameterIsJustAValue() {
        Run r = newskg("query", "statements-by", "--db", db.toString(), "--format", "csv",
                "--param", "speaker=x\" } ; DROP ALL ; SELECT * { ?s ?p ?o");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, r.out().strip().split("\r?\n").length, "only the header expected\n" + r);
    }

    @Test
    void hostileParametersCannotAlterAnyCannedQuery() {
        // an honest value finds rows, so zero rows below means the value stayed a value
        Run honest = newskg("query", "statements-by", "--db", db.toString(), "--format", "csv", "--param", "speaker=Petrescu");
        assertTrue(honest.out().strip().split("\r?\n").length > 1, honest::toString);
        for (String value : org.newskg.serve.ServerHardeningTest.HOSTILE) {
            for (String param : List.of("statements-by:speaker", "statements-about:entity", "provenance:iri")) {
                String[] q = param.split(":");
                Run r = newskg("query", q[0], "--db", db.toString(), "--format", "csv", "--param", q[1] + "=" + value);
                assertEquals(0, r.code(), r::toString);
                assertEquals(1, r.out().strip().split("\r?\n").length, q[0] + " with " + value + ": only the header expected\n" + r);
            }
        }
    }

    @Test
    void listShowsEveryCannedQuery() {
        Run r = newskg("query", "--list");
        assertEquals(0, r.code(), r::toString);
        for (String q : List.of("who-said-what", "statements-by", "statements-about", "where-said", "roles",
                "role-conflicts", "events", "entities", "mentions", "provenance")) {
            assertTrue(r.out().contains(q + " - "), q + " missing\n" + r);
        }
    }

    @Test
    void badDocumentsAreReportedAndTheRestLoad() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(in.resolve("good.txt"), "The mayor said that the bridge would reopen on Friday.\n");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("broken.txt"), new byte[] {'O', 'k', ' ', (byte) 0xC3, '(', '\n'});
        Path store = tmp.resolve("mixed-db");
        Run r = newskg("build", in.toString(), "--db", store.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("empty.txt"), r::toString);
        assertTrue(r.err().contains("broken.txt") && r.err().contains("byte 3"), r::toString);
        assertTrue(r.err().contains("loaded 1 documents"), r::toString);

        Run strict = newskg("build", in.toString(), "--db", tmp.resolve("strict-db").toString(), "--strict");
        assertEquals(1, strict.code(), strict::toString);
    }

    @Test
    void extractStreamsOneNamedGraphPerDocument() {
        Run r = newskg("extract", "examples/news/01-harbour-talks.txt", "examples/news/03-social-post.txt", "--format", "nquads");
        assertEquals(0, r.code(), r::toString);
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFParser.fromString(r.out(), Lang.NQUADS).parse(ds);
        assertEquals(2, ds.size(), r::toString);
    }

    @Test
    void extractReadsStdin() {
        var saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Officials said the road was closed.\n".getBytes(StandardCharsets.UTF_8)));
            Run r = newskg("extract", "-", "--format", "trig");
            assertEquals(0, r.code(), r::toString);
            DatasetGraph ds = DatasetGraphFactory.create();
            RDFParser.fromString(r.out(), Lang.TRIG).parse(ds);
            assertEquals(1, ds.size(), r::toString);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void theStoreValidatesAgainstTheShapes() {
        Run r = newskg("validate", "--db", db.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("conforms"), r::toString);
    }

    @Test
    void everyCannedQueryRunsInEveryFormat() {
        for (String format : List.of("table", "csv", "tsv", "json")) {
            for (String q : Arrays.asList("who-said-what", "where-said", "roles", "role-conflicts", "events", "entities", "mentions")) {
                Run r = newskg("query", q, "--db", db.toString(), "--format", format);
                assertEquals(0, r.code(), q + " " + format + "\n" + r);
            }
        }
    }
}
