package org.newskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.document.DocumentReader;
import org.newskg.extract.Extractor;
import org.newskg.rdf.ExtractionRun;
import org.newskg.rdf.NKG;
import org.newskg.store.Loader;
import org.newskg.store.Store;

/**
 * The paged plan ({@link DocumentPager}) gives the rows ARQ gives for the query as written with the same
 * OFFSET and LIMIT. The store is real (TDB2 in a temp folder) and built by the real pipeline from our own
 * examples, plus copies of their graphs that make the order hard: a copy with the same source as its original
 * (documents with one source, sorted by IRI), and one with no source at all (sorted first).
 *
 * <p>Rows that tie on every sort key may come in any order (SPARQL leaves it open), so a page is compared by its
 * sequence of sort keys, and by its rows as a multiset within each key; at the edges of a page, where ARQ may
 * cut a tie group anywhere, the page's rows must be among the tied rows.
 */
class DocumentPagerTest {

    @TempDir
    static Path dir;
    static Store store;
    static final CannedQueries QUERIES = CannedQueries.fromClasspath();
    static final List<long[]> PAGES = List.of(new long[] {0, 1}, new long[] {0, 5}, new long[] {3, 7},
            new long[] {0, 100}, new long[] {17, 40}, new long[] {10, 100000}, new long[] {100000, 10}, new long[] {0, 0});

    @BeforeAll
    static void build() {
        store = Store.open(dir.resolve("db"));
        try (Loader loader = new Loader(store, 1)) {
            new ExtractionRun(new Extractor(), 2).run(new DocumentReader(),
                    List.of(Path.of(System.getProperty("newskg.projectDir", "."), "examples", "news").toString()),
                    g -> loader.load(g.name(), g.quads()), p -> { });
        }
        DatasetGraph dsg = store.dataset();
        List<Node> docs = Txn.calculateRead(dsg, () -> Iter.toList(dsg.listGraphNodes()));
        assertTrue(docs.size() >= 8, "documents: " + docs.size());
        // a copy that keeps its original's source, and a copy with none
        store.replaceDocument(copyName(docs.get(0), "same-source"), copy(dsg, docs.get(0), "same-source", false));
        store.replaceDocument(copyName(docs.get(1), "no-source"), copy(dsg, docs.get(1), "no-source", true));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Node copyName(Node doc, String suffix) {
        return NodeFactory.createURI(doc.getURI() + "-" + suffix);
    }

    private static List<Quad> copy(DatasetGraph dsg, Node doc, String suffix, boolean dropSource) {
        Node name = copyName(doc, suffix);
        return Txn.calculateRead(dsg, () -> Iter.toList(dsg.find(doc, Node.ANY, Node.ANY, Node.ANY)).stream()
                .filter(q -> !(dropSource && q.getSubject().equals(doc) && q.getPredicate().equals(NKG.source.asNode())))
                .map(q -> Quad.create(name, q.getSubject().equals(doc) ? name : q.getSubject(), q.getPredicate(), q.getObject()))
                .toList());
    }

    @Test
    void whoSaidWhatPagesAreTheQuerysOwnPages() {
        comparePages("who-said-what", Map.of());
    }

    @Test
    void mentionsAndEventsPagesAreTheQuerysOwnPages() {
        comparePages("mentions", Map.of());
        comparePages("events", Map.of());
    }

    @Test
    void statementsByPagesAreTheQuerysOwnPagesForEveryKindOfSpeakerParameter() {
        List<Binding> speakers = plain("who-said-what", Map.of(), 0, -1);
        Node someSpeaker = speakers.stream().map(b -> b.get(Var.alloc("speaker"))).filter(n -> n != null).findFirst().orElseThrow();
        String label = speakers.stream().filter(b -> someSpeaker.equals(b.get(Var.alloc("speaker"))))
                .map(b -> b.get(Var.alloc("speaker_label"))).filter(n -> n != null).findFirst().orElseThrow().getLiteralLexicalForm();
        String surname = label.substring(label.lastIndexOf(' ') + 1);
        List<String> params = new ArrayList<>(List.of(label, label.toUpperCase(), surname.toLowerCase(),
                surname.substring(1, Math.min(surname.length(), 4)), someSpeaker.getURI(), "e", "no such speaker at all",
                NKG.ID + "person/nobody"));
        params.addAll(CannedQueriesTest.HOSTILE);
        int nonEmpty = 0;
        for (String p : params) {
            Map<String, String> param = Map.of("speaker", p);
            nonEmpty += plain("statements-by", param, 0, -1).isEmpty() ? 0 : 1;
            comparePages("statements-by", param);
        }
        assertTrue(nonEmpty >= 5, "speaker parameters with rows: " + nonEmpty);
        assertTrue(DocumentPager.nameLookup(QUERIES.get("statements-by").query(),
                List.of(Var.alloc("speakerParam"))).isPresent(), "the name lookup of statements-by is recognised");
    }

    @Test
    void aWriteIsSeenByTheNextPage() {
        Node doc = NodeFactory.createURI(NKG.ID + "pager-late-document");
        long before = QUERIES.count("who-said-what", Map.of(), store.dataset(), 100000);
        DatasetGraph dsg = store.dataset();
        Node original = Txn.calculateRead(dsg, () -> Iter.toList(dsg.listGraphNodes())).get(2);
        store.replaceDocument(doc, Txn.calculateRead(dsg, () -> Iter.toList(dsg.find(original, Node.ANY, Node.ANY, Node.ANY))
                .stream().map(q -> Quad.create(doc, q.getSubject().equals(original) ? doc : q.getSubject(), q.getPredicate(), q.getObject()))
                .toList()));
        try {
            long after = QUERIES.count("who-said-what", Map.of(), store.dataset(), 100000);
            long statements = plain("who-said-what", Map.of(), 0, -1).stream()
                    .filter(b -> doc.equals(b.get(Var.alloc("document")))).count();
            assertTrue(statements > 0, "the late document has statements");
            assertEquals(before + statements, after, "the page after the write counts the new document's rows");
            comparePages("who-said-what", Map.of());
        } finally {
            Txn.executeWrite(dsg, () -> dsg.deleteAny(doc, Node.ANY, Node.ANY, Node.ANY));
        }
        assertEquals(before, QUERIES.count("who-said-what", Map.of(), store.dataset(), 100000), "and so is its removal");
    }

    @Test
    void queriesNotSortedByDocumentAreNotPaged() {
        for (String name : List.of("entities", "roles", "where-said", "speaker-positions", "role-conflicts")) {
            assertFalse(DocumentPager.pageable(QUERIES.get(name).query()), name);
        }
        for (String name : List.of("who-said-what", "statements-by", "mentions", "events")) {
            assertTrue(DocumentPager.pageable(QUERIES.get(name).query()), name);
        }
    }

    /** Compares every page of {@link #PAGES} of the paged plan with ARQ's answer to the query as written. */
    private static void comparePages(String name, Map<String, String> params) {
        List<Binding> all = plain(name, params, 0, -1);
        Query query = QUERIES.get(name).query();
        for (long[] page : PAGES) {
            long offset = page[0];
            long limit = page[1];
            List<Binding> paged = paged(name, params, offset, limit);
            List<Binding> expected = plain(name, params, offset, limit);
            String what = name + " " + params + " OFFSET " + offset + " LIMIT " + limit;
            assertEquals(expected.size(), paged.size(), what + ": rows\nexpected " + expected + "\npaged    " + paged);
            assertEquals(keys(query, expected), keys(query, paged), what + ": sort keys in order");
            Map<List<Node>, List<Binding>> byKeyAll = group(query, all);
            Map<List<Node>, List<Binding>> byKeyPage = group(query, paged);
            for (Map.Entry<List<Node>, List<Binding>> e : byKeyPage.entrySet()) {
                List<Binding> tied = new ArrayList<>(byKeyAll.get(e.getKey()));
                for (Binding row : e.getValue()) {
                    assertTrue(tied.remove(row), what + ": row " + row + " is not among the query's rows with its keys");
                }
            }
        }
        // the whole answer, and from an offset on (the plain plan, or the name lookup answered without paging)
        for (long offset : new long[] {0, 3}) {
            List<Binding> rest = paged(name, params, offset, -1);
            List<Binding> expected = all.subList((int) Math.min(offset, all.size()), all.size());
            assertEquals(keys(query, expected), keys(query, rest), name + " " + params + " OFFSET " + offset + ": every row");
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(rest), name + " " + params + " OFFSET " + offset);
        }
    }

