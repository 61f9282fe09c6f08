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
import java.util.Optional;
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
        run(name, params, dataset, format, out, columns, Page.ALL);
    }

    /**
     * As {@link #run(String, Map, DatasetGraph, ResultFormat, OutputStream, List)}, for one page of the rows: the
     * same rows as the query with that {@code OFFSET} and {@code LIMIT}. A query sorted by source and document
     * first is then run document by document, so a page costs what its documents cost ({@link DocumentPager}).
     */
    public void run(String name, Map<String, String> params, DatasetGraph dataset, ResultFormat format, OutputStream out,
                    List<String> columns, Page page) {
        run(name, params, dataset, format, out, columns, page, 0);
    }

    /**
     * As {@link #run(String, Map, DatasetGraph, ResultFormat, OutputStream, List, Page)}, each SPARQL execution
     * cancelled after {@code timeoutMillis} (none when 0 or less), for a server.
     *
     * @throws org.apache.jena.query.QueryCancelledException when an execution runs out of time
     */
    public void run(String name, Map<String, String> params, DatasetGraph dataset, ResultFormat format, OutputStream out,
                    List<String> columns, Page page, long timeoutMillis) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(page, "page");
        CannedQuery query = get(name);
        Binding binding = query.bind(params);
        List<Var> projection = projection(query, columns);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        // the rows are read lazily while written, so the whole write happens inside the read transaction
        Txn.executeRead(dataset, () -> {
            try (Rows rows = localRows(query, binding, dataset, page, builder(dataset, timeoutMillis))) {
                write(project(rows.rows(), projection), format, out, tablePrefixes(query));
            }
        });
    }

    /** Which rows of a query's answer to give: from {@code offset} on, at most {@code limit} (all when negative). */
    public record Page(long offset, long limit) {

        /** Every row. */
        public static final Page ALL = new Page(0, -1);

        public Page {
            if (offset < 0) {
                throw new IllegalArgumentException("A page cannot start before the first row: offset " + offset);
            }
        }

        /** The first {@code limit} rows (all when negative). */
        public static Page first(long limit) {
            return new Page(0, limit);
        }
    }

    /** Runs a query on a remote SPARQL endpoint (e.g. {@code http://localhost:3030/newskg/sparql}) and writes the results to {@code out}. */
    public void run(String name, Map<String, String> params, String endpoint, ResultFormat format, OutputStream out) {
        Objects.requireNonNull(endpoint, "endpoint");
        CannedQuery query = get(name);
        Binding binding = query.bind(params);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query.query().cloneQuery()).substitution(binding).build()) {
            write(exec.select(), format, out, tablePrefixes(query));
        }
    }

    /** Runs a query on a local dataset and returns all its rows, for code that wants the values. */
    public RowSetRewindable select(String name, Map<String, String> params, DatasetGraph dataset) {
        return select(name, params, dataset, Page.ALL);
    }

    /** Runs a query on a local dataset and returns one page of its rows (see {@link Page}). */
    public RowSetRewindable select(String name, Map<String, String> params, DatasetGraph dataset, Page page) {
        Objects.requireNonNull(dataset, "dataset");
        CannedQuery query = get(name);
        Binding binding = query.bind(params);
        return Txn.calculateRead(dataset, () -> {
            try (Rows rows = localRows(query, binding, dataset, page)) {
                return rows.rows().rewindable();
            }
        });
    }

    /**
     * Runs a query on a local dataset with at most {@code limit} rows (no limit when negative) and returns
     * how many rows it gave, reading each one; for timing a query the way a client would page it.
     */
    public long count(String name, Map<String, String> params, DatasetGraph dataset, long limit) {
        return count(name, params, dataset, limit, 0);
    }

    /**
     * As {@link #count(String, Map, DatasetGraph, long)}, each SPARQL execution cancelled after {@code timeoutMillis}
     * (none when 0 or less): a paged query may run several.
     *
     * @throws org.apache.jena.query.QueryCancelledException when an execution runs out of time
     */
    public long count(String name, Map<String, String> params, DatasetGraph dataset, long limit, long timeoutMillis) {
        Objects.requireNonNull(dataset, "dataset");
        CannedQuery query = get(name);
        Binding binding = query.bind(params);
        return Txn.calculateRead(dataset, () -> {
            try (Rows rows = localRows(query, binding, dataset, Page.first(limit), builder(dataset, timeoutMillis))) {
                return Iter.count(rows.rows());
            }
        });
    }

    /**
     * One page of a query's rows on a local dataset, inside the caller's read transaction: by document where
     * {@link DocumentPager} covers the query, else the query as written with that {@code OFFSET} and {@code LIMIT}.
     */
    private static Rows localRows(CannedQuery query, Binding binding, DatasetGraph dataset, Page page) {
        return localRows(query, binding, dataset, page, () -> local(dataset));
    }

    private static Rows localRows(CannedQuery query, Binding binding, DatasetGraph dataset, Page page,
                                  Supplier<QueryExecBuilder> builder) {
        Query q = query.query().cloneQuery();
        if (page.limit() == 0) {
            // no rows by definition; ARQ 5.6.0 fails on LIMIT 0 over a hash join (NullPointerException closing it)
            return new Rows(RowSetStream.create(q.getProjectVars(), java.util.Collections.emptyIterator()), null);
        }
        Optional<List<Binding>> paged = DocumentPager.rows(query.query(), binding, dataset, page.offset(), page.limit(),
                builder);
        if (paged.isPresent()) {
            return new Rows(DocumentPager.rowSet(q, paged.get()), null);
        }
        if (page.limit() >= 0) {
            q.setLimit(page.limit());
        }
        if (page.offset() > 0) {
            q.setOffset(page.offset());
        }
        QueryExec exec = builder.get().query(q).substitution(binding).build();
        return new Rows(exec.select(), exec);
    }

    /** Rows, and the execution to close once they are read (none for rows already in memory). */
    private record Rows(RowSet rows, QueryExec exec) implements AutoCloseable {
        @Override
        public void close() {
            if (exec != null) {
                exec.close();
            }
        }
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

    /** Query builders on a local dataset, with a timeout when {@code timeoutMillis} is above 0. */
    private static Supplier<QueryExecBuilder> builder(DatasetGraph dataset, long timeoutMillis) {
        return timeoutMillis > 0
                ? () -> local(dataset).timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                : () -> local(dataset);
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

    private static RowSet project(RowSet rows, List<Var> projection) {
        if (projection.isEmpty()) {
            return rows;
        }
        return RowSetStream.create(projection, Iter.map(rows, row -> new BindingProject(projection, row)));
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
