package org.newskg.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingProject;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newskg.rdf.NKG;

/**
 * The canned queries shipped in the jar under {@code /queries/} (listed in {@code /queries/index.txt}),
 * and how to run them against a local store or a remote SPARQL endpoint.
 *
 * <pre>{@code
 * CannedQueries queries = CannedQueries.fromClasspath();
 * queries.run("statements-by", Map.of("speaker", "Vargas"), store.dataset(), ResultFormat.CSV, System.out);
 * queries.run("entities", Map.of(), "http://localhost:3030/newskg/sparql", ResultFormat.JSON, out);
 * }</pre>
 *
 * <p>The queries expect the default graph to be the union of the document graphs, as
 * {@code Store.dataset()} and the NewsKG server provide. Local runs make sure of it: a TDB2
 * dataset is asked for its union default graph; any other dataset is queried through a view
 * whose default graph is the union of its named graphs (its own default graph is then hidden).
 */
public final class CannedQueries {

    private static final String DIRECTORY = "/queries/";

    private final Map<String, CannedQuery> queries;

    private CannedQueries(Map<String, CannedQuery> queries) {
        this.queries = queries;
    }

    /**
     * Loads and parses every query listed in {@code /queries/index.txt} on the classpath.
     *
     * @throws IllegalStateException if the index or a listed query is missing or does not parse
     */
    public static CannedQueries fromClasspath() {
        Map<String, CannedQuery> queries = new LinkedHashMap<>();
        List<String> names = read(DIRECTORY + "index.txt").lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String name : names) {
            try {
                queries.put(name, CannedQuery.parse(name, read(DIRECTORY + name + ".rq")));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return new CannedQueries(queries);
    }

    private static String read(String resource) {
        try (InputStream in = CannedQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Every query, in index order. */
    public List<CannedQuery> all() {
        return List.copyOf(queries.values());
    }

    /** The query names, in index order. */
    public List<String> names() {
        return List.copyOf(queries.keySet());
    }

    /**
     * The query with this name.
     *
     * @throws IllegalArgumentException naming the unknown query and the known ones
     */
    public CannedQuery get(String name) {
        CannedQuery q = queries.get(name);
        if (q == null) {
            throw new IllegalArgumentException("Unknown query '" + name + "'; known: " + String.join(", ", queries.keySet()));
        }
        return q;
    }

    /** Runs a query on a local dataset (in a read transaction) and writes the results to {@code out}. */
    public void run(String name, Map<String, String> params, DatasetGraph dataset, ResultFormat format, OutputStream out) {
        run(name, params, dataset, format, out, List.of());
    }

    /**
     * As {@link #run(String, Map, DatasetGraph, ResultFormat, OutputStream)}, printing only {@code columns}
     * (all when empty), in the order given.
     *
     * @throws IllegalArgumentException naming a column the query does not have, and the ones it has
     */
    public void run(String name, Map<String, String> params, DatasetGraph dataset, ResultFormat format, OutputStream out,
                    List<String> columns) {
        Objects.requireNonNull(dataset, "dataset");
        execute(name, params, format, out, () -> local(dataset), dataset, columns);
    }

    /** Runs a query on a remote SPARQL endpoint (e.g. {@code http://localhost:3030/newskg/sparql}) and writes the results to {@code out}. */
    public void run(String name, Map<String, String> params, String endpoint, ResultFormat format, OutputStream out) {
        Objects.requireNonNull(endpoint, "endpoint");
        execute(name, params, format, out, () -> QueryExecHTTP.service(endpoint), null, List.of());
    }

    /** Runs a query on a local dataset and returns all its rows, for code that wants the values. */
    public RowSetRewindable select(String name, Map<String, String> params, DatasetGraph dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return Txn.calculateRead(dataset, () -> select(get(name), params, local(dataset)));
    }

    /**
     * Runs a query on a local dataset with at most {@code limit} rows (no limit when negative) and returns
     * how many rows it gave, reading each one; for timing a query the way a client would page it.
     */
    public long count(String name, Map<String, String> params, DatasetGraph dataset, long limit) {
        Objects.requireNonNull(dataset, "dataset");
        CannedQuery query = get(name);
        Binding binding = query.bind(params);
        Query q = query.query().cloneQuery();
        if (limit >= 0) {
            q.setLimit(limit);
        }
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = local(dataset).query(q).substitution(binding).build()) {
                return Iter.count(exec.select());
            }
        });
    }

