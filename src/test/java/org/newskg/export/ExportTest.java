package org.newskg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Cli;
import org.newskg.store.Store;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every export format of the examples/news store, read back by a real parser: GraphML and GEXF validated against
 * their published XML Schemas (src/test/resources/schema, see SOURCE there) and read again by JGraphT, Neo4j CSV by header and cell types, Cytoscape JSON by structure, JSON-LD parsed to RDF and compared
 * by isomorphism. Each edge must stand for a statement or relation in the store, and no node may be orphaned.
 */
class ExportTest {

    static final String PETRESCU = "https://w3id.org/newskg/id/person/alexandra-petrescu";

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void build() {
        db = tmp.resolve("db");
        Cli.Run r = Cli.newskg("build", "examples/news", "--db", db.toString());
        assertEquals(0, r.code(), r::toString);
    }

    static Path export(String format, String file, String... options) {
        // the CLI opens the store itself, so the tests open it only briefly (one opening per process)
        Path out = tmp.resolve(file);
        List<String> args = new ArrayList<>(List.of("export", "--format", format, "--db", db.toString(), "-o", out.toString()));
        args.addAll(List.of(options));
        Cli.Run r = Cli.newskg(args.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        return out;
    }

    /** An edge as read back from a file: from, to, type. */
    record Link(String source, String target, String type, String date) {
    }

    static Document xml(Path file, String schema) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // by URL, so that the schema's relative imports (xlink.xsd, viz.xsd) resolve beside it, never on the network
        var xsd = sf.newSchema(ExportTest.class.getResource("/schema/" + schema));
        xsd.newValidator().validate(new StreamSource(file.toFile()));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static List<Element> elements(Document d, String ns, String name) {
        NodeList list = d.getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static void typed(String type, String value, String where) {
        try {
            switch (type) {
                case "int", "integer" -> Integer.parseInt(value);
                case "double" -> Double.parseDouble(value);
                case "boolean" -> assertTrue(value.equals("true") || value.equals("false"), where + ": boolean " + value);
                case "date" -> { if (!value.isEmpty()) LocalDate.parse(value); }
                case "string", "string[]", "ID", "LABEL", "START_ID", "END_ID", "TYPE" -> { }
                default -> fail(where + ": unknown type " + type);
            }
        } catch (RuntimeException e) {
            fail(where + ": '" + value + "' is not a " + type + ": " + e.getMessage());
        }
    }

    @Test
    void graphmlIdsSpellAnyIriReversibly() {
        for (String iri : List.of(PETRESCU, "https://w3id.org/newskg/id/doc/3f2a#statement-1",
                "http://www.wikidata.org/entity/Q458", "urn:x:a_b:c d", "https://example.org/Zo\u00eb/\u0141\u00f3d\u017a?q=1&r=%20",
                "https://w3id.org/newskg/id/person/a source SAID https://w3id.org/newskg/id/doc/1#statement-2")) {
            String id = XmlGraphWriter.graphmlId(iri);
            assertTrue(id.matches("[A-Za-z0-9.:_-]+"), "an XML name token: " + id);
            assertEquals(iri, XmlGraphWriter.fromGraphmlId(id), id);
        }
        assertFalse(XmlGraphWriter.graphmlId("https://w3id.org/a/b").equals(XmlGraphWriter.graphmlId("https://w3id.org/a:b")));
        assertFalse(XmlGraphWriter.graphmlId("urn:a_2Fb").equals(XmlGraphWriter.graphmlId("urn:a/b")));
    }

    @Test
    void controlCharactersXmlCannotHoldStillGiveValidGraphmlAndGexf() throws Exception {
        // the document reader accepts vertical tab, form feed and escape (pasted text has them); XML 1.0 has no way to
        // write them, so the exports must replace them rather than write a file no tool can parse
        Path corpus = tmp.resolve("controls");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("pasted.txt"), "Harbour board meets\n\nOSLO, March 3 (NewsKG) - Ingrid Solberg, the harbour master, said"
                + " on Monday that the \u000bnew quay\u000c would open \u001b[1min May\u001b[0m. \"We are \u000bready,\" she said.\n",
                StandardCharsets.UTF_8);
        Path controlsDb = tmp.resolve("controls-db");
        Cli.Run built = Cli.newskg("build", corpus.toString(), "--db", controlsDb.toString());
        assertEquals(0, built.code(), built::toString);
        for (String format : List.of("graphml", "gexf")) {
            Path out = tmp.resolve("controls." + format);
            Cli.Run r = Cli.newskg("export", "--format", format, "--db", controlsDb.toString(), "-o", out.toString());
            assertEquals(0, r.code(), r::toString);
            xml(out, format.equals("graphml") ? "graphml/graphml.xsd" : "gexf-1.2draft/gexf.xsd");
            String written = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(written.contains("\ufffdnew quay\ufffd"), format + ": the statement text, controls replaced:\n" + written);
        }
    }

    @Test
    void graphmlValidatesAndDeclaresTypedKeys() throws Exception {
        Path graphml = export("graphml", "all.graphml");
        Document d = xml(graphml, "graphml/graphml.xsd");
        String ns = XmlGraphWriter.GRAPHML_NS;
        Map<String, String> keyType = new HashMap<>();
        for (Element k : elements(d, ns, "key")) {
            keyType.put(k.getAttribute("id"), k.getAttribute("attr.type"));
        }
        assertEquals("int", keyType.get("n_statements"));
        assertEquals("double", keyType.get("n_confidence"));
        for (Element data : elements(d, ns, "data")) {
            typed(keyType.get(data.getAttribute("key")), data.getTextContent(), "GraphML data " + data.getAttribute("key"));
        }
        // GraphML ids are name tokens: each is a reversible spelling of the IRI, which is also the iri attribute
        Set<String> ids = new HashSet<>();
        Set<String> nodes = new HashSet<>();
        for (Element n : elements(d, ns, "node")) {
            String iri = XmlGraphWriter.fromGraphmlId(n.getAttribute("id"));
            assertEquals(iri, data(n, ns, "n_iri"), "the id spells the node's IRI");
            assertEquals(n.getAttribute("id"), XmlGraphWriter.graphmlId(iri));
            ids.add(n.getAttribute("id"));
            nodes.add(iri);
        }
        List<Link> links = new ArrayList<>();
        List<Link> idLinks = new ArrayList<>();
        for (Element e : elements(d, ns, "edge")) {
            assertEquals(XmlGraphWriter.fromGraphmlId(e.getAttribute("id")), data(e, ns, "e_id"), "the GraphML id spells the edge's id");
            idLinks.add(new Link(e.getAttribute("source"), e.getAttribute("target"), data(e, ns, "e_type"), data(e, ns, "e_date")));
            links.add(new Link(XmlGraphWriter.fromGraphmlId(e.getAttribute("source")), XmlGraphWriter.fromGraphmlId(e.getAttribute("target")),
                    data(e, ns, "e_type"), data(e, ns, "e_date")));
        }
        assertRoundTrip(nodes, links);
        assertTrue(nodes.contains(PETRESCU), "node ids spell the entity IRIs");
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        assertSameGraph(ids, idLinks, readBack(graphml, importer::importGraph), "JGraphT's GraphMLImporter");
    }

    private static String data(Element e, String ns, String key) {
        NodeList list = e.getElementsByTagNameNS(ns, "data");
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            if (d.getAttribute("key").equals(key)) {
                return d.getTextContent();
            }
        }
        return null;
    }

