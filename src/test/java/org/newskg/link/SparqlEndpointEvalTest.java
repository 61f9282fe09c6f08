package org.newskg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The SPARQL backend against a real Fuseki on port 0 holding ../shared/kb/us-politicians.nt (eval profile). */
@Tag("eval")
class SparqlEndpointEvalTest {

    @Test
    void namesakesAreToldApartByPositionAndDate() {
        DatasetGraph kb = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(kb, "../shared/kb/us-politicians.nt");
        FusekiServer server = FusekiServer.create().port(0).add("/kb", kb).build().start();
        try {
            SparqlCandidateSource src = new SparqlCandidateSource("http://localhost:" + server.getHttpPort() + "/kb/sparql");
            assertTrue(src.search(List.of("Susan M. Collins")).contains("Q22279"));
            assertEquals(Set.of(), src.search(List.of("\"} UNION { ?item ?p ?o } #")));
            List<Candidate> both = src.facts(List.of("Q22279", "Q115806750"));   // Susan Collins, Mike Collins
            assertEquals(2, both.size());
            EntityProfile senator2010 = ScorerTest.person(List.of("Collins"), List.of("Senator"), Set.of(), LocalDate.of(2010, 5, 1));
            EntityProfile rep2024 = ScorerTest.person(List.of("Collins"), List.of("Representative"), Set.of(), LocalDate.of(2024, 5, 1));
            assertEquals("Q22279", decided(senator2010, both));
            assertEquals("Q115806750", decided(rep2024, both));
        } finally {
            server.stop();
        }
    }

    private static String decided(EntityProfile p, List<Candidate> candidates) {
        List<Scorer.Scored> s = candidates.stream().map(c -> new Scorer().score(p, c, Set.of())).filter(x -> x != null).toList();
        Linker.Ranked top = Linker.decide(p, s, Map.of()).get(0);
        assertEquals("auto", top.status(), top::toString);
        return top.qid();
    }
}