    /** Runs a query on a remote SPARQL endpoint and returns all its rows. */
    public RowSetRewindable select(String name, Map<String, String> params, String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return select(get(name), params, QueryExecHTTP.service(endpoint));
    }

    private static RowSetRewindable select(CannedQuery query, Map<String, String> params, QueryExecBuilder builder) {
        Binding binding = query.bind(params);
        try (QueryExec exec = builder.query(query.query().cloneQuery()).substitution(binding).build()) {
            return exec.select().rewindable();
        }
    }

    /** Call inside a read transaction on {@code dataset}. */
    private static QueryExecBuilder local(DatasetGraph dataset) {
        if (TDBInternal.isTDB2(dataset)) {
            return QueryExec.dataset(dataset).set(TDB2.symUnionDefaultGraph, true);
        }
        // other datasets (e.g. in memory): a view whose default graph is the union of the named graphs
        DatasetGraph view = DatasetGraphFactory.createGeneral(dataset.getUnionGraph());
        dataset.listGraphNodes().forEachRemaining(g -> view.addGraph(g, dataset.getGraph(g)));
        return QueryExec.dataset(view);
    }

    private void execute(String name, Map<String, String> params, ResultFormat format, OutputStream out,
                         Supplier<QueryExecBuilder> target, DatasetGraph transactional, List<String> columns) {
        CannedQuery query = get(name);
        Binding binding = query.bind(params);
        List<Var> projection = projection(query, columns);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        Runnable run = () -> {
            try (QueryExec exec = target.get().query(query.query().cloneQuery()).substitution(binding).build()) {
                RowSet rows = exec.select();
                if (!projection.isEmpty()) {
                    rows = RowSetStream.create(projection, Iter.map(rows, row -> new BindingProject(projection, row)));
                }
                write(rows, format, out, tablePrefixes(query));
            }
        };
        if (transactional == null) {
            run.run();
        } else {
            // the rows are read lazily while written, so the whole write happens inside the read transaction
            Txn.executeRead(transactional, run);
        }
    }

    private static List<Var> projection(CannedQuery query, List<String> columns) {
        List<String> known = query.query().getResultVars();
        List<Var> vars = new ArrayList<>();
        for (String c : columns) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("query '" + query.name() + "' has no column '" + c + "'; it has "
                        + String.join(", ", known));
            }
            vars.add(Var.alloc(c));
        }
        return vars;
    }

    private static PrefixMapping tablePrefixes(CannedQuery query) {
        return PrefixMapping.Factory.create()
                .setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefixes(query.query().getPrefixMapping())
                .setNsPrefix("id", NKG.ID)
                .lock();
    }

    /** Writes rows in the given format; the stream is flushed, not closed. */
    public static void write(RowSet rows, ResultFormat format, OutputStream out) {
        write(rows, format, out, PrefixMapping.Standard);
    }

    /** Writes rows in the given format, the table abbreviating IRIs with {@code prefixes}; the stream is flushed, not closed. */
    public static void write(RowSet rows, ResultFormat format, OutputStream out, PrefixMapping prefixes) {
        ResultSet results = ResultSet.adapt(rows);
        switch (format) {
            case TABLE -> ResultSetFormatter.out(out, results, prefixes);
            case CSV -> ResultSetFormatter.outputAsCSV(out, results);
            case TSV -> ResultSetFormatter.outputAsTSV(out, results);
            case JSON -> ResultSetFormatter.outputAsJSON(out, results);
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
