package org.newskg.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.graph.Node;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.newskg.rdf.NKG;
import org.newskg.rdf.SCHEMA;

/**
 * What the paged canned queries need to know about a store, read in one pass: its documents in the order
 * {@code ORDER BY ?source ?document} puts them, and the distinct names of every entity.
 *
 * <p>Both grow with the corpus only as far as documents and distinct names do: an entity named in twenty
 * documents has its names once here, where the store holds them once per document graph. That is what lets
 * a name lookup touch the names instead of every label quad ({@link #entitiesNamed}).
 *
 * <p>A digest of a TDB2 store is kept until a write commits: it is keyed by the data version the reading
 * transaction sees, so a reader never gets the digest of another version. Other datasets get a fresh digest
 * on every call.
 */
final class StoreDigest {

    private static final Var SOURCE = Var.alloc("source");
    private static final Var DOCUMENT = Var.alloc("document");
    /** The order of the paged queries' rows, first by source, then by document: as ARQ's ORDER BY compares them. */
    private static final Comparator<Binding> DOCUMENT_ORDER = new BindingComparator(List.of(
            new SortCondition(SOURCE, org.apache.jena.query.Query.ORDER_ASCENDING),
            new SortCondition(DOCUMENT, org.apache.jena.query.Query.ORDER_ASCENDING)));

    private static final Map<DatasetGraph, StoreDigest> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** An entity's name as the queries match it: {@code LCASE(STR(?name))}, or null where STR has no value (a blank node). */
    private record Name(Node entity, String key) {
    }

    private final Object storage;
    private final long version;
    private final List<Node> documents;
    private final Map<Node, Integer> rank;
    /** For a TDB2 store, the same ranks by the TDB2 node id of each document's IRI. */
    private final Map<NodeId, Integer> rankById;
    private final boolean oneSourceEach;
    /**
     * Answers already given on this version, so that the next page of the same question (or the same question
     * again) does not read them again: the entities a name matched, and the documents (as ranks) where an entity is
     * the object of a predicate. Both are bounded: {@value #REMEMBERED_LOOKUPS} lookups, and
     * {@value #REMEMBERED_RANKS} ranks in all.
     */
    private final Map<String, Set<Node>> lookups = lru(REMEMBERED_LOOKUPS);
    private final LinkedHashMap<List<Node>, int[]> ranksWith = new LinkedHashMap<>(16, 0.75f, true);
    private long rememberedRanks;
    static final int REMEMBERED_LOOKUPS = 256;
    static final int REMEMBERED_RANKS = 4_000_000;
    /** Read on first use (not every query looks up names), from a transaction on the same version. */
    private Set<Node> named;
    private List<Name> names;

