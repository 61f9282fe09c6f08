package org.newskg.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.newskg.rdf.NKG;
import org.newskg.rdf.PROV;
import org.newskg.store.Store;

/**
 * The RDF of links. Graph {@link #LINKS} holds, for each entity, a {@code nkg:LinkCandidate} node per candidate
 * kept (QID, Wikidata label and description, score, features, method, time, status) and, for an accepted link, {@code <entity> skos:exactMatch wd:Q..};
 * {@code newskg link} replaces it whole. Graph {@link #DECISIONS} holds a person's confirmations and rejections;
 * only {@code --apply} writes it and {@code newskg build} never drops it, so decisions survive rebuilds.
 */
public final class LinkGraph {

    public static final Node LINKS = NodeFactory.createURI("https://w3id.org/newskg/graph/links");
    public static final Node DECISIONS = NodeFactory.createURI("https://w3id.org/newskg/graph/link-decisions");
    /** The one property that states an accepted link (see ontology/newskg.ttl for why not owl:sameAs). */
    public static final Node LINK = SKOS.exactMatch.asNode();

    /** A person's decision about one QID for one entity. */
    public record Decision(String entity, String qid, boolean accept) {
    }

    private LinkGraph() {
    }

    /** Replaces the links graph with these linking results, in one transaction. */
    static void write(Store store, List<Linker.Linked> results, Instant time) {
        List<Quad> quads = new ArrayList<>();
        Node now = NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime);
        for (Linker.Linked l : results) {
            Node entity = NodeFactory.createURI(l.entity().iri());
            for (Linker.Ranked r : l.candidates()) {
                Node c = NodeFactory.createURI(NKG.ID + "link/" + hash(l.entity().iri()) + "/" + r.qid());
                add(quads, entity, NKG.linkCandidate.asNode(), c);
                add(quads, c, RDF.type.asNode(), NKG.LinkCandidate.asNode());
                add(quads, c, NKG.qid.asNode(), NodeFactory.createLiteralString(r.qid()));
                add(quads, c, NKG.candidateItem.asNode(), Wikidata.item(r.qid()));
                addText(quads, c, NKG.candidateLabel.asNode(), r.label());
                addText(quads, c, NKG.candidateDescription.asNode(), r.description());
                add(quads, c, NKG.linkScore.asNode(), NodeFactory.createLiteralDT(String.format(java.util.Locale.ROOT,
                        "%.4f", r.score()), XSDDatatype.XSDdecimal));
                for (var f : r.features().entrySet()) {
                    add(quads, c, NKG.linkFeature.asNode(), NodeFactory.createLiteralString(
                            f.getKey() + "=" + String.format(java.util.Locale.ROOT, "%.2f", f.getValue())));
                }
                add(quads, c, NKG.linkMethod.asNode(), NodeFactory.createLiteralString(r.method()));
                add(quads, c, PROV.generatedAtTime.asNode(), now);
                add(quads, c, NKG.linkStatus.asNode(), NodeFactory.createLiteralString(r.status()));
                if (r.linked()) {
                    add(quads, entity, LINK, Wikidata.item(r.qid()));
                }
            }
        }
        store.replaceDocument(LINKS, quads);
    }

    private static void add(List<Quad> quads, Node s, Node p, Node o) {
        quads.add(Quad.create(LINKS, s, p, o));
    }

    /** Adds a plain string, unless it is empty: an unknown label or description is left out, not stated as "". */
    private static void addText(List<Quad> quads, Node s, Node p, String text) {
        if (text != null && !text.isEmpty()) {
            add(quads, s, p, NodeFactory.createLiteralString(text));
        }
    }

    /** The recorded decisions: entity IRI -> QID -> accept. */
    static Map<String, Map<String, Boolean>> decisions(DatasetGraph dataset) {
        Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
        for (QuerySolution r : Profiles.select(dataset, """
                SELECT ?e ?qid ?status WHERE { GRAPH <%s> { ?d nkg:decisionFor ?e ; nkg:qid ?qid ; nkg:linkStatus ?status } }
                ORDER BY ?e ?qid""".formatted(DECISIONS.getURI()))) {
            out.computeIfAbsent(r.getResource("e").getURI(), k -> new LinkedHashMap<>())
                    .put(r.getLiteral("qid").getLexicalForm(), "confirmed".equals(r.getLiteral("status").getLexicalForm()));
        }
        return out;
    }

    /** Records decisions, a later one for the same entity and QID replacing the earlier; returns how many are held. */
    static int record(Store store, List<Decision> decisions, Instant time) {
        Map<String, Map<String, Boolean>> all = org.apache.jena.system.Txn.calculateRead(store.dataset(),
                () -> decisions(store.dataset()));
        for (Decision d : decisions) {
            if (!Wikidata.isQid(d.qid())) {
                throw new IllegalArgumentException("not a Wikidata item id: '" + d.qid() + "' for " + d.entity());
            }
            all.computeIfAbsent(d.entity(), k -> new LinkedHashMap<>()).put(d.qid(), d.accept());
        }
        List<Quad> quads = new ArrayList<>();
        Node now = NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime);
        int n = 0;
        for (var e : all.entrySet()) {
            for (var q : e.getValue().entrySet()) {
                Node d = NodeFactory.createURI(NKG.ID + "link-decision/" + hash(e.getKey()) + "/" + q.getKey());
                Node entity = NodeFactory.createURI(e.getKey());
                quads.add(Quad.create(DECISIONS, d, RDF.type.asNode(), NKG.LinkDecision.asNode()));
                quads.add(Quad.create(DECISIONS, d, NKG.decisionFor.asNode(), entity));
                quads.add(Quad.create(DECISIONS, d, NKG.qid.asNode(), NodeFactory.createLiteralString(q.getKey())));
                quads.add(Quad.create(DECISIONS, d, NKG.candidateItem.asNode(), Wikidata.item(q.getKey())));
                quads.add(Quad.create(DECISIONS, d, NKG.linkStatus.asNode(),
                        NodeFactory.createLiteralString(q.getValue() ? "confirmed" : "rejected")));
                quads.add(Quad.create(DECISIONS, d, PROV.generatedAtTime.asNode(), now));
                n++;
            }
        }
        store.replaceDocument(DECISIONS, quads);
        return n;
    }

    /**
     * Re-states the links of graph {@link #LINKS} after decisions changed, without asking any backend: a confirmed QID
     * is linked, a rejected one is not, and otherwise the scorer's auto link stands.
     */
    static void restate(Store store) {
        DatasetGraph ds = store.dataset();
        List<Quad> quads = org.apache.jena.system.Txn.calculateRead(ds, () -> {
            Map<String, Map<String, Boolean>> decisions = decisions(ds);
            List<Quad> kept = new ArrayList<>();
            Map<Node, String> statusOf = new LinkedHashMap<>();
            Map<Node, Node> entityOf = new LinkedHashMap<>();
            Map<Node, String> qidOf = new LinkedHashMap<>();
            ds.find(LINKS, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.getPredicate().equals(LINK)) {
                    return;
                }
                if (q.getPredicate().equals(NKG.linkStatus.asNode())) {
                    statusOf.put(q.getSubject(), q.getObject().getLiteralLexicalForm());
                    return;
                }
                if (q.getPredicate().equals(NKG.linkCandidate.asNode())) {
                    entityOf.put(q.getObject(), q.getSubject());
                }
                if (q.getPredicate().equals(NKG.qid.asNode())) {
                    qidOf.put(q.getSubject(), q.getObject().getLiteralLexicalForm());
                }
                kept.add(q);
            });
            Map<Node, String> linked = new LinkedHashMap<>();
            for (var c : statusOf.entrySet()) {
                Node entity = entityOf.get(c.getKey());
                String qid = qidOf.get(c.getKey());
                Map<String, Boolean> d = entity == null ? Map.of() : decisions.getOrDefault(entity.getURI(), Map.of());
                String status = c.getValue();
                if (Boolean.TRUE.equals(d.get(qid))) {
                    status = "confirmed";
                } else if (Boolean.FALSE.equals(d.get(qid))) {
                    status = "rejected";
                } else if (d.containsValue(true) || status.equals("confirmed") || status.equals("rejected")) {
                    status = "runner-up";
                }
                kept.add(Quad.create(LINKS, c.getKey(), NKG.linkStatus.asNode(), NodeFactory.createLiteralString(status)));
                if (entity != null && (status.equals("confirmed") || status.equals("auto") && !d.containsValue(true))) {
                    linked.put(entity, qid);
                }
            }
            for (var e : decisions.entrySet()) {
                for (var q : e.getValue().entrySet()) {
                    if (q.getValue()) {
                        linked.put(NodeFactory.createURI(e.getKey()), q.getKey());
                    }
                }
            }
            linked.forEach((e, q) -> kept.add(Quad.create(LINKS, e, LINK, Wikidata.item(q))));
            return kept;
        });
        store.replaceDocument(LINKS, quads);
    }

    static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
