package org.newskg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli;

/** {@code newskg link --kb} end to end through the CLI, on articles and a Wikidata-shaped KB written here. */
class LinkCommandTest {

    static final String KB = """
            @prefix wd: <http://www.wikidata.org/entity/> . @prefix wdt: <http://www.wikidata.org/prop/direct/> .
            @prefix p: <http://www.wikidata.org/prop/> . @prefix ps: <http://www.wikidata.org/prop/statement/> .
            @prefix pq: <http://www.wikidata.org/prop/qualifier/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            wd:Q901 rdfs:label "Maren Quist"@en ; wdt:P31 wd:Q5 ; p:P39 [ ps:P39 wd:Q4416090 ; pq:P580 "2001-01-03T00:00:00Z"^^xsd:dateTime ; pq:P582 "2011-01-03T00:00:00Z"^^xsd:dateTime ] .
            wd:Q902 rdfs:label "Harlan Quist"@en ; wdt:P31 wd:Q5 ; p:P39 [ ps:P39 wd:Q13218630 ; pq:P580 "2019-01-03T00:00:00Z"^^xsd:dateTime ] .
            wd:Q4416090 rdfs:label "United States senator"@en .
            wd:Q13218630 rdfs:label "member of the United States House of Representatives"@en .
            wd:Q903 rdfs:label "Ostrava Harbour Authority"@en ; skos:altLabel "OHA"@en ; wdt:P31 wd:Q43229 .
            wd:Q904 rdfs:label "Tobias Brenn"@en ; wdt:P31 wd:Q5 .
            wd:Q905 rdfs:label "Tobias Brenn"@en ; wdt:P31 wd:Q5 .
            """;

    @TempDir
    Path tmp;

    Path build(String... articles) throws Exception {
        Path in = tmp.resolve("news.jsonl");
        Files.writeString(in, String.join("\n", articles) + "\n", StandardCharsets.UTF_8);
        Path db = tmp.resolve("db");
        Cli.Run b = Cli.newskg("build", in.toString(), "--db", db.toString());
        assertEquals(0, b.code(), b::toString);
        Files.writeString(tmp.resolve("kb.ttl"), KB, StandardCharsets.UTF_8);
        return db;
    }

    static String article(String date, String text) {
        return "{\"date\": \"" + date + "\", \"text\": \"" + text.replace("\"", "\\\"") + "\"}";
    }

    Map<String, String> wikidata(Path db) throws Exception {
        Cli.Run q = Cli.newskg("query", "entities", "--db", db.toString(), "--format", "csv");
        assertEquals(0, q.code(), q::toString);
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, String> r : Cli.csv(q)) {
            out.put(r.get("label"), r.get("wikidata"));
        }
        return out;
    }

    String iri(Path db, String label) throws Exception {
        for (Map<String, String> r : Cli.csv(Cli.newskg("query", "entities", "--db", db.toString(), "--format", "csv"))) {
            if (r.get("label").equals(label)) {
                return r.get("entity");
            }
        }
        throw new AssertionError("no entity " + label);
    }

    @Test
    void linksByPositionAndDateLeavesTiesForReviewAndKeepsDecisionsAcrossRebuilds() throws Exception {
        Path db = build(
                article("2005-06-01", "Senator Quist said on Tuesday that the bill would pass. The Ostrava Harbour Authority disagreed."),
                article("2005-06-02", "Tobias Brenn said the talks had failed."));
        Cli.Run link = Cli.newskg("link", "--db", db.toString(), "--kb", tmp.resolve("kb.ttl").toString());
        assertEquals(0, link.code(), link::toString);
        Map<String, String> w = wikidata(db);
        assertEquals("Q901", w.get("Quist"), w::toString);          // the senator of 2005, not the later representative
        assertEquals("Q903", w.get("Ostrava Harbour Authority"), w::toString);
        assertEquals("", w.get("Tobias Brenn"), w::toString);       // two equal namesakes: no link, review

        Path review = tmp.resolve("review.csv");
        Cli.Run r = Cli.newskg("link", "--db", db.toString(), "--review", review.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = Files.readAllLines(review);
        assertEquals(String.join(",", Review.COLUMNS), lines.get(0));
        String row = lines.stream().filter(l -> l.contains("Q905")).findFirst().orElseThrow(() -> new AssertionError(lines));
        assertTrue(row.contains("Tobias Brenn said the talks had failed."), row);
        // a person accepts Q905 and rejects the auto link of the organisation
        String oha = lines.stream().filter(l -> l.contains("Q903")).findFirst().orElse(null);
        assertEquals(null, oha, "auto links are not pending");
        Files.writeString(review, lines.get(0) + "\n" + row.substring(0, row.length()) + "accept\n"
                + iri(db, "Ostrava Harbour Authority") + ",,,Q903,,,,,,reject\n");
        Cli.Run a = Cli.newskg("link", "--db", db.toString(), "--apply", review.toString());
        assertEquals(0, a.code(), a::toString);
        w = wikidata(db);
        assertEquals("Q905", w.get("Tobias Brenn"), w::toString);
        assertEquals("", w.get("Ostrava Harbour Authority"), w::toString);

        // rebuild the same articles and link again: the decisions override the scorer
        Cli.Run rebuild = Cli.newskg("build", tmp.resolve("news.jsonl").toString(), "--db", db.toString());
        assertEquals(0, rebuild.code(), rebuild::toString);
        Cli.Run again = Cli.newskg("link", "--db", db.toString(), "--kb", tmp.resolve("kb.ttl").toString());
        assertEquals(0, again.code(), again::toString);
        w = wikidata(db);
        assertEquals("Q905", w.get("Tobias Brenn"), w::toString);
        assertEquals("", w.get("Ostrava Harbour Authority"), w::toString);
        assertEquals("Q901", w.get("Quist"), w::toString);
    }

    @Test
    void hostileNamesNeitherBreakNorInject() throws Exception {
        Path db = build(article("2005-06-01",
                "Maren \\\"} UNION { ?x ?y ?z } # Quist said the plan was sound. " + "Zed".repeat(2000) + " Quist spoke."));
        Cli.Run link = Cli.newskg("link", "--db", db.toString(), "--kb", tmp.resolve("kb.ttl").toString());
        assertEquals(0, link.code(), link::toString);
    }
}
