package org.newskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.document.DocumentMetadata;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Extractor;
import org.newskg.extract.Mention;
import org.newskg.extract.Statement;
import org.newskg.rdf.DocumentMapper;
import org.newskg.store.Store;

/**
 * Every statement and mention names the rule that produced it, from the analysis through nkg:rule in a real
 * TDB2 store to the rule column of the canned queries, so that a wrong row leads to its rule.
 */
class RuleNamesTest {

    /** Our own short article: an "according to", a that-clause, a bracketed acronym and a pronoun. */
    static final String ARTICLE = """
            Ferry link to reopen in spring

            The Ministry of Transport (MoT) said on Monday that the island ferry would sail again in April.
            According to the harbour board, repairs to the quay will cost two million euros.
            Port director Ines Lund stressed that the timetable was tight. She added that crews were ready.
            """;

    @TempDir
    static Path dir;
    static Store store;
    static Analysis analysis;
    static final CannedQueries QUERIES = CannedQueries.fromClasspath();

    @BeforeAll
    static void load() {
        analysis = new Extractor().analyze(new SourceDocument("news/ferry.txt", ARTICLE, DocumentMetadata.NONE));
        List<Quad> quads = new ArrayList<>();
        new DocumentMapper().map(analysis, new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        });
        store = Store.open(dir.resolve("db"));
        Node graph = quads.get(0).getGraph();
        store.replaceDocument(graph, quads);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Statement statementWithCue(String lemma) {
        return analysis.statements().stream().filter(s -> lemma.equals(s.cueLemma())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement with cue " + lemma + " in " + analysis.statements()));
    }

    @Test
    void eachStatementNamesItsRuleFamily() {
        assertFalse(analysis.statements().isEmpty());
        analysis.statements().forEach(s -> assertNotNull(s.rule(), () -> "no rule: " + s));
        assertEquals("AccordingTo", statementWithCue("according to").rule());
        assertEquals("VerbCue", statementWithCue("stress").rule());
    }

    @Test
    void eachMentionNamesItsPass() {
        analysis.mentions().forEach(m -> assertNotNull(m.rule(), () -> "no rule: " + m));
        Mention mot = analysis.mentions().stream().filter(m -> m.surface().equals("MoT")).findFirst().orElseThrow();
        assertEquals("AcronymAfterName", mot.rule());
        Mention she = analysis.mentions().stream().filter(m -> m.surface().equals("She")).findFirst().orElseThrow();
        assertEquals("Pronouns", she.rule());
        Mention lund = analysis.mentions().stream().filter(m -> m.surface().equals("Ines Lund")).findFirst().orElseThrow();
        assertEquals("Names", lund.rule());
    }

    @Test
    void theCannedQueriesEndWithTheRuleColumn() {
        List<Map<String, String>> said = Rows.of(QUERIES.select("who-said-what", Map.of(), store.dataset()));
        assertEquals(analysis.statements().size(), said.size());
        Map<String, String> according = said.stream().filter(r -> "according to".equals(r.get("cue"))).findFirst().orElseThrow();
        assertEquals("AccordingTo", according.get("rule"));
        assertTrue(said.stream().allMatch(r -> r.get("rule") != null && !r.get("rule").isEmpty()), said::toString);

        List<Map<String, String>> mentions = Rows.of(QUERIES.select("mentions", Map.of("kinds", "all"), store.dataset()));
        Map<String, String> mot = mentions.stream().filter(r -> "MoT".equals(r.get("surface"))).findFirst().orElseThrow();
        assertEquals("AcronymAfterName", mot.get("rule"));

        List<Map<String, String>> prov = Rows.of(QUERIES.select("provenance", Map.of("iri", according.get("id")), store.dataset()));
        assertEquals(1, prov.size());
        assertEquals("AccordingTo", prov.get(0).get("rule"));
    }
}
