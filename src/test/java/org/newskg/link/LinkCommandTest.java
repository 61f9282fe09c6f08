package org.newskg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli;

/**
 * {@code newskg link} end to end through the CLI, on articles written here: {@code --kb} with a Wikidata-shaped KB,
 * and {@code --api} against {@link LoopbackWikidataApi} on loopback.
 */
class LinkCommandTest {

    static final String KB = """
            @prefix wd: <http://www.wikidata.org/entity/> . @prefix wdt: <http://www.wikidata.org/prop/direct/> .
            @prefix p: <http://www.wikidata.org/prop/> . @prefix ps: <http://www.wikidata.org/prop/statement/> .
            @prefix pq: <http://www.wikidata.org/prop/qualifier/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix schema: <http://schema.org/> .
            wd:Q901 rdfs:label "Maren Quist"@en ; wdt:P31 wd:Q5 ; p:P39 [ ps:P39 wd:Q4416090 ; pq:P580 "2001-01-03T00:00:00Z"^^xsd:dateTime ; pq:P582 "2011-01-03T00:00:00Z"^^xsd:dateTime ] .
            wd:Q902 rdfs:label "Harlan Quist"@en ; wdt:P31 wd:Q5 ; p:P39 [ ps:P39 wd:Q13218630 ; pq:P580 "2019-01-03T00:00:00Z"^^xsd:dateTime ] .
            wd:Q4416090 rdfs:label "United States senator"@en .
            wd:Q13218630 rdfs:label "member of the United States House of Representatives"@en .
            wd:Q903 rdfs:label "Ostrava Harbour Authority"@en ; skos:altLabel "OHA"@en ; wdt:P31 wd:Q43229 .
            wd:Q904 rdfs:label "Tobias Brenn"@en ; schema:description "Danish rower"@en ; wdt:P31 wd:Q5 .
            wd:Q905 rdfs:label "Tobias Brenn"@en ; schema:description "German trade negotiator"@en, "deutscher Unterhändler"@de ;
                wdt:P31 wd:Q5 .
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
        Map<String, Map<String, String>> rows = reviewRows(review);
        assertEquals("Person", rows.get("Q905").get("type"), rows::toString);
        assertEquals("Tobias Brenn", rows.get("Q905").get("candidate_label"), rows::toString);
        assertEquals("German trade negotiator", rows.get("Q905").get("candidate_description"), rows::toString);
        assertEquals("Danish rower", rows.get("Q904").get("candidate_description"), rows::toString);
        String oha = lines.stream().filter(l -> l.contains("Q903")).findFirst().orElse(null);
        assertEquals(null, oha, "auto links are not pending");
        // a person accepts Q905 in the file as written
        Files.writeString(review, lines.get(0) + "\n" + row + "accept\n");
        Cli.Run a = Cli.newskg("link", "--db", db.toString(), "--apply", review.toString());
        assertEquals(0, a.code(), a::toString);
        // and rejects the auto link of the organisation in a file of the earlier layout, without candidate_description
        Path old = tmp.resolve("review-v1.csv");
        Files.writeString(old, "entity,label,type,qid,candidate_label,score,features,status,context,decision\n"
                + iri(db, "Ostrava Harbour Authority") + ",,,Q903,,,,,,reject\n");
        Cli.Run b = Cli.newskg("link", "--db", db.toString(), "--apply", old.toString());
        assertEquals(0, b.code(), b::toString);
        assertTrue(b.out().contains("1 decisions recorded"), b::toString);
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
    void linksThroughTheWikidataApiEndToEnd() throws Exception {
        Path db = build(article("2024-03-04", "Mayor Ilse Varnhout said on Monday that the ferry terminal in the town of Korsvik "
                + "would open in May. Varnhout thanked the Korsvik Ferry Company for its patience."));
        try (LoopbackWikidataApi wd = new LoopbackWikidataApi()) {
            wd.item("Q9502", "Korsvik", "port town in Norvia", List.of("Q9100001"), List.of())
                    .cls("Q9100001", "river port town", "Q9100002").cls("Q9100002", "port settlement", "Q486972")
                    .cls("Q486972", "human settlement", "Q2221906").cls("Q2221906", "geographic location")
                    .item("Q9503", "Korsvik Ferry Company", "ferry operator in Norvia", List.of("Q9100010"), List.of())
                    .cls("Q9100010", "ferry operator", "Q4830453").cls("Q4830453", "business")
                    .item("Q9504", "Ilse Varnhout", "Norvian politician", List.of("Q5"), List.of())
                    .item("Q9505", "Ilse Varnhout", "Norvian cyclist", List.of("Q5"), List.of()).cls("Q5", "human")
                    .search("Korsvik", "Q9502").search("Korsvik Ferry Company", "Q9503")
                    .search("Ilse Varnhout", "Q9504", "Q9505");
            Path cache = tmp.resolve("wikidata-cache");
            Cli.Run link = Cli.newskg("link", "--db", db.toString(), "--api", wd.api().toString(), "--cache", cache.toString(),
                    "--user-agent", "NewsKG-test/1.0 (t@example.org)");
            assertEquals(0, link.code(), link::toString);
            assertTrue(wd.requests().stream().anyMatch(r -> "wbsearchentities".equals(r.get("action"))), "no search was sent");

            Map<String, String> w = wikidata(db);
            assertEquals("Q9502", w.get("Korsvik"), w::toString);     // a place only through three P279 steps
            assertEquals("Q9503", w.get("Korsvik Ferry Company"), w::toString);
            assertEquals("", w.get("Ilse Varnhout"), w::toString);   // two namesakes: left for review
            assertEquals(Set.of("Q9502", "Q9503"), exactMatches(db), "skos:exactMatch in the links graph");

            Path review = tmp.resolve("api-review.csv");
            assertEquals(0, Cli.newskg("link", "--db", db.toString(), "--review", review.toString()).code());
            Map<String, Map<String, String>> rows = reviewRows(review);
            assertEquals("Person", rows.get("Q9505").get("type"), rows::toString);
            assertEquals("Ilse Varnhout", rows.get("Q9505").get("candidate_label"), rows::toString);
            assertEquals("Norvian cyclist", rows.get("Q9505").get("candidate_description"), rows::toString);
            assertEquals("Norvian politician", rows.get("Q9504").get("candidate_description"), rows::toString);

            // offline, a second run is answered by the cache alone and links the same
            int sent = wd.requests().size();
            Cli.Run offline = Cli.newskg("link", "--db", db.toString(), "--api", wd.api().toString(), "--cache", cache.toString(),
                    "--user-agent", "NewsKG-test/1.0 (t@example.org)", "--offline");
            assertEquals(0, offline.code(), offline::toString);
            assertEquals(sent, wd.requests().size(), "the offline run asked the server");
            assertEquals(w, wikidata(db));
        }
    }

    /** The Wikidata QIDs that some entity of the store is {@code skos:exactMatch} to. */
    static Set<String> exactMatches(Path db) {
        try (org.newskg.store.Store store = org.newskg.store.Store.open(db)) {
            return org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> {
                Set<String> out = new java.util.TreeSet<>();
                store.dataset().find(LinkGraph.LINKS, org.apache.jena.graph.Node.ANY, LinkGraph.LINK, org.apache.jena.graph.Node.ANY)
                        .forEachRemaining(q -> out.add(Wikidata.qidOf(q.getObject().getURI())));
                return out;
            });
        }
    }

    /** The rows of a review CSV by QID, each keyed by the header's column names. */
    static Map<String, Map<String, String>> reviewRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Review.parse(lines.get(0));
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Review.parse(line);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            out.put(row.get("qid"), row);
        }
        return out;
    }

    @Test
    void hostileNamesNeitherBreakNorInject() throws Exception {
        Path db = build(article("2005-06-01",
                "Maren \\\"} UNION { ?x ?y ?z } # Quist said the plan was sound. " + "Zed".repeat(2000) + " Quist spoke."));
        Cli.Run link = Cli.newskg("link", "--db", db.toString(), "--kb", tmp.resolve("kb.ttl").toString());
        assertEquals(0, link.code(), link::toString);
    }
}
