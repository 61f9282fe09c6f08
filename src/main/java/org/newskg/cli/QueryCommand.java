package org.newskg.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.newskg.query.CannedQueries;
import org.newskg.query.CannedQuery;
import org.newskg.query.ResultFormat;
import org.newskg.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg query NAME [--param KEY=VALUE]... [--format table|csv|tsv|json]}: run a canned query. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a canned query (queries/NAME.rq) against the store. Parameters are bound as RDF terms.")
final class QueryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The canned query; --list shows them.")
    String name;
    @Option(names = "--list", description = "List the canned queries with what they answer and their parameters.")
    boolean list;
    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A query parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();
    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    ResultFormat format;
    @Option(names = "--columns", paramLabel = "NAME,...", split = ",",
            description = "Print only these columns, in this order (default: all).")
    List<String> columns = List.of();
    @Option(names = "--limit", paramLabel = "N", defaultValue = "-1",
            description = "At most N rows (default: all). A query sorted by document first is then read document by document.")
    long limit;
    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N rows (default: 0).")
    long offset;
    @Mixin
    StoreOption store;
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        CannedQueries queries = CannedQueries.fromClasspath();
        if (list) {
            for (CannedQuery q : queries.all()) {
                out.println(q.name() + " - " + q.description());
                q.parameters().forEach(p -> out.println("    --param " + p.name() + "=... " + p.description()));
            }
            out.flush();
            return 0;
        }
        if (name == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a query NAME or --list is required");
        }
        if (!queries.names().contains(name)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "no canned query '" + name + "'; newskg query --list shows them");
        }
        if (offset < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--offset must be 0 or more, not " + offset);
        }
        try (Store db = store.openExisting()) {
            out.flush();
            queries.run(name, params, db.dataset(), format, main.out, columns, new CannedQueries.Page(offset, limit));
            main.out.flush();
        }
        return 0;
    }
}
