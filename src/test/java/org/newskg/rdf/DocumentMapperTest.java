package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Entity;
import org.newskg.extract.EntityType;
import org.newskg.extract.Mention;
import org.newskg.extract.Statement;
import org.newskg.text.Span;

class DocumentMapperTest {

    private static final String VERSION = "9.9.9-test";

    static DatasetGraph map(Analysis analysis) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        StreamRDF out = StreamRDFLib.dataset(dsg);
        out.start();
        DocumentMapper.declarePrefixes(out);
        new DocumentMapper(VERSION).map(analysis, out);
        out.finish();
        return dsg;
    }

    private static String trig(DatasetGraph dsg) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFDataMgr.write(bytes, dsg, RDFFormat.TRIG_PRETTY);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertConforms(DatasetGraph dsg) {
        ValidationReport report = new ShapesValidator().validate(dsg);
        assertTrue(report.conforms(), () -> ShapesValidator.render(report) + "\n" + trig(dsg));
    }

    private static Node uri(Resource r) {
        return r.asNode();
    }

    private static Node index(int i) {
        return NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDnonNegativeInteger);
    }

    private static Node str(String s) {
        return NodeFactory.createLiteralString(s);
    }

    /** The single object of (s, p) in the document graph; fails when there is none or several. */
    private static Node one(Graph g, Node s, Resource p) {
        List<Node> objects = g.find(s, p.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertEquals(1, objects.size(), () -> "expected one " + p + " of " + s + ", got " + objects);
        return objects.get(0);
    }

    @Test
    void everyRecordKindConformsToTheShapes() {
        DatasetGraph dsg = map(Articles.ferry());
        assertConforms(dsg);
        Node doc = Iris.document(Articles.ferry().document());
        assertEquals(List.of(doc), org.apache.jena.atlas.iterator.Iter.toList(dsg.listGraphNodes()), "one named graph, named after the document");
        assertTrue(dsg.getDefaultGraph().isEmpty(), "nothing in the default graph");
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() {
        Analysis a = Articles.ferry();
        String text = a.document().text();
        Graph g = map(a).getGraph(Iris.document(a.document()));
        Node doc = Iris.document(a.document());
        int chars = text.indexOf("Tomas Varga");
        // the wave emoji before it is two UTF-16 units but one code point
        int begin = chars - 1;
        Node mention = Iris.mention(doc, begin, begin + 11);
        assertTrue(g.contains(mention, RDF.type.asNode(), uri(NKG.Mention)), () -> "no " + mention + " in\n" + trig(map(a)));
        assertEquals(index(begin), one(g, mention, NIF.beginIndex));
        assertEquals(index(begin + 11), one(g, mention, NIF.endIndex));
        assertEquals(str("Tomas Varga"), one(g, mention, NIF.anchorOf));
        int cps = text.codePointCount(0, text.length());
        assertEquals(text.length() - 1, cps);
        String anchor = one(g, mention, NIF.anchorOf).getLiteralLexicalForm();
        assertEquals(anchor, new String(text.codePoints().skip(begin).limit(11).toArray(), 0, 11));
    }

    @Test
    void documentCarriesMetadataAndProvenance() {
        Analysis a = Articles.ferry();
        Node doc = Iris.document(a.document());
        Graph g = map(a).getGraph(doc);
        assertTrue(g.contains(doc, RDF.type.asNode(), uri(SCHEMA.NewsArticle)));
        assertTrue(g.contains(doc, RDF.type.asNode(), uri(NIF.Context)));
        assertEquals(str("news/ferry.txt"), one(g, doc, NKG.source));
        assertEquals(str(a.document().text()), one(g, doc, NIF.isString));
        assertEquals(str("Harbour Council Reaches Deal"), one(g, doc, SCHEMA.headline));
        assertEquals(NodeFactory.createLiteralDT("2025-03-12", XSDDatatype.XSDdate), one(g, doc, SCHEMA.datePublished));
        assertEquals(NodeFactory.createURI("https://news.example.org/2025/ferry"), one(g, doc, SCHEMA.url));
        Node author = Iris.entity(EntityType.PERSON, "Mira Olsen");
        assertEquals(author, one(g, doc, SCHEMA.author));
        assertTrue(g.contains(author, RDF.type.asNode(), uri(SCHEMA.Person)));
        assertEquals(str("Mira Olsen"), one(g, author, RDFS.label));
        Node publisher = one(g, doc, SCHEMA.publisher);
        assertEquals(NKG.ID + "org/baltic-ferry-news", publisher.getURI());
        assertTrue(g.contains(publisher, RDF.type.asNode(), uri(SCHEMA.Organization)));

        Node run = Iris.extraction(doc);
        Node agent = Iris.agent(VERSION);
        assertEquals(NKG.ID + "agent/newskg/9.9.9-test", agent.getURI());
        assertTrue(g.contains(run, RDF.type.asNode(), uri(PROV.Activity)));
        assertEquals(doc, one(g, run, PROV.used));
        assertEquals(agent, one(g, run, PROV.wasAssociatedWith));
        assertEquals(str(VERSION), one(g, agent, NKG.extractorVersion));
        assertEquals(64, one(g, doc, NKG.textHash).getLiteralLexicalForm().length());
    }

    @Test
    void statementsLinkSpeakerCueVenueAndSourceMention() {
        Analysis a = Articles.ferry();
        String text = a.document().text();
        Node doc = Iris.document(a.document());
        Graph g = map(a).getGraph(doc);
        Node varga = Iris.entity(EntityType.PERSON, "tomas varga");

        Node quote = Iris.statement(doc, 2);
        assertTrue(g.contains(quote, RDF.type.asNode(), uri(NKG.Statement)));
        assertTrue(g.contains(quote, RDF.type.asNode(), uri(SCHEMA.Quotation)));
        assertEquals(uri(NKG.DirectQuote), one(g, quote, NKG.statementKind));
        assertEquals(NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean), one(g, quote, NKG.direct));
        assertEquals(varga, one(g, quote, NKG.speaker));
        assertEquals(str("We are ready for the summer,"), one(g, quote, NIF.anchorOf));
        assertEquals(Iris.event(doc, 1), one(g, quote, NKG.venue));
        assertEquals(Iris.entity(EntityType.PLACE, "tallinn"), one(g, quote, SEM.hasPlace));
        assertEquals(NodeFactory.createLiteralDT("2025-03-11", XSDDatatype.XSDdate), one(g, quote, SEM.hasTimeStamp));
        Node cue = one(g, quote, NKG.cue);
        assertEquals(str("tell"), one(g, cue, NIF.lemma));
        assertEquals(str("told"), one(g, cue, NIF.anchorOf));
        // the speaker span is the analysis' own name mention, reused rather than duplicated
        int vb = text.indexOf("Tomas Varga") - 1;
        assertEquals(Iris.mention(doc, vb, vb + 11), one(g, quote, NKG.sourceMention));

        Node stressed = Iris.statement(doc, 3);
        Node he = one(g, stressed, NKG.sourceMention);
        assertEquals(uri(NKG.Pronoun), one(g, he, NKG.mentionKind));
        assertEquals(varga, one(g, he, NKG.refersTo));
        assertFalse(g.contains(stressed, RDF.type.asNode(), uri(SCHEMA.Quotation)));

        // no mention at "Experts" in the analysis: the mapper writes one, judged a description
        Node belief = Iris.statement(doc, 5);
        Node experts = one(g, belief, NKG.sourceMention);
        assertTrue(g.contains(experts, RDF.type.asNode(), uri(NKG.Mention)));
        assertEquals(str("Experts"), one(g, experts, NIF.anchorOf));
        assertEquals(uri(NKG.Description), one(g, experts, NKG.mentionKind));
        assertEquals(one(g, belief, NKG.speaker), one(g, experts, NKG.refersTo));
        assertTrue(one(g, belief, NKG.speaker).getURI().startsWith(doc.getURI() + "#group-"), "groups live in their document");
        assertEquals(uri(NKG.Belief), one(g, belief, NKG.statementKind));

        // an unresolved source still has its words, but no speaker
        Node added = Iris.statement(doc, 6);
        assertFalse(g.contains(added, NKG.speaker.asNode(), Node.ANY));
        Node spokesperson = one(g, added, NKG.sourceMention);
        assertEquals(str("A spokesperson"), one(g, spokesperson, NIF.anchorOf));
        assertFalse(g.contains(spokesperson, NKG.refersTo.asNode(), Node.ANY));
    }

    @Test
    void entitiesRolesEventsAndAttributions() {
        Analysis a = Articles.ferry();
        Node doc = Iris.document(a.document());
        Graph g = map(a).getGraph(doc);
        Node varga = Iris.entity(EntityType.PERSON, "tomas varga");
        assertEquals(NKG.ID + "person/tomas-varga", varga.getURI());
        assertEquals(str("Tomas Varga"), one(g, varga, RDFS.label));
        assertEquals(str("Varga"), one(g, varga, SCHEMA.alternateName));
        assertTrue(g.contains(varga, RDF.type.asNode(), uri(SCHEMA.Person)));

        Node ministry = Iris.entity(EntityType.ORGANIZATION, "ministry of transport");
        Node estonia = one(g, ministry, NKG.country);
        assertEquals(NKG.ID + "place/estonia", estonia.getURI());
        assertEquals(str("Estonia"), one(g, estonia, RDFS.label));
        Node minMention = g.find(Node.ANY, NKG.refersTo.asNode(), ministry).next().getSubject();
        assertEquals(str("government"), one(g, minMention, NKG.mentionRole));

        Node membership = Iris.membership(doc, 1);
        assertTrue(g.contains(membership, RDF.type.asNode(), uri(ORG.Membership)));
        assertEquals(varga, one(g, membership, ORG.member));
        assertEquals(Iris.role("Director"), one(g, membership, ORG.role));
        assertEquals(Iris.entity(EntityType.ORGANIZATION, "coast radio"), one(g, membership, ORG.organization));
        assertEquals(NodeFactory.createLiteralDT("2025-03-12", XSDDatatype.XSDdate), one(g, membership, NKG.asOf));
        assertEquals(str("Director"), one(g, Iris.role("Director"), RDFS.label));

        Node interview = Iris.event(doc, 1);
        Set<Node> types = g.find(interview, RDF.type.asNode(), Node.ANY).mapWith(t -> t.getObject()).toSet();
        assertEquals(Set.of(uri(SEM.Event), uri(SCHEMA.Event), uri(NKG.Interview)), types);
        assertEquals(Iris.event(doc, 2), one(g, interview, SEM.subEventOf));
        assertEquals(Iris.entity(EntityType.ORGANIZATION, "coast radio"), one(g, interview, NKG.medium));
        assertEquals(varga, one(g, interview, SEM.hasActor));
        assertEquals(str("interview with Coast Radio"), one(g, interview, RDFS.label));
        assertEquals(str("the harbour talks"), one(g, Iris.event(doc, 2), RDFS.label), "label falls back to the words");
        Set<Node> otherTypes = g.find(Iris.event(doc, 3), RDF.type.asNode(), Node.ANY).mapWith(t -> t.getObject()).toSet();
        assertEquals(Set.of(uri(SEM.Event), uri(SCHEMA.Event)), otherTypes);

        Node paragraph = g.find(Node.ANY, NKG.attribution.asNode(), Node.ANY).next().getSubject();
        assertEquals(str("Harbour Authority"), one(g, paragraph, NKG.attribution));
        assertTrue(g.contains(paragraph, RDF.type.asNode(), uri(NIF.Paragraph)));
    }

    @Test
    void aRerunMintsTheSameGraph() {
        DatasetGraph first = map(Articles.ferry());
        DatasetGraph second = map(Articles.ferry());
        Set<Quad> a = first.stream().collect(Collectors.toSet());
        Set<Quad> b = second.stream().collect(Collectors.toSet());
        assertEquals(a, b, "same analysis, same quads, same IRIs");
    }

    @Test
    void roundTripsThroughTrigNQuadsAndJsonLd() {
        DatasetGraph original = map(Articles.ferry());
        for (RDFFormat format : List.of(RDFFormat.TRIG_PRETTY, RDFFormat.TRIG_BLOCKS, RDFFormat.NQUADS,
                RDFFormat.JSONLD11, RDFFormat.JSONLD11_FLAT)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RDFDataMgr.write(bytes, original, format);
            DatasetGraph back = DatasetGraphFactory.createTxnMem();
            RDFParser.source(new ByteArrayInputStream(bytes.toByteArray())).lang(format.getLang()).parse(back);
            assertTrue(IsoMatcher.isomorphic(original, back),
                    () -> format + " changed the data.\n--- written\n" + trig(original) + "\n--- read back\n" + trig(back));
        }
    }

    @Test
    void streamsThroughAStreamingWriter() {
        Analysis a = Articles.ferry();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF writer = StreamRDFWriter.getWriterStream(bytes, RDFFormat.TRIG_BLOCKS);
        QuadCounter counter = new QuadCounter(writer);
        counter.start();
        DocumentMapper.declarePrefixes(counter);
        new DocumentMapper(VERSION).map(a, counter);
        new DocumentMapper(VERSION).map(Articles.mini(), counter);
        counter.finish();
        DatasetGraph back = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(bytes.toByteArray())).lang(Lang.TRIG).parse(back);
        assertEquals(2, org.apache.jena.atlas.iterator.Iter.toList(back.listGraphNodes()).size());
        assertEquals(back.stream().count(), counter.quads(), "each quad once, nothing lost");
        assertEquals(0, counter.triples());
        assertEquals(counter.quads(), counter.total());
        assertConforms(back);
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("nkg:Statement"), "prefixes declared once make the output readable");
    }

    @Test
    void danglingKeysAndBadValuesFailWithTheDocumentInTheMessage() {
        Analysis a = Articles.mini();
        Statement s = a.statements().get(0);
        Analysis dangling = new Analysis(a.document(), a.text(), a.entities(), a.mentions(), a.roles(),
                List.of(new Statement(s.kind(), s.content(), s.cue(), s.cueLemma(), s.speakerSpan(), "nobody",
                        null, null, null, 0.5)), a.events());
        QuadCounter untouched = new QuadCounter(StreamRDFLib.sinkNull());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DocumentMapper(VERSION).map(dangling, untouched));
        assertTrue(e.getMessage().contains("mini.txt") && e.getMessage().contains("nobody"), e.getMessage());
        assertEquals(0, untouched.total(), "a failed document writes nothing");

        Analysis overconfident = new Analysis(a.document(), a.text(), a.entities(),
                List.of(new Mention(a.mentions().get(0).span(), "Lena Park", "park", Mention.Kind.NAME, null, 1.5)),
                a.roles(), a.statements(), a.events());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DocumentMapper(VERSION).map(overconfident, StreamRDFLib.sinkNull()));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());

        Analysis outside = new Analysis(a.document(), a.text(), a.entities(),
                List.of(new Mention(new Span(10, 500), "x", "park", Mention.Kind.NAME, null, 0.5)),
                a.roles(), a.statements(), a.events());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DocumentMapper(VERSION).map(outside, StreamRDFLib.sinkNull()));
        assertTrue(e.getMessage().contains("[10,500)"), e.getMessage());

        Analysis spanless = new Analysis(a.document(), a.text(), a.entities(), a.mentions(), a.roles(),
                List.of(new Statement(s.kind(), null, s.cue(), s.cueLemma(), s.speakerSpan(), "park", null, null, null, 0.5)),
                a.events());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DocumentMapper(VERSION).map(spanless, StreamRDFLib.sinkNull()));
        assertTrue(e.getMessage().contains("#statement-1 has no span"), e.getMessage());
    }

    @Test
    void twoMentionsAtOneSpanStayApart() {
        Analysis a = Articles.mini();
        List<Entity> entities = List.of(a.entities().get(0),
                new Entity("clinic", EntityType.ORGANIZATION, "Park Clinic", "park clinic", List.of("Park Clinic"), null));
        Mention m = a.mentions().get(0);
        Analysis both = new Analysis(a.document(), a.text(), entities,
                List.of(m, new Mention(m.span(), m.surface(), "clinic", Mention.Kind.NAME, null, 0.2)),
                a.roles(), a.statements(), a.events());
        DatasetGraph dsg = map(both);
        assertConforms(dsg);
        Node doc = Iris.document(a.document());
        Graph g = dsg.getGraph(doc);
        assertEquals(2, g.find(Node.ANY, RDF.type.asNode(), uri(NKG.Mention)).toList().size());
        assertEquals(Iris.mention(doc, 5, 14), one(g, Iris.statement(doc, 1), NKG.sourceMention));
        assertTrue(g.contains(Iris.mention(doc, 5, 14, 2), NKG.refersTo.asNode(),
                Iris.entity(EntityType.ORGANIZATION, "park clinic")));
    }

    @Test
    void worksWithoutALinguisticLayer() {
        Analysis a = Articles.mini();
        Statement s = a.statements().get(0);
        // "Dr Lena Park" is not the span of any mention: the mapper must judge its kind itself
        Span dr = Articles.span(a.document().text(), "Dr Lena Park");
        Analysis bare = new Analysis(a.document(), null, a.entities(), a.mentions(), a.roles(),
                List.of(new Statement(s.kind(), s.content(), s.cue(), s.cueLemma(), dr, "park", null, null, null, 0.5)),
                a.events());
        DatasetGraph dsg = map(bare);
        assertConforms(dsg);
        Node doc = Iris.document(a.document());
        Node source = one(dsg.getGraph(doc), Iris.statement(doc, 1), NKG.sourceMention);
        assertEquals(Iris.mention(doc, 2, 14), source);
        assertEquals(uri(NKG.Name), one(dsg.getGraph(doc), source, NKG.mentionKind), "capitalised words read as a name");
    }

    @Test
    void speakerKindFromTokens() {
        Analysis a = Articles.mini();
        Statement s = a.statements().get(0);
        Span dr = Articles.span(a.document().text(), "Dr Lena Park");
        Analysis titled = new Analysis(a.document(), a.text(), a.entities(), a.mentions(), a.roles(),
                List.of(new Statement(s.kind(), s.content(), s.cue(), s.cueLemma(), dr, "park", null, null, null, 0.5)),
                a.events());
        Node doc = Iris.document(a.document());
        DatasetGraph dsg = map(titled);
        Node source = one(dsg.getGraph(doc), Iris.statement(doc, 1), NKG.sourceMention);
        assertEquals(uri(NKG.Name), one(dsg.getGraph(doc), source, NKG.mentionKind),
                "'Dr Lena Park' is all proper nouns: " + a.text().sentences());
    }

    @Test
    void documentIriIsTheTextHash() {
        SourceDocument d = Articles.mini().document();
        assertEquals(NKG.ID + "doc/" + d.id(), Iris.document(d).getURI());
    }
}
