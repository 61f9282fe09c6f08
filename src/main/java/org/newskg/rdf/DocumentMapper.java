package org.newskg.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.newskg.NewsKG;
import org.newskg.document.DocumentMetadata;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Analysis;
import org.newskg.extract.Entity;
import org.newskg.extract.EntityType;
import org.newskg.extract.Event;
import org.newskg.extract.Mention;
import org.newskg.extract.RoleClaim;
import org.newskg.extract.Statement;
import org.newskg.extract.Words;
import org.newskg.text.ArticleHeader;
import org.newskg.text.CleanText;
import org.newskg.text.Sentence;
import org.newskg.text.Span;
import org.newskg.text.Token;

/**
 * Turns one {@link Analysis} into the quads of its document graph, in the shape documented on
 * {@link NKG}: the graph name is the document IRI ({@link Iris#document(SourceDocument)}), every
 * span is written in Unicode code points, and every generated node points at the extraction run.
 *
 * <p>The mapper only calls {@link StreamRDF#quad}; the caller owns {@code start()}/{@code finish()},
 * so one stream can take many documents. Declare the prefixes once per stream with
 * {@link #declarePrefixes(StreamRDF)}.
 *
 * <pre>{@code
 * StreamRDF out = StreamRDFWriter.getWriterStream(System.out, RDFFormat.TRIG_BLOCKS);
 * out.start();
 * DocumentMapper.declarePrefixes(out);
 * DocumentMapper mapper = new DocumentMapper();
 * for (Analysis a : analyses) mapper.map(a, out);
 * out.finish();
 * }</pre>
 *
 * <p>A dangling key (a statement naming an entity or event the analysis does not hold), a span
 * outside the text, a missing name or a confidence outside [0, 1] is a bug upstream: {@link #map}
 * throws {@link IllegalArgumentException} naming the document and the value, and writes nothing
 * (one document's quads are buffered, a few thousand at most, so a failure never leaves half a graph).
 */
public final class DocumentMapper {

    private static final PrefixMap PREFIXES = PrefixMapFactory.create(Map.ofEntries(
            Map.entry(NKG.PREFIX, NKG.NS),
            Map.entry(NIF.PREFIX, NIF.NS),
            Map.entry(PROV.PREFIX, PROV.NS),
            Map.entry(SCHEMA.PREFIX, SCHEMA.NS),
            Map.entry(SEM.PREFIX, SEM.NS),
            Map.entry("org", ORG.NS),
            Map.entry("rdf", RDF.uri),
            Map.entry("rdfs", RDFS.uri),
            Map.entry("xsd", XSD.NS),
            Map.entry("owl", OWL.NS)));

    /** Personal pronouns that can stand as the source of a statement. */

    private final String version;

    /** A mapper that records this build's version ({@link NewsKG#version()}) as the extractor version. */
    public DocumentMapper() {
        this(NewsKG.version());
    }

