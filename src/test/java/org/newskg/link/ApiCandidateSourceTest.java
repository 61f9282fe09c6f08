package org.newskg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The API backend against a real HTTP server on loopback that answers in the formats of Wikidata's
 * wbsearchentities and wbgetentities (written from the API documentation), including 429 with Retry-After,
 * a malformed body and a timeout; and, through {@link LoopbackWikidataApi}, the P279 class tree read level by level.
 */
class ApiCandidateSourceTest {

    static final String SEARCH = """
            {"searchinfo":{"search":"Maren Quist"},"search":[{"id":"Q901","title":"Q901","pageid":901,
             "concepturi":"http://www.wikidata.org/entity/Q901","url":"//www.wikidata.org/wiki/Q901",
             "label":"Maren Quist","description":"American politician","match":{"type":"label","language":"en","text":"Maren Quist"}}],
             "success":1}""";
    static final String ENTITIES = """
            {"entities":{"Q901":{"type":"item","id":"Q901","labels":{"en":{"language":"en","value":"Maren Quist"}},
              "aliases":{"en":[{"language":"en","value":"Maren A. Quist"}]},
              "claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":5,"id":"Q5"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],
               "P39":[{"mainsnak":{"snaktype":"value","property":"P39","datavalue":{"value":{"entity-type":"item","numeric-id":4416090,"id":"Q4416090"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},
                 "qualifiers":{"P580":[{"snaktype":"value","property":"P580","datavalue":{"value":{"time":"+2001-01-03T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"}]},
                 "type":"statement","rank":"normal"}]},
              "sitelinks":{"enwiki":{"site":"enwiki","title":"Maren Quist","badges":[]}}}},"success":1}""";
    static final String LABELS = """
            {"entities":{"Q4416090":{"type":"item","id":"Q4416090","labels":{"en":{"language":"en","value":"United States senator"}}},
             "Q5":{"type":"item","id":"Q5","labels":{"en":{"language":"en","value":"human"}}}},"success":1}""";

    @TempDir
    Path tmp;