    private static List<Binding> paged(String name, Map<String, String> params, long offset, long limit) {
        return Iter.toList(QUERIES.select(name, params, store.dataset(), new CannedQueries.Page(offset, limit)));
    }

    /** ARQ's rows for the query as written, with OFFSET and LIMIT. */
    private static List<Binding> plain(String name, Map<String, String> params, long offset, long limit) {
        if (limit == 0) {
            return List.of();    // by definition; ARQ 5.6.0 fails on LIMIT 0 over a hash join (NullPointerException in close)
        }
        CannedQuery canned = QUERIES.get(name);
        Query q = canned.query().cloneQuery();
        if (limit >= 0) {
            q.setLimit(limit);
        }
        if (offset > 0) {
            q.setOffset(offset);
        }
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).set(TDB2.symUnionDefaultGraph, true).query(q)
                    .substitution(canned.bind(params)).build()) {
                return Iter.toList(Iter.map(exec.select(), org.apache.jena.sparql.engine.binding.BindingFactory::copy));
            }
        });
    }

    private static List<List<Node>> keys(Query query, List<Binding> rows) {
        return rows.stream().map(r -> key(query, r)).toList();
    }

    private static List<Node> key(Query query, Binding row) {
        List<Node> key = new ArrayList<>();
        for (SortCondition c : query.getOrderBy()) {
            key.add(c.getExpression().isVariable() ? row.get(c.getExpression().asVar()) : null);
        }
        return key;
    }

    private static Map<List<Node>, List<Binding>> group(Query query, List<Binding> rows) {
        Map<List<Node>, List<Binding>> groups = new LinkedHashMap<>();
        for (Binding r : rows) {
            groups.computeIfAbsent(key(query, r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }
}