    @Test
    void gexfValidatesAndDatesStatementEdgesForTheTimeline() throws Exception {
        Path gexf = export("gexf", "all.gexf");
        Document d = xml(gexf, "gexf-1.2draft/gexf.xsd");
        String ns = XmlGraphWriter.GEXF_NS;
        Element graph = elements(d, ns, "graph").get(0);
        assertEquals("dynamic", graph.getAttribute("mode"));
        assertEquals("date", graph.getAttribute("timeformat"));
        Map<String, String> attrType = new HashMap<>();
        for (Element a : elements(d, ns, "attribute")) {
            attrType.put(((Element) a.getParentNode()).getAttribute("class") + ":" + a.getAttribute("id"), a.getAttribute("type"));
        }
        for (Element v : elements(d, ns, "attvalue")) {
            String owner = ((Element) v.getParentNode().getParentNode()).getLocalName();
            typed(attrType.get(owner + ":" + v.getAttribute("for")), v.getAttribute("value"), "GEXF attvalue " + v.getAttribute("for"));
        }
        Set<String> nodes = new HashSet<>();
        elements(d, ns, "node").forEach(n -> nodes.add(n.getAttribute("id")));
        List<Link> links = new ArrayList<>();
        int dated = 0;
        for (Element e : elements(d, ns, "edge")) {
            String start = e.getAttribute("start");
            links.add(new Link(e.getAttribute("source"), e.getAttribute("target"), e.getAttribute("label"), start.isEmpty() ? null : start));
            if (e.getAttribute("label").equals("SAID") && !start.isEmpty()) {
                assertEquals(start, e.getAttribute("end"), "a statement is said on one day");
                dated++;
            }
        }
        assertTrue(dated > 20, "SAID edges with a date: " + dated);
        assertRoundTrip(nodes, links);
        SimpleGEXFImporter<String, DefaultEdge> importer = new SimpleGEXFImporter<>();
        importer.setVertexFactory(id -> id);
        assertSameGraph(nodes, links, readBack(gexf, importer::importGraph), "JGraphT's SimpleGEXFImporter");
    }