    @Test
    void politeCachedAndRobust() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        List<String> agents = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/w/api.php", ex -> {
            String q = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            queries.add(q);
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            int n = calls.incrementAndGet();
            if (n == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 429, "Too many requests");
            } else if (q.contains("search=Broken")) {
                send(ex, 200, "{\"search\": [ {\"id\": ");
            } else if (q.contains("search=Slow") && q.contains("language=en&")) {
                try {
                    Thread.sleep(q.contains("slowdone") ? 0 : 2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(ex, 200, "{\"search\":[],\"success\":1}");
            } else if (q.contains("action=wbsearchentities")) {
                send(ex, 200, q.contains("search=Maren Quist") ? SEARCH : "{\"search\":[],\"success\":1}");
            } else if (q.contains("props=labels|descriptions|aliases|claims|sitelinks")) {
                send(ex, 200, ENTITIES);
            } else if (q.contains("props=labels")) {
                send(ex, 200, LABELS);
            } else {
                send(ex, 200, "{\"entities\":{},\"success\":1}");
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
        try {
            URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/w/api.php");
            Path cache = tmp.resolve("cache");
            String ua = "NewsKG-test/1.0 (mailto:test@example.org)";
            ApiCandidateSource src = new ApiCandidateSource(api, cache, ua, false).timeout(Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            Set<String> found = src.search(List.of("Maren Quist"));
            assertTrue(System.nanoTime() - t0 >= 900_000_000L, "Retry-After: 1 was not honoured");
            assertEquals(Set.of("Q901"), found);
            List<Candidate> facts = src.facts(found);
            assertEquals(1, facts.size());
            Candidate c = facts.get(0);
            assertTrue(c.classes().contains("Q5"), c.toString());
            assertEquals("United States senator", c.positions().get(0).label());
            assertEquals(java.time.LocalDate.of(2001, 1, 3), c.positions().get(0).start());
            assertEquals(1, c.sitelinks());
            assertTrue(queries.stream().allMatch(q -> q.contains("maxlag=5") && q.contains("format=json")), queries.toString());
            assertTrue(agents.stream().allMatch(ua::equals), agents.toString());

            // malformed body and timeout: reported, no exception, nothing cached for them
            assertEquals(Set.of(), src.search(List.of("Broken")));
            assertTrue(src.problems().stream().anyMatch(p -> p.startsWith("malformed JSON")), src.problems().toString());
            assertEquals(Set.of(), src.search(List.of("Slow")));

            // hostile names are percent-encoded: the server receives the exact text
            String hostile = "a&b=c#d \"}{ ?x" + "z".repeat(500);
            src.search(List.of(hostile));
            assertTrue(queries.stream().anyMatch(q -> q.contains("search=" + hostile + "&")), "name not received intact");

            // a re-run asks nothing twice; offline answers from the cache only
            int before = calls.get();
            ApiCandidateSource again = new ApiCandidateSource(api, cache, ua, true);
            assertEquals(Set.of("Q901"), again.search(List.of("Maren Quist")));
            assertEquals(1, again.facts(Set.of("Q901")).size());
            assertEquals(before, calls.get(), "the cache was not used");
            assertEquals(0, again.requests());
            try (var files = Files.list(cache)) {
                assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "a temporary cache file was left");
            }
        } finally {
            server.stop(0);
        }
    }

    /** A place profile, for asking the scorer what it makes of a candidate's classes. */
    static EntityProfile place(String name) {
        return new EntityProfile("https://w3id.org/newskg/id/place/x", name, "Place", List.of(name), List.of(), List.of(),
                Set.of(), Set.of(), Set.of("d1"));
    }

    @Test
    void typeFollowsSubclassOfTransitivelyFetchingEachClassOnceAndCaching() throws Exception {
        try (LoopbackWikidataApi wd = new LoopbackWikidataApi()) {
            // town -> river port town -> port settlement -> human settlement -> geographic location -> (cycle) port settlement
            wd.item("Q9201", "Tallbrook", "town in Norvia", List.of("Q9100001"), List.of())
                    .item("Q9202", "Ada Kessel", "Norvian engineer", List.of("Q5"), List.of())
                    .cls("Q5", "human", "Q215627").cls("Q215627", "person")
                    .cls("Q9100001", "river port town", "Q9100002").cls("Q9100002", "port settlement", "Q486972")
                    .cls("Q486972", "human settlement", "Q2221906").cls("Q2221906", "geographic location", "Q9100002");
            Path cache = tmp.resolve("cache");
            ApiCandidateSource src = new ApiCandidateSource(wd.api(), cache, "NewsKG-test/1.0 (t@example.org)", false);
            Map<String, Candidate> facts = byQid(src.facts(List.of("Q9201", "Q9202")));

            Candidate town = facts.get("Q9201");
            assertEquals(Set.of("Q486972", "Q2221906"), town.classes());    // reached three and four P279 steps up
            assertEquals(1.0, Scorer.type(place("Tallbrook"), town));
            assertEquals("town in Norvia", town.description());
            assertEquals(Set.of("Q5"), facts.get("Q9202").classes());
            assertNull(Scorer.type(place("Ada Kessel"), facts.get("Q9202")));
            // one level per request, several ids in one, and the cycle back to Q9100002 fetched nothing again
            assertEquals(List.of("Q5|Q9100001", "Q215627|Q9100002", "Q486972", "Q2221906"), wd.ids("claims"));
            assertEquals(6, src.requests(), wd.requests().toString());  // + the candidates and the labels
            assertEquals(6, wd.requests().size());

            int before = wd.requests().size();
            ApiCandidateSource again = new ApiCandidateSource(wd.api(), cache, "NewsKG-test/1.0 (t@example.org)", false);
            assertEquals(Set.of("Q486972", "Q2221906"), byQid(again.facts(List.of("Q9201", "Q9202"))).get("Q9201").classes());
            assertEquals(0, again.requests());
            assertEquals(before, wd.requests().size(), "the cache was not used");
        }
    }

    @Test
    void subclassStepsAreBoundedAndRequestsHoldAtMostFiftyIds() throws Exception {
        try (LoopbackWikidataApi wd = new LoopbackWikidataApi()) {
            // near: its class reaches human settlement in exactly MAX_SUBCLASS_DEPTH steps; far: in one more
            chain(wd, "Q93000", ApiCandidateSource.MAX_SUBCLASS_DEPTH);
            chain(wd, "Q94000", ApiCandidateSource.MAX_SUBCLASS_DEPTH + 1);
            List<String> many = new java.util.ArrayList<>(List.of("Q930000"));
            for (int i = 1; i <= 55; i++) {
                many.add("Q95" + String.format("%04d", i));
            }
            wd.item("Q9301", "Near", "", many, List.of()).item("Q9401", "Far", "", List.of("Q940000"), List.of());
            ApiCandidateSource src = new ApiCandidateSource(wd.api(), tmp.resolve("cache"), "NewsKG-test/1.0 (t@example.org)", false);
            Map<String, Candidate> facts = byQid(src.facts(List.of("Q9301", "Q9401")));

            assertEquals(Set.of("Q486972"), facts.get("Q9301").classes());
            assertEquals(Set.of(), facts.get("Q9401").classes());
            List<String> levels = wd.ids("claims");
            assertTrue(levels.stream().allMatch(ids -> ids.split("\\|").length <= 50), levels.toString());
            assertEquals(57, levels.get(0).split("\\|").length + levels.get(1).split("\\|").length, levels.toString());
            assertEquals(2 + ApiCandidateSource.MAX_SUBCLASS_DEPTH - 1, levels.size(), levels.toString());
        }
    }

    /** Classes {@code prefix}0 .. {@code prefix}(steps-1), each a subclass of the next, the last of human settlement. */
    static void chain(LoopbackWikidataApi wd, String prefix, int steps) {
        for (int i = 0; i < steps; i++) {
            wd.cls(prefix + i, "class " + prefix + i, i + 1 < steps ? prefix + (i + 1) : "Q486972");
        }
        wd.cls("Q486972", "human settlement");
    }

    static Map<String, Candidate> byQid(List<Candidate> candidates) {
        Map<String, Candidate> out = new java.util.LinkedHashMap<>();
        candidates.forEach(c -> out.put(c.qid(), c));
        return out;
    }

    @Test
    void aDamagedCacheEntryIsAMissNotACrash() throws Exception {
        Path cache = tmp.resolve("c2");
        Files.createDirectories(cache);
        ApiCandidateSource src = new ApiCandidateSource(URI.create("http://127.0.0.1:9/w/api.php"), cache, "NewsKG-test/1.0 (t@example.org)", true);
        URI url = src.url(java.util.Map.of("action", "wbsearchentities", "search", "X", "language", "en", "uselang", "en",
                "type", "item", "limit", "10"));
        // what a crash in the middle of a non-atomic write would leave
        Files.writeString(cache.resolve(sha(url.toString()) + ".json"), "{\"search\": [", StandardCharsets.UTF_8);
        assertEquals(Set.of(), src.search(List.of("X")));
        assertTrue(src.problems().stream().anyMatch(p -> p.startsWith("offline")), src.problems().toString());
    }

    static String sha(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static void send(HttpExchange ex, int code, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        try (var out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