    private StoreDigest(Object storage, long version, List<Node> documents, boolean oneSourceEach) {
        this.storage = storage;
        this.version = version;
        this.documents = List.copyOf(documents);
        this.rank = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            rank.put(documents.get(i), i);
        }
        this.oneSourceEach = oneSourceEach;
        this.rankById = new HashMap<>();
        if (storage instanceof DatasetGraphTDB tdb) {
            NodeTable terms = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
            for (int i = 0; i < documents.size(); i++) {
                rankById.put(terms.getNodeIdForNode(documents.get(i)), i);
            }
        }
    }

    /** The digest of {@code dsg} as the caller's read transaction sees it. Call inside that transaction. */
    static StoreDigest of(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg)) {
            return read(dsg, null, -1);
        }
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(dsg);
        Transaction txn = storage.getTxnSystem().getThreadTransaction();
        if (txn == null) {
            throw new IllegalStateException("StoreDigest.of outside a transaction");
        }
        long version = txn.getDataVersion();
        StoreDigest cached = CACHE.get(dsg);
        // a compaction switches the dataset to new storage, whose versions count afresh
        if (cached != null && cached.storage == storage && cached.version == version) {
            return cached;
        }
        StoreDigest digest = read(dsg, storage, version);
        CACHE.put(dsg, digest);
        return digest;
    }

    private static StoreDigest read(DatasetGraph dsg, Object storage, long version) {
        List<Binding> keyed = new ArrayList<>();
        boolean oneSourceEach = true;
        Set<Node> seen = new java.util.HashSet<>();
        for (Quad q : Iter.toList(dsg.findNG(Node.ANY, Node.ANY, RDF.type.asNode(), SCHEMA.NewsArticle.asNode()))) {
            Node doc = q.getGraph();
            if (!doc.equals(q.getSubject()) || !seen.add(doc)) {
                continue;
            }
            List<Quad> sources = Iter.toList(dsg.find(doc, doc, NKG.source.asNode(), Node.ANY));
            oneSourceEach &= sources.size() <= 1;
            BindingBuilder b = BindingBuilder.create().add(DOCUMENT, doc);
            if (!sources.isEmpty()) {
                b.add(SOURCE, sources.get(0).getObject());
            }
            keyed.add(b.build());
        }
        keyed.sort(DOCUMENT_ORDER);
        List<Node> documents = keyed.stream().map(b -> b.get(DOCUMENT)).toList();
        return new StoreDigest(storage, version, documents, oneSourceEach);
    }

    /** The distinct names of every entity, read once: called inside a read transaction that sees this digest's version. */
    private synchronized void readNames(DatasetGraph dsg) {
        if (names != null) {
            return;
        }
        Set<Node> subjects = new java.util.HashSet<>();
        Set<Name> distinct = new LinkedHashSet<>();
        for (Node p : List.of(RDFS.label.asNode(), SCHEMA.alternateName.asNode())) {
            if (TDBInternal.isTDB2(dsg)) {
                // the same name of the same entity is stored once per document graph: drop the copies while they are
                // still TDB2 node ids, and turn only the distinct pairs into RDF terms
                NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
                Set<List<NodeId>> pairs = new java.util.HashSet<>();
                quads.findAsNodeIds(Node.ANY, Node.ANY, p, Node.ANY)
                        .forEachRemaining(t -> pairs.add(List.of(t.get(1), t.get(3))));
                NodeTable terms = quads.getNodeTable();
                for (List<NodeId> pair : pairs) {
                    Node entity = terms.getNodeForNodeId(pair.get(0));
                    subjects.add(entity);
                    distinct.add(new Name(entity, key(terms.getNodeForNodeId(pair.get(1)))));
                }
            } else {
                dsg.findNG(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    subjects.add(q.getSubject());
                    distinct.add(new Name(q.getSubject(), key(q.getObject())));
                });
            }
        }
        named = subjects;
        names = List.copyOf(distinct);
    }

    /** {@code LCASE(STR(node))} as ARQ computes it; null for a blank node, which STR rejects. */
    private static String key(Node node) {
        if (!node.isLiteral() && !node.isURI()) {
            return null;
        }
        String str = node.isLiteral() ? node.getLiteralLexicalForm() : node.getURI();
        return XSDFuncOp.strLowerCase(NodeValue.makeString(str)).getString();
    }

    /** The documents (graphs that describe themselves as {@code schema:NewsArticle}), in {@code ORDER BY ?source ?document} order. */
    List<Node> documents() {
        return documents;
    }

    /** Whether every document has at most one {@code nkg:source}: the paged plan relies on it. */
    boolean oneSourceEach() {
        return oneSourceEach;
    }

    /** The position of a document in {@link #documents()}, or -1 for a graph that is not a document. */
    int rank(Node document) {
        return rank.getOrDefault(document, -1);
    }

    /**
     * The documents holding a quad {@code ?s predicate e} for one of {@code entities}, in {@link #documents()} order,
     * each with those of the entities it holds. On a TDB2 store the quads are read as node ids and only their graphs'
     * ids are looked at: turning every quad into RDF terms took half the time of a page of {@code statements-by}.
     * Call inside a read transaction on {@code dsg}, the dataset this digest was read from.
     */
    Map<Node, Set<Node>> documentsWith(DatasetGraph dsg, Node predicate, Set<Node> entities) {
        java.util.TreeMap<Integer, Set<Node>> byRank = new java.util.TreeMap<>();
        for (Node e : entities) {
            for (int r : ranksWith(dsg, predicate, e)) {
                byRank.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(e);
            }
        }
        Map<Node, Set<Node>> out = new java.util.LinkedHashMap<>();
        byRank.forEach((r, es) -> out.put(documents.get(r), es));
        return out;
    }

    /** The ranks of the documents holding {@code ?s predicate entity}, ascending; remembered for this version. */
    private int[] ranksWith(DatasetGraph dsg, Node predicate, Node entity) {
        List<Node> key = List.of(predicate, entity);
        synchronized (ranksWith) {
            int[] known = ranksWith.get(key);
            if (known != null) {
                return known;
            }
        }
        java.util.BitSet found = new java.util.BitSet(documents.size());
        if (storage instanceof DatasetGraphTDB tdb && TDBInternal.getDatasetGraphTDB(dsg) == tdb) {
            NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
            NodeTable terms = quads.getNodeTable();
            NodeId p = terms.getNodeIdForNode(predicate);
            NodeId o = terms.getNodeIdForNode(entity);
            if (!NodeId.isDoesNotExist(p) && !NodeId.isDoesNotExist(o)) {
                quads.find(NodeId.NodeIdAny, NodeId.NodeIdAny, p, o).forEachRemaining(t -> {
                    Integer r = rankById.get(t.get(0));
                    if (r != null) {
                        found.set(r);
                    }
                });
            }
        } else {
            dsg.findNG(Node.ANY, Node.ANY, predicate, entity).forEachRemaining(q -> {
                int r = rank(q.getGraph());
                if (r >= 0) {
                    found.set(r);
                }
            });
        }
        int[] ranks = found.stream().toArray();
        synchronized (ranksWith) {
            if (ranksWith.put(key, ranks) == null) {
                rememberedRanks += ranks.length;
            }
            for (var it = ranksWith.entrySet().iterator(); rememberedRanks > REMEMBERED_RANKS && it.hasNext(); ) {
                rememberedRanks -= it.next().getValue().length;
                it.remove();
            }
        }
        return ranks;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    /**
     * The entities {@code FILTER(?x = param || CONTAINS(LCASE(STR(?name)), LCASE(STR(param))))} keeps among
     * those with an {@code rdfs:label} or {@code schema:alternateName} (any graph), in no particular order. Call
     * inside a read transaction on {@code dsg}, the dataset this digest was read from.
     */
    Set<Node> entitiesNamed(DatasetGraph dsg, Node param) {
        String lookup = org.apache.jena.riot.out.NodeFmtLib.strNT(param);
        Set<Node> known = lookups.get(lookup);
        if (known != null) {
            return known;
        }
        Set<Node> found = match(dsg, param);
        lookups.put(lookup, found);
        return found;
    }

    private Set<Node> match(DatasetGraph dsg, Node param) {
        readNames(dsg);
        Set<Node> found = new LinkedHashSet<>();
        if (named.contains(param)) {
            found.add(param);
        }
        String wanted = key(param);
        if (wanted != null) {
            for (Name n : names) {
                if (n.key() != null && n.key().contains(wanted)) {
                    found.add(n.entity());
                }
            }
        }
        return Collections.unmodifiableSet(found);
    }
}
