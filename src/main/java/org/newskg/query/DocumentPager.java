package org.newskg.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * Runs a canned query whose rows are sorted by {@code ?source ?document} first, one document at a time, so
 * that a page of rows costs what its documents cost and not a sort of the whole store.
 *
 * <p>The plan: take the documents in the order the query sorts them ({@link StoreDigest#documents()}), run
 * the query on each with {@code ?document} bound to it (its own {@code ORDER BY} then orders that document's
 * rows), skip {@code offset} rows and stop at {@code limit}. The rows are the same, in the same order, as the
 * query's own with {@code OFFSET} and {@code LIMIT}; {@code DocumentPagerTest} checks that against ARQ.
 *
 * <p>A query may start with a name lookup, as {@code statements-by} does:
 * <pre>
 * { SELECT DISTINCT ?x WHERE { { ?x rdfs:label ?name } UNION { ?x schema:alternateName ?name }
 *     FILTER(?x = ?pParam || CONTAINS(LCASE(STR(?name)), LCASE(STR(?pParam)))) } }
 * </pre>
 * That exact block is answered from the digest's distinct names instead of every label of every document
 * graph and taken out of the query: up to {@value #MAX_SUBSTITUTED} matched entities are then bound one at a time,
 * more go into {@code VALUES ?x { ... }}. When the query also requires {@code ?s <p> ?x} inside its
 * {@code GRAPH ?document}, only the documents holding such a quad are visited.
 *
 * <p>What it does not cover, and then runs the query as written: a query that is not sorted by
 * {@code ?source ?document} first, has aggregates or a top-level {@code VALUES}; a store with a document
 * holding two {@code nkg:source} values. Rows are only looked for in documents (graphs that describe
 * themselves as {@code schema:NewsArticle}, as {@code Store} writes them).
 */
final class DocumentPager {

    private static final Var SOURCE = Var.alloc("source");
    private static final Var DOCUMENT = Var.alloc("document");
    /** Up to this many matched entities are bound one at a time; more go into one VALUES table. */
    private static final int MAX_SUBSTITUTED = 64;
    private static final String PREFIXES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            """;

    /** A recognised name lookup: the subquery at {@code position} of the top group binds {@code entity} from parameter {@code parameter}. */
    record NameLookup(int position, Var entity, Var parameter, Node predicate) {
    }

    private DocumentPager() {
    }

    /** Whether rows of {@code query} come sorted by {@code ?source ?document} first, so that it can be paged by document. */
    static boolean pageable(Query query) {
        if (!query.isSelectType() || query.hasAggregators() || query.hasGroupBy() || query.hasValues()
                || !query.hasOrderBy() || query.getOrderBy().size() < 2 || query.isDistinct() || query.isReduced()
                || !(query.getQueryPattern() instanceof ElementGroup)) {
            return false;
        }
        return ascending(query.getOrderBy().get(0), SOURCE) && ascending(query.getOrderBy().get(1), DOCUMENT)
                && query.getResultVars().contains(DOCUMENT.getVarName());
    }

    private static boolean ascending(SortCondition c, Var v) {
        Expr e = c.getExpression();
        return e.isVariable() && e.asVar().equals(v) && c.getDirection() != Query.ORDER_DESCENDING;
    }

    /** The name lookup at the top of the query on one of {@code parameters}, if it has exactly the shape described above. */
    static Optional<NameLookup> nameLookup(Query query, Iterable<Var> parameters) {
        if (!(query.getQueryPattern() instanceof ElementGroup group)) {
            return Optional.empty();
        }
        List<Element> elements = group.getElements();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ElementSubQuery sub && sub.getQuery().getProjectVars().size() == 1) {
                Query inner = sub.getQuery();
                Var entity = inner.getProjectVars().get(0);
                for (Var parameter : parameters) {
                    String varName = parameter.getVarName();
                    Query expected = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?" + entity.getVarName()
                            + " WHERE { { ?" + entity.getVarName() + " rdfs:label ?name } UNION { ?" + entity.getVarName()
                            + " schema:alternateName ?name } FILTER(?" + entity.getVarName() + " = ?" + varName
                            + " || CONTAINS(LCASE(STR(?name)), LCASE(STR(?" + varName + ")))) }");
                    if (expected.getQueryPattern().equalTo(inner.getQueryPattern(), new org.apache.jena.sparql.util.NodeIsomorphismMap())
                            && inner.isDistinct()) {
                        return Optional.of(new NameLookup(i, entity, Var.alloc(varName), requiredPredicate(group, entity)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The predicate of a triple {@code ?s <p> ?entity} required (not optional) directly inside {@code GRAPH ?document}, or null. */
    private static Node requiredPredicate(ElementGroup group, Var entity) {
        for (Element e : group.getElements()) {
            if (e instanceof ElementNamedGraph g && DOCUMENT.equals(g.getGraphNameNode())
                    && g.getElement() instanceof ElementGroup inner) {
                for (Element part : inner.getElements()) {
                    if (part instanceof ElementPathBlock block) {
                        for (TriplePath tp : block.getPattern()) {
                            if (tp.isTriple() && entity.equals(tp.getObject()) && tp.getPredicate().isURI()) {
                                return tp.getPredicate();
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * The rows of {@code query} under {@code params} from {@code offset} on, at most {@code limit} of them (all when
     * negative), by document. Call inside a read transaction on {@code dsg}; {@code local} makes a query builder on it.
     * Returns empty when the query or the store is not covered, for the caller to run the query as written.
     */
    static Optional<List<Binding>> rows(Query query, Binding params, DatasetGraph dsg, long offset, long limit,
                                        java.util.function.Supplier<QueryExecBuilder> local) {
        if (!pageable(query)) {
            return Optional.empty();
        }
        StoreDigest digest = StoreDigest.of(dsg);
        if (!digest.oneSourceEach()) {
            return Optional.empty();
        }
        Query plan = query.cloneQuery();
        plan.setLimit(Query.NOLIMIT);
        plan.setOffset(Query.NOLIMIT);
        Optional<NameLookup> lookup = nameLookup(plan, () -> params.vars());
        if (lookup.isEmpty() && limit < 0) {
            return Optional.empty();     // every row from some offset on: the plain query sorts once, no faster by document
        }
        List<Node> documents = digest.documents();
        Map<Node, Set<Node>> speakersIn = null;     // with a name lookup: the matched entities each document holds
        Set<Node> entities = Set.of();              // the matched entities bound one at a time, if they are
        if (lookup.isPresent()) {
            NameLookup l = lookup.get();
            Node param = params.get(l.parameter());
            if (param == null) {
                return Optional.empty();
            }
            Set<Node> matched = digest.entitiesNamed(dsg, param);
            if (matched.isEmpty()) {
                return Optional.of(List.of());      // nobody has that name
            }
            boolean oneByOne = matched.size() <= MAX_SUBSTITUTED && l.predicate() != null;
            // few entities: each bound by substitution, which ARQ turns into index lookups of its statements; many:
            // all of them in a VALUES table, which ARQ joins with every statement of the documents it reads
            replace(plan, l, oneByOne ? null : matched);
            if (oneByOne) {
                entities = matched;
            }
            if (limit < 0) {
                // every row from an offset on: the lookup answered, no need to go document by document
                List<Binding> all = new ArrayList<>();
                if (entities.isEmpty()) {
                    all.addAll(run(plan, params, local));
                } else {
                    for (Node e : entities) {
                        all.addAll(run(plan, BindingFactory.binding(params, l.entity(), e), local));
                    }
                    all.sort(new BindingComparator(plan.getOrderBy()));
                }
                return Optional.of(all.subList((int) Math.min(all.size(), Math.max(0, offset)), all.size()));
            }
            if (l.predicate() != null) {
                speakersIn = digest.documentsWith(dsg, l.predicate(), matched);
                documents = List.copyOf(speakersIn.keySet());
            }
        }
        List<Binding> rows = new ArrayList<>();
        long skip = Math.max(0, offset);
        for (Node document : documents) {
            if (limit >= 0 && rows.size() >= limit) {
                break;
            }
            // ?document bound by substitution, not joined with a VALUES table: ARQ evaluates a join with a GRAPH block
            // that holds an EXISTS (who-said-what's speaker type) by reading the whole GRAPH block first
            Binding bound = BindingFactory.binding(params, DOCUMENT, document);
            List<Binding> found;
            if (entities.isEmpty()) {
                found = run(plan, bound, local);
            } else {
                found = new ArrayList<>();
                for (Node e : speakersIn.get(document)) {
                    found.addAll(run(plan, BindingFactory.binding(bound, lookup.get().entity(), e), local));
                }
                found.sort(new BindingComparator(plan.getOrderBy()));
            }
            for (Binding row : found) {
                if (skip > 0) {
                    skip--;
                } else if (rows.size() < limit) {
                    rows.add(row);
                }
            }
        }
        return Optional.of(rows);
    }

    private static List<Binding> run(Query plan, Binding binding, java.util.function.Supplier<QueryExecBuilder> local) {
        try (QueryExec exec = local.get().query(plan).substitution(binding).build()) {
            // copied: a TDB2 row reads its terms lazily, which only works inside the transaction
            return Iter.toList(Iter.map(exec.select(), BindingFactory::copy));
        }
    }

    /** Replaces the name lookup by {@code VALUES} of the entities, or drops it when {@code entities} is null (they are substituted). */
    private static void replace(Query plan, NameLookup lookup, Set<Node> entities) {
        if (entities == null) {
            ((ElementGroup) plan.getQueryPattern()).getElements().remove(lookup.position());
            return;
        }
        ElementData values = new ElementData();
        values.add(lookup.entity());
        for (Node e : entities) {
            values.add(BindingFactory.binding(lookup.entity(), e));
        }
        ((ElementGroup) plan.getQueryPattern()).getElements().set(lookup.position(), values);
    }

    /** The rows as a row set with the query's columns. */
    static RowSet rowSet(Query query, List<Binding> rows) {
        return RowSetStream.create(query.getProjectVars(), rows.iterator());
    }
}