    /** A mapper that records {@code version} as the extractor version (fixed versions keep test output stable). */
    public DocumentMapper(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("extractor version is required, got '" + version + "'");
        }
        this.version = version;
    }

    /** The prefixes NewsKG output uses (nkg, nif, prov, schema, sem, org, rdf, rdfs, xsd, owl). */
    public static PrefixMap prefixes() {
        return PrefixMapFactory.create(PREFIXES);
    }

    /** Sends {@link #prefixes()} to {@code out}, so that writers print prefixed names. */
    public static void declarePrefixes(StreamRDF out) {
        PREFIXES.forEach(out::prefix);
    }

    /**
     * Writes the document graph of {@code analysis} to {@code out}: all of it, each quad once, or,
     * when the analysis is inconsistent, nothing at all (the exception names the document).
     */
    public void map(Analysis analysis, StreamRDF out) {
        DocumentGraph graph = new DocumentGraph(analysis, version);
        graph.write();
        graph.quads.forEach(out::quad);
    }

    /** The state of mapping one document: its nodes by key and its quads so far. */
    private static final class DocumentGraph {

        private final Analysis analysis;
        private final SourceDocument document;
        private final String version;
        /** Buffered so that a failure half-way leaves the stream untouched; a set, so each quad goes out once. */
        private final Set<Quad> quads = new LinkedHashSet<>();
        private final Node doc;
        private final Node activity;
        private final Map<String, Node> entities = new HashMap<>();
        private final Map<String, Node> events = new HashMap<>();
        /** Mention nodes by span, then by the entity key they refer to ("" for none), so speakers reuse them. */
        private final Map<Span, Map<String, Node>> mentionsAtSpan = new HashMap<>();
        private final Map<Node, Integer> mentionsAtOffsets = new HashMap<>();

        DocumentGraph(Analysis analysis, String version) {
            this.analysis = analysis;
            this.document = analysis.document();
            this.version = version;
            this.doc = Iris.document(document);
            this.activity = Iris.extraction(doc);
        }

        void write() {
            writeProvenance();
            for (Entity e : analysis.entities()) {
                if (entities.put(e.key(), Iris.entity(doc, e)) != null) {
                    throw fail("entity key '" + e.key() + "' is used twice");
                }
            }
            for (Entity e : analysis.entities()) {
                writeEntity(e);
            }
            writeDocument();
            List<Event> evs = analysis.events();
            for (int i = 0; i < evs.size(); i++) {
                if (events.put(evs.get(i).key(), Iris.event(doc, i + 1)) != null) {
                    throw fail("event key '" + evs.get(i).key() + "' is used twice");
                }
            }
            for (Event e : evs) {
                writeEvent(e);
            }
            for (Mention m : analysis.mentions()) {
                writeMention(m);
            }
            List<RoleClaim> roles = analysis.roles();
            for (int i = 0; i < roles.size(); i++) {
                writeRole(roles.get(i), Iris.membership(doc, i + 1));
            }
            List<Statement> statements = analysis.statements();
            for (int i = 0; i < statements.size(); i++) {
                writeStatement(statements.get(i), Iris.statement(doc, i + 1));
            }
            CleanText clean = analysis.text() == null ? null : analysis.text().clean();
            if (clean != null) {
                for (CleanText.ParagraphAttribution a : clean.attributions()) {
                    writeAttribution(a);
                }
            }
        }

        private void writeProvenance() {
            Node agent = Iris.agent(version);
            emit(activity, RDF.type, PROV.Activity);
            emit(activity, PROV.used, doc);
            emit(activity, PROV.wasAssociatedWith, agent);
            emit(agent, RDF.type, PROV.SoftwareAgent);
            emit(agent, RDFS.label, string("NewsKG " + version));
            emit(agent, NKG.extractorVersion, string(version));
        }

        private void writeDocument() {
            DocumentMetadata meta = document.metadata();
            ArticleHeader header = analysis.text() == null ? ArticleHeader.NONE : analysis.text().clean().header();
            emit(doc, RDF.type, SCHEMA.NewsArticle);
            emit(doc, RDF.type, NIF.Context);
            emit(doc, NKG.source, string(document.source()));
            emit(doc, NIF.isString, string(document.text()));
            emit(doc, NKG.textHash, string(sha256(document.text())));
            String title = first(meta.title(), header.title());
            if (title != null) {
                emit(doc, SCHEMA.headline, string(title));
            }
            LocalDate date = meta.date() != null ? meta.date() : header.date();
            if (date != null) {
                emit(doc, SCHEMA.datePublished, date(date));
            }
            if (meta.url() != null && !meta.url().isBlank()) {
                emit(doc, SCHEMA.url, url(meta.url()));
            }
            String author = first(meta.author(), header.author());
            if (author != null) {
                emit(doc, SCHEMA.author, namedEntity(author, EntityType.PERSON));
            }
            String publisher = first(meta.publisher(), header.publishedIn());
            if (publisher != null) {
                emit(doc, SCHEMA.publisher, namedEntity(publisher, EntityType.ORGANIZATION));
            }
        }

        private void writeEntity(Entity e) {
            Node node = entities.get(e.key());
            if (e.name() == null || e.name().isBlank()) {
                throw fail("entity '" + e.key() + "' has no name");
            }
            emit(node, RDF.type, entityClass(e.type()));
            emit(node, RDFS.label, string(e.name()));
            for (String name : e.names()) {
                if (name != null && !name.isBlank() && !name.equals(e.name())) {
                    emit(node, SCHEMA.alternateName, string(name));
                }
            }
            if (e.country() != null && !e.country().isBlank()) {
                emit(node, NKG.country, namedEntity(e.country(), EntityType.PLACE));
            }
        }

        /** An entity of the analysis carrying this name, else one minted from the name (a metadata author, a country). */
        private Node namedEntity(String name, EntityType type) {
            Entity match = null;
            for (Entity e : analysis.entities()) {
                if (name.equalsIgnoreCase(e.name()) || e.names().stream().anyMatch(name::equalsIgnoreCase)) {
                    if (e.type() == type) {
                        return entities.get(e.key());
                    }
                    match = match == null ? e : match;
                }
            }
            if (match != null) {
                return entities.get(match.key());
            }
            Node node = Iris.entity(type, name);
            emit(node, RDF.type, entityClass(type));
            emit(node, RDFS.label, string(name.strip()));
            return node;
        }

        private void writeEvent(Event e) {
            Node node = events.get(e.key());
            emit(node, RDF.type, SEM.Event);
            emit(node, RDF.type, SCHEMA.Event);
            Resource kind = eventClass(e.type());
            if (kind != null) {
                emit(node, RDF.type, kind);
            }
            String label = e.label() == null || e.label().isBlank() ? text(e.span()) : e.label();
            emit(node, RDFS.label, string(label));
            for (String participant : e.participants()) {
                emit(node, SEM.hasActor, entity(participant, "participant of event '" + e.key() + "'"));
            }
            if (e.medium() != null) {
                emit(node, NKG.medium, entity(e.medium(), "medium of event '" + e.key() + "'"));
            }
            if (e.place() != null) {
                emit(node, SEM.hasPlace, entity(e.place(), "place of event '" + e.key() + "'"));
            }
            if (e.partOf() != null) {
                Node whole = events.get(e.partOf());
                if (whole == null) {
                    throw fail("event '" + e.key() + "' is part of unknown event '" + e.partOf() + "'");
                }
                emit(node, SEM.subEventOf, whole);
            }
            if (e.date() != null) {
                emit(node, SEM.hasTimeStamp, date(e.date()));
            }
            writeSpan(node, e.span());
            generated(node, e.confidence());
        }

        private void writeMention(Mention m) {
            Node entity = entity(m.entity(), "mention " + m.span());
            Node node = mentionNode(m.span(), m.entity());
            emit(node, RDF.type, NKG.Mention);
            writeSpan(node, m.span());
            emit(node, NKG.refersTo, entity);
            emit(node, NKG.mentionKind, mentionKind(m.kind()));
            if (m.role() != null && !m.role().isBlank()) {
                emit(node, NKG.mentionRole, string(m.role()));
            }
            rule(node, m.rule());
            generated(node, m.confidence());
        }

        /** A fresh node for a mention at {@code span} referring to the entity {@code key} (null for none). */
        private Node mentionNode(Span span, String key) {
            checkSpan(span, "mention");
            int begin = document.codePointOffset(span.begin());
            int end = document.codePointOffset(span.end());
            int n = mentionsAtOffsets.merge(Iris.mention(doc, begin, end), 1, Integer::sum);
            Node node = Iris.mention(doc, begin, end, n);
            mentionsAtSpan.computeIfAbsent(span, s -> new LinkedHashMap<>()).putIfAbsent(key == null ? "" : key, node);
            return node;
        }

        private void writeRole(RoleClaim r, Node node) {
            Node role = Iris.role(r.title());
            emit(role, RDF.type, ORG.Role);
            emit(role, RDFS.label, string(r.title().strip()));
            emit(node, RDF.type, ORG.Membership);
            emit(node, ORG.member, entity(r.person(), "role claim '" + r.title() + "'"));
            emit(node, ORG.role, role);
            if (r.organization() != null) {
                emit(node, ORG.organization, entity(r.organization(), "organisation of role claim '" + r.title() + "'"));
            }
            if (r.asOf() != null) {
                emit(node, NKG.asOf, date(r.asOf()));
            }
            writeSpan(node, r.span());
            generated(node, r.confidence());
        }

        private void writeStatement(Statement s, Node node) {
            emit(node, RDF.type, NKG.Statement);
            if (s.kind().direct()) {
                emit(node, RDF.type, SCHEMA.Quotation);
            }
            emit(node, NKG.statementKind, statementKind(s.kind()));
            emit(node, NKG.direct, NodeFactory.createLiteralDT(Boolean.toString(s.kind().direct()), XSDDatatype.XSDboolean));
            writeSpan(node, s.content());
            emit(node, NKG.cue, cue(s));
            Node speaker = s.speaker() == null ? null : entity(s.speaker(), "speaker of statement " + s.content());
            if (speaker != null) {
                emit(node, NKG.speaker, speaker);
            }
            if (s.speakerSpan() != null) {
                emit(node, NKG.sourceMention, speakerMention(s, speaker));
            }
            if (s.venue() != null) {
                Node venue = events.get(s.venue());
                if (venue == null) {
                    throw fail("statement " + s.content() + " names unknown venue event '" + s.venue() + "'");
                }
                emit(node, NKG.venue, venue);
            }
            if (s.place() != null) {
                emit(node, SEM.hasPlace, entity(s.place(), "place of statement " + s.content()));
            }
            if (s.date() != null) {
                emit(node, SEM.hasTimeStamp, date(s.date()));
            }
            rule(node, s.rule());
            generated(node, s.confidence());
        }

        private Node cue(Statement s) {
            checkSpan(s.cue(), "cue");
            Node node = Iris.cue(doc, document.codePointOffset(s.cue().begin()), document.codePointOffset(s.cue().end()));
            // two statements can share a cue ("A and B said"): the same node, written once by the quad set
            emit(node, RDF.type, NKG.Cue);
            writeSpan(node, s.cue());
            String lemma = s.cueLemma() == null || s.cueLemma().isBlank()
                    ? text(s.cue()).toLowerCase(Locale.ROOT) : s.cueLemma();
            emit(node, NIF.lemma, string(lemma));
            emit(node, PROV.wasGeneratedBy, activity);
            return node;
        }

        /**
         * The mention standing as source: the analysis' own mention at that span when it refers to the
         * speaker (any mention there when the speaker is unresolved), else a new one, so that the
         * source mention never contradicts nkg:speaker.
         */
        private Node speakerMention(Statement s, Node speaker) {
            Map<String, Node> there = mentionsAtSpan.getOrDefault(s.speakerSpan(), Map.of());
            Node existing = s.speaker() != null ? there.get(s.speaker()) : there.values().stream().findFirst().orElse(null);
            if (existing != null) {
                return existing;
            }
            Node node = mentionNode(s.speakerSpan(), s.speaker());
            emit(node, RDF.type, NKG.Mention);
            writeSpan(node, s.speakerSpan());
            if (speaker != null) {
                emit(node, NKG.refersTo, speaker);
            }
            emit(node, NKG.mentionKind, mentionKind(speakerKind(s)));
            rule(node, s.rule());
            generated(node, s.confidence());
            return node;
        }

        /**
         * How the words standing as source refer, judged from their tokens: a pronoun ("he"), a name
         * when their head is a proper noun ("Dr Lena Park", "the Kremlin"), else a description
         * ("the minister", "experts").
         */
        private Mention.Kind speakerKind(Statement s) {
            String surface = text(s.speakerSpan()).strip();
            List<Token> tokens = tokens(s.speakerSpan()).stream().filter(t -> !"PUNCT".equals(t.pos())).toList();
            if (tokens.size() == 1 && "PRON".equals(tokens.get(0).pos())) {
                return Mention.Kind.PRONOUN;
            }
            if (!tokens.isEmpty()) {
                return "PROPN".equals(tokens.get(tokens.size() - 1).pos()) ? Mention.Kind.NAME : Mention.Kind.DESCRIPTION;
            }
            // no linguistic layer over these words: fall back on the speaker's names and on spelling
            if (Words.PERSONAL_PRONOUNS.contains(surface.toLowerCase(Locale.ROOT))) {
                return Mention.Kind.PRONOUN;
            }
            Entity speaker = s.speaker() == null ? null : analysis.entity(s.speaker()).orElseThrow();
            if (speaker != null && speaker.type() != EntityType.GROUP
                    && speaker.names().stream().anyMatch(n -> surface.toLowerCase(Locale.ROOT).endsWith(n.toLowerCase(Locale.ROOT)))) {
                return Mention.Kind.NAME;
            }
            boolean capitalised = Arrays.stream(surface.split("\\s+"))
                    .allMatch(w -> !w.isEmpty() && Character.isUpperCase(w.codePointAt(0)));
            return capitalised && speaker != null && speaker.type() != EntityType.GROUP
                    ? Mention.Kind.NAME : Mention.Kind.DESCRIPTION;
        }

        private List<Token> tokens(Span span) {
            if (analysis.text() == null) {
                return List.of();
            }
            return analysis.text().sentences().stream()
                    .filter(sentence -> sentence.span().overlaps(span))
                    .map(Sentence::tokens)
                    .flatMap(List::stream)
                    .filter(t -> span.contains(t.span()))
                    .toList();
        }

        private void writeAttribution(CleanText.ParagraphAttribution a) {
            checkSpan(a.paragraph(), "paragraph");
            Node node = Iris.paragraph(doc, document.codePointOffset(a.paragraph().begin()),
                    document.codePointOffset(a.paragraph().end()));
            emit(node, RDF.type, NIF.Paragraph);
            writeSpan(node, a.paragraph());
            emit(node, NKG.attribution, string(a.attributedTo()));
            emit(node, PROV.wasGeneratedBy, activity);
        }

        private void writeSpan(Node node, Span span) {
            checkSpan(span, node.getURI());
            emit(node, NIF.referenceContext, doc);
            emit(node, NIF.beginIndex, index(document.codePointOffset(span.begin())));
            emit(node, NIF.endIndex, index(document.codePointOffset(span.end())));
            emit(node, NIF.anchorOf, string(text(span)));
        }

        /** The name of the rule that produced the node, when the analysis recorded one. */
        private void rule(Node node, String rule) {
            if (rule != null) {
                emit(node, NKG.rule, string(rule));
            }
        }

        private void generated(Node node, double confidence) {
            if (!(confidence >= 0.0 && confidence <= 1.0)) {
                throw fail("confidence " + confidence + " of " + node.getURI() + " is outside [0, 1]");
            }
            emit(node, NKG.confidence, NodeFactory.createLiteralDT(Double.toString(confidence), XSDDatatype.XSDdouble));
            emit(node, PROV.wasGeneratedBy, activity);
        }

        private Node entity(String key, String where) {
            Node node = entities.get(key);
            if (node == null) {
                throw fail(where + " refers to unknown entity '" + key + "'");
            }
            return node;
        }

        private String text(Span span) {
            return span.of(document.text());
        }

        private void checkSpan(Span span, String what) {
            if (span == null) {
                throw fail(what + " has no span");
            }
            if (span.end() > document.text().length()) {
                throw fail(what + " " + span + " is outside the text (length " + document.text().length() + ")");
            }
        }

        private IllegalArgumentException fail(String message) {
            return new IllegalArgumentException("document " + document.source() + ": " + message);
        }

        private void emit(Node s, Resource p, Resource o) {
            emit(s, p, o.asNode());
        }

        private void emit(Node s, Resource p, Node o) {
            quads.add(Quad.create(doc, s, p.asNode(), o));
        }
    }

    private static Resource entityClass(EntityType type) {
        return switch (type) {
            case PERSON -> SCHEMA.Person;
            case ORGANIZATION -> SCHEMA.Organization;
            case PLACE -> SCHEMA.Place;
            case GROUP -> NKG.Group;
            case EVENT -> SCHEMA.Event;
            case OTHER -> SCHEMA.Thing;
        };
    }

    private static Resource eventClass(Event.Type type) {
        return switch (type) {
            case INTERVIEW -> NKG.Interview;
            case MEETING -> NKG.Meeting;
            case BRIEFING -> NKG.Briefing;
            case VISIT -> NKG.Visit;
            case PUBLICATION -> NKG.Publication;
            case POST -> NKG.Post;
            case OTHER -> null;
        };
    }

    private static Resource mentionKind(Mention.Kind kind) {
        return switch (kind) {
            case NAME -> NKG.Name;
            case PRONOUN -> NKG.Pronoun;
            case DESCRIPTION -> NKG.Description;
            case ACRONYM -> NKG.Acronym;
        };
    }

    private static Resource statementKind(Statement.Kind kind) {
        return switch (kind) {
            case DIRECT_QUOTE -> NKG.DirectQuote;
            case INDIRECT_SPEECH -> NKG.IndirectSpeech;
            case ACCORDING_TO -> NKG.AccordingTo;
            case BELIEF -> NKG.Belief;
        };
    }

    private static Node string(String value) {
        return NodeFactory.createLiteralString(value);
    }

    private static Node index(int value) {
        return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDnonNegativeInteger);
    }

    private static Node date(LocalDate value) {
        return NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDdate);
    }

    /** An absolute IRI when the url is one, else the text as xsd:anyURI, so nothing is dropped. */
    private static Node url(String url) {
        try {
            IRIx iri = IRIx.create(url.strip());
            if (iri.isAbsolute() && !iri.hasViolations()) {
                return NodeFactory.createURI(iri.str());
            }
        } catch (IRIException e) {
            // not an IRI: kept as a literal below
        }
        return NodeFactory.createLiteralDT(url.strip(), XSDDatatype.XSDanyURI);
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