    @Test
    void neo4jCsvHasImportHeadersAndTypedCells() throws Exception {
        Path dir = export("neo4j", "neo4j");
        List<String> nodeLines = Files.readAllLines(dir.resolve("nodes.csv"));
        List<String> relLines = Files.readAllLines(dir.resolve("relationships.csv"));
        assertTrue(nodeLines.get(0).startsWith("\"id:ID\",\":LABEL\",\"label\",\"kind\",\"statements:int\""), nodeLines.get(0));
        assertTrue(relLines.get(0).startsWith("\":START_ID\",\":END_ID\",\":TYPE\",\"id\",\"date:date\",\"weight:int\""), relLines.get(0));
        List<Map<String, String>> nodeRows = Cli.csv(new Cli.Run(0, Files.readString(dir.resolve("nodes.csv")), ""));
        List<Map<String, String>> relRows = Cli.csv(new Cli.Run(0, Files.readString(dir.resolve("relationships.csv")), ""));
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : nodeRows) {
            assertTrue(ids.add(row.get("id:ID")), "duplicate node id " + row.get("id:ID"));
            assertFalse(row.get(":LABEL").isEmpty(), "every node has a label: " + row);
            row.forEach((column, value) -> { if (!value.isEmpty()) typed(column.contains(":") ? column.substring(column.indexOf(':') + 1) : "string",
                    value, "nodes.csv " + column); });
        }
        List<Link> links = new ArrayList<>();
        for (Map<String, String> row : relRows) {
            row.forEach((column, value) -> { if (!value.isEmpty()) typed(column.contains(":") ? column.substring(column.indexOf(':') + 1) : "string",
                    value, "relationships.csv " + column); });
            links.add(new Link(row.get(":START_ID"), row.get(":END_ID"), row.get(":TYPE"), row.get("date:date").isEmpty() ? null : row.get("date:date")));
        }
        assertRoundTrip(ids, links);
    }

    @Test
    void cyjsHoldsElementsWithIrisAsIds() throws Exception {
        JsonNode cy = new ObjectMapper().readTree(export("cyjs", "all.cyjs").toFile());
        Set<String> nodes = new HashSet<>();
        cy.at("/elements/nodes").forEach(n -> nodes.add(n.at("/data/id").asText()));
        List<Link> links = new ArrayList<>();
        cy.at("/elements/edges").forEach(e -> links.add(new Link(e.at("/data/source").asText(), e.at("/data/target").asText(),
                e.at("/data/interaction").asText(), e.at("/data/date").isMissingNode() ? null : e.at("/data/date").asText())));
        assertRoundTrip(nodes, links);
        assertTrue(cy.at("/elements/nodes").get(0).at("/data/label").isTextual());
    }

    @Test
    void jsonldParsesToTheSelectedTriples() throws Exception {
        Path file = export("jsonld", "all.jsonld", "--statements-only");
        Graph parsed = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.JSONLD).parse(parsed);
        try (Store store = Store.open(db)) {
        Graph expected = JsonLdWriter.selectedTriples(store.dataset(), GraphSelector.select(store.dataset(),
                Selection.all().scope(Selection.Scope.STATEMENTS)));
        if (!parsed.isIsomorphicWith(expected)) {
            fail("JSON-LD export is not the selected graph.\n--- expected\n" + turtle(expected) + "\n--- parsed\n" + turtle(parsed));
        }
        assertTrue(parsed.size() > 100, "triples: " + parsed.size());
        Txn.executeRead(store.dataset(), () -> parsed.find().forEachRemaining(t ->
                assertTrue(store.dataset().getUnionGraph().contains(t), "not in the store: " + t)));
        }
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(JsonLdWriter.context().get("@context"), json.get("@context"), "the published context, inline");
    }

    static String turtle(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, Lang.TURTLE);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void selectionBySpeakerDateAndScope() throws Exception {
        JsonNode one = new ObjectMapper().readTree(export("cyjs", "petrescu.cyjs", "--speaker", PETRESCU, "--statements-only").toFile());
        int said = 0;
        Set<String> kinds = new HashSet<>();
        for (JsonNode e : one.at("/elements/edges")) {
            if (e.at("/data/interaction").asText().equals("SAID")) {
                assertEquals(PETRESCU, e.at("/data/source").asText());
                said++;
            }
        }
        one.at("/elements/nodes").forEach(n -> kinds.add(n.at("/data/kind").asText()));
        assertEquals(4, said, "Petrescu's statements");
        assertFalse(kinds.contains("Document"), "statements only: no documents " + kinds);

        JsonNode day = new ObjectMapper().readTree(export("cyjs", "day.cyjs", "--from", "2025-03-11", "--to", "2025-03-11").toFile());
        int dated = 0;
        for (JsonNode e : day.at("/elements/edges")) {
            if (e.at("/data/interaction").asText().equals("SAID")) {
                assertEquals("2025-03-11", e.at("/data/date").asText());
                dated++;
            }
        }
        assertEquals(2, dated, "statements of 2025-03-11");
        Cli.Run bad = Cli.newskg("export", "--format", "cyjs", "--db", db.toString(), "-o", tmp.resolve("x").toString(),
                "--from", "2025-03-12", "--to", "2025-03-11");
        assertEquals(2, bad.code(), bad::toString);
    }

    @Test
    void nodeIdsAreStableAcrossExports() throws Exception {
        JsonNode a = new ObjectMapper().readTree(export("cyjs", "a.cyjs").toFile());
        JsonNode b = new ObjectMapper().readTree(export("cyjs", "b.cyjs").toFile());
        assertEquals(a.at("/elements/nodes"), b.at("/elements/nodes"));
        assertEquals(a.at("/elements/edges"), b.at("/elements/edges"));
    }

    static final Map<String, String> EDGE_PATTERNS = new LinkedHashMap<>();
    static {
        EDGE_PATTERNS.put("SAID", "GRAPH ?g { ?t a nkg:Statement ; nkg:speaker ?s }");
        EDGE_PATTERNS.put("AT", "GRAPH ?g { ?s a nkg:Statement ; nkg:venue ?t }");
        EDGE_PATTERNS.put("MENTIONS", "GRAPH ?g { ?s a nkg:Statement ; nif:beginIndex ?b ; nif:endIndex ?e . "
                + "?m nkg:refersTo ?t ; nif:beginIndex ?mb ; nif:endIndex ?me FILTER(?mb >= ?b && ?me <= ?e) }");
        EDGE_PATTERNS.put("PLACE", "GRAPH ?g { ?s sem:hasPlace ?t }");
        EDGE_PATTERNS.put("FROM_DOCUMENT", "GRAPH ?t { ?s nif:referenceContext ?t }");
        EDGE_PATTERNS.put("MENTIONED_IN", "GRAPH ?t { ?m a nkg:Mention ; nkg:refersTo ?s }");
        EDGE_PATTERNS.put("HAS_ACTOR", "GRAPH ?g { ?s sem:hasActor ?t }");
        EDGE_PATTERNS.put("MEDIUM", "GRAPH ?g { ?s nkg:medium ?t }");
        EDGE_PATTERNS.put("MEMBER_OF", "GRAPH ?g { ?c org:member ?s ; org:organization ?t }");
    }

    /** Every edge stands for a statement or relation in the store, joins two nodes of the export, and every node has an edge. */
    /** How a JGraphT importer reads a file into a graph. */
    interface Importer {
        void importGraph(org.jgrapht.Graph<String, DefaultEdge> graph, java.io.Reader in);
    }

    /** The file read by another library's importer (which validates against the same published schema). */
    static org.jgrapht.Graph<String, DefaultEdge> readBack(Path file, Importer importer) throws Exception {
        org.jgrapht.Graph<String, DefaultEdge> g = GraphTypeBuilder.<String, DefaultEdge>directed()
                .allowingMultipleEdges(true).allowingSelfLoops(true)
                .edgeSupplier(SupplierUtil.createDefaultEdgeSupplier()).buildGraph();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importer.importGraph(g, in);
        }
        return g;
    }

    /** The other library sees the same nodes and the same edges, endpoint for endpoint, as our own reading. */
    static void assertSameGraph(Set<String> nodes, List<Link> links, org.jgrapht.Graph<String, DefaultEdge> g, String who) {
        assertEquals(nodes, g.vertexSet(), who + ": nodes");
        Map<String, Integer> ours = new HashMap<>();
        links.forEach(l -> ours.merge(l.source() + " -> " + l.target(), 1, Integer::sum));
        Map<String, Integer> theirs = new HashMap<>();
        g.edgeSet().forEach(e -> theirs.merge(g.getEdgeSource(e) + " -> " + g.getEdgeTarget(e), 1, Integer::sum));
        assertEquals(ours, theirs, who + ": edges");
    }

    static void assertRoundTrip(Set<String> nodes, List<Link> links) {
        assertFalse(links.isEmpty(), "no edges");
        Set<String> linked = new HashSet<>();
        Set<String> types = new HashSet<>();
        try (Store store = Store.open(db)) {
        Txn.executeRead(store.dataset(), () -> {
            for (Link l : links) {
                assertTrue(nodes.contains(l.source()) && nodes.contains(l.target()), "edge to a missing node: " + l);
                String pattern = EDGE_PATTERNS.get(l.type());
                assertTrue(pattern != null, "unknown edge type " + l);
                var q = QueryFactory.create(GraphSelector.PREFIXES + "ASK { " + pattern + " }");
                boolean found = QueryExec.dataset(store.dataset()).query(q)
                        .substitution("s", NodeFactory.createURI(l.source()))
                        .substitution("t", NodeFactory.createURI(l.target())).ask();
                assertTrue(found, "edge without a statement or relation in the store: " + l);
                linked.add(l.source());
                linked.add(l.target());
                types.add(l.type());
            }
        });
        }
        Set<String> orphans = new HashSet<>(nodes);
        orphans.removeAll(linked);
        assertTrue(orphans.isEmpty(), "orphaned nodes: " + orphans);
        assertTrue(types.containsAll(Set.of("SAID", "MENTIONS", "AT")), "edge types " + types);
    }
}
