package org.newskg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.newskg.rdf.Iris;
import org.newskg.rdf.NKG;
import org.newskg.rdf.PROV;
import org.newskg.rdf.SCHEMA;

/**
 * Across documents, a person a document names only by surname ("Revenko") is the person another
 * document names in full ("Valery Revenko"), when the store holds exactly one such full name. Runs inside
 * the write transaction of each document, so the store is never left half-resolved, and needs no rebuild:
 * every write re-decides only the surnames of the persons it added or removed.
 *
 * <p>The rules, for a surname key {@code s} (the last word of a person's identity key):
 * <ul>
 * <li>the <em>full names</em> of {@code s} are the person IRIs of two or more key words ending in {@code s}
 *     that some document holds by its own analysis (not through a merge);</li>
 * <li>with exactly one full name, every document whose own person is {@code <person/s>} uses that full
 *     name's IRI instead: its triples are rewritten and an {@link NKG#IdentityMerge} records the decision,
 *     the rule, a confidence of {@value #CONFIDENCE} and the documents holding the full name;</li>
 * <li>with none, or with two or more (two different Smiths), no document is merged, and merges made
 *     earlier for {@code s} are undone: the result depends on which documents are stored, never on the
 *     order they came in.</li>
 * </ul>
 *
 * <p>For lookups the store writes {@code E nkg:surnameKey "s"} beside each {@code schema:Person} of a
 * document graph; it goes away with the graph.
 *
 * <pre>{@code
 * Set<String> affected = SurnameResolution.surnamesIn(dataset, g);   // before the old graph is dropped
 * dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
 * affected.addAll(SurnameResolution.index(g, quads));                 // adds the surname keys to quads
 * quads.forEach(dataset::add);
 * SurnameResolution.resolve(dataset, affected);
 * }</pre>
 */
final class SurnameResolution {

    /** A surname alone is good evidence when only one person of the store carries it, not proof. */
    static final double CONFIDENCE = 0.7;

    static final String RULE = "the only full name in the store with this surname";

    private SurnameResolution() {
    }

    /** The surname keys of the persons stored in graph {@code g} (read before replacing it). */
    static Set<String> surnamesIn(DatasetGraph dataset, Node g) {
        Set<String> out = new TreeSet<>();
        dataset.find(g, Node.ANY, NKG.surnameKey.asNode(), Node.ANY).forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
        return out;
    }

    /** Appends to {@code quads} a {@code nkg:surnameKey} for each person they type, and returns those surname keys. */
    static Set<String> index(Node g, List<Quad> quads) {
        Set<String> out = new TreeSet<>();
        Set<Node> persons = new LinkedHashSet<>();
        for (Quad q : quads) {
            if (q.getPredicate().equals(RDF.type.asNode()) && q.getObject().equals(SCHEMA.Person.asNode())
                    && !Iris.personKeyWords(q.getSubject()).isEmpty()) {
                persons.add(q.getSubject());
            }
        }
        for (Node p : persons) {
            List<String> words = Iris.personKeyWords(p);
            String surname = words.get(words.size() - 1);
            quads.add(Quad.create(g, p, NKG.surnameKey.asNode(), NodeFactory.createLiteralString(surname)));
            out.add(surname);
        }
        return out;
    }

    /** Re-decides every surname in {@code surnames}; call inside the write transaction, after the document is written. */
    static void resolve(DatasetGraph dataset, Set<String> surnames) {
        for (String s : surnames) {
            resolve(dataset, s);
        }
    }

