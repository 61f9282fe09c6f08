package org.newskg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.newskg.bench.Benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg bench CORPUS [--copies N] [--threads N] [--query-runs N] [--db DIR]}: measure throughput and latency. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure, in one run on CORPUS: the linguistic layer alone, the full extraction, a build into a fresh "
                + "store and a rebuild into it (replace), on 1 thread and on all cores; then every canned query's p50/p95. "
                + "Prints a Markdown table.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CORPUS", arity = "0..1", description = "A file or folder of articles.")
    Path corpus;

    @Option(names = "--queries-on", paramLabel = "DIR",
            description = "Only time the canned queries, on the existing store in DIR (no CORPUS).")
    Path queriesOn;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "Replicate the corpus N times, each copy a distinct document (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--threads", paramLabel = "N", description = "\"All cores\" (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--query-runs", paramLabel = "N", defaultValue = "20",
            description = "Timed runs of each canned query; 0 skips them (default: ${DEFAULT-VALUE}).")
    int queryRuns;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Build the store here and keep it (missing or empty); default: a temporary store, deleted.")
    Path db;

    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        java.util.function.Consumer<String> log = line -> {
            err.println("newskg bench: " + line);
            err.flush();
        };
        if (queriesOn != null) {
            if (corpus != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--queries-on takes no CORPUS");
            }
            try (org.newskg.store.Store store = new StoreOption(queriesOn).openExisting()) {
                spec.commandLine().getOut().print(Benchmark.queryTable(Benchmark.queries(store, Math.max(1, queryRuns), log)));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (corpus == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a CORPUS (or --queries-on DIR) is required");
        }
        Benchmark.Options options;
        try {
            options = new Benchmark.Options(corpus, copies, threads, queryRuns, db);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Benchmark.Report report = new Benchmark(options, log).run();
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