    private static void resolve(DatasetGraph dataset, String surname) {
        Node surnameOnly = Iris.person(List.of(surname));
        Node key = NodeFactory.createLiteralString(surname);
        if (!dataset.find(Node.ANY, Node.ANY, NKG.mergedEntity.asNode(), surnameOnly).hasNext() && twoFullNames(dataset, key)) {
            // two full names and no merge to undo: the decision below would merge nothing and undo nothing, so it is
            // skipped. A common surname ("Smith") is held by thousands of documents, and reading all of them on every
            // write made a large build slow down as the store grew.
            return;
        }
        // full names held by a document's own analysis, with the documents holding each
        Map<String, Set<Node>> fullNames = new TreeMap<>();
        // documents whose own person is the surname alone (merged or not)
        Set<Node> surnameDocuments = new LinkedHashSet<>();
        for (Iterator<Quad> it = dataset.find(Node.ANY, Node.ANY, NKG.surnameKey.asNode(), key); it.hasNext(); ) {
            Quad q = it.next();
            Node g = q.getGraph();
            Node person = q.getSubject();
            Node merge = Iris.merge(g, surname);
            if (person.equals(surnameOnly)) {
                surnameDocuments.add(g);
            } else if (dataset.contains(g, merge, NKG.mergedInto.asNode(), person)) {
                surnameDocuments.add(g); // its surname-only person, merged into this full name
            } else if (Iris.personKeyWords(person).size() >= 2) {
                fullNames.computeIfAbsent(person.getURI(), u -> new TreeSet<>(java.util.Comparator.comparing(Node::getURI))).add(g);
            }
        }
        Node target = fullNames.size() == 1 ? NodeFactory.createURI(fullNames.keySet().iterator().next()) : null;
        Set<Node> evidence = target == null ? Set.of() : fullNames.get(target.getURI());
        for (Node g : surnameDocuments) {
            Node merge = Iris.merge(g, surname);
            Node current = mergedInto(dataset, g, merge);
            Node wanted = target != null && !evidence.contains(g) ? target : null;
            if (current != null) {
                dataset.deleteAny(g, merge, Node.ANY, Node.ANY);
                if (!current.equals(wanted)) {
                    rename(dataset, g, current, surnameOnly);
                }
            }
            if (wanted != null) {
                if (!wanted.equals(current)) {
                    rename(dataset, g, surnameOnly, wanted);
                }
                record(dataset, g, merge, surnameOnly, wanted, evidence);
            }
        }
    }

    /**
     * Whether two different persons of two or more key words carry surname key {@code key}. Called only when no merge
     * of the surname exists, when every such person is a document's own full name; it stops at the second one.
     */
    private static boolean twoFullNames(DatasetGraph dataset, Node key) {
        Node first = null;
        for (Iterator<Quad> it = dataset.find(Node.ANY, Node.ANY, NKG.surnameKey.asNode(), key); it.hasNext(); ) {
            Node person = it.next().getSubject();
            if (Iris.personKeyWords(person).size() >= 2) {
                if (first == null) {
                    first = person;
                } else if (!first.equals(person)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Node mergedInto(DatasetGraph dataset, Node g, Node merge) {
        Iterator<Quad> it = dataset.find(g, merge, NKG.mergedInto.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** Every triple of graph {@code g} naming {@code from}, as subject or object, names {@code to} instead. */
    private static void rename(DatasetGraph dataset, Node g, Node from, Node to) {
        List<Quad> old = new ArrayList<>();
        dataset.find(g, from, Node.ANY, Node.ANY).forEachRemaining(old::add);
        dataset.find(g, Node.ANY, Node.ANY, from).forEachRemaining(q -> {
            if (!q.getSubject().equals(from)) {
                old.add(q);
            }
        });
        for (Quad q : old) {
            dataset.delete(q);
        }
        for (Quad q : old) {
            Node s = q.getSubject().equals(from) ? to : q.getSubject();
            Node o = q.getObject().equals(from) ? to : q.getObject();
            dataset.add(g, s, q.getPredicate(), o);
        }
    }

    private static void record(DatasetGraph dataset, Node g, Node merge, Node from, Node to, Set<Node> evidence) {
        dataset.add(g, merge, RDF.type.asNode(), NKG.IdentityMerge.asNode());
        dataset.add(g, merge, NKG.mergedEntity.asNode(), from);
        dataset.add(g, merge, NKG.mergedInto.asNode(), Objects.requireNonNull(to));
        dataset.add(g, merge, NKG.mergeRule.asNode(), NodeFactory.createLiteralString(RULE));
        dataset.add(g, merge, NKG.confidence.asNode(),
                NodeFactory.createLiteralDT(Double.toString(CONFIDENCE), XSDDatatype.XSDdouble));
        for (Node doc : evidence) {
            dataset.add(g, merge, PROV.wasDerivedFrom.asNode(), doc);
        }
    }
}
