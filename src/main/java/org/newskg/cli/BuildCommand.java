package org.newskg.cli;

import java.util.concurrent.Callable;

import org.newskg.rdf.ExtractionRun;
import org.newskg.store.Loader;
import org.newskg.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg build INPUT... [--db DIR]}: extract documents and load each into its own named graph. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Extract every document and load it into the TDB2 store, one transaction per document: loading "
                + "a document again swaps its graph for the new one, and a bad document leaves no trace.")
final class BuildCommand implements Callable<Integer> {

    /**
     * Documents per write transaction. One, so that a crash leaves the store exactly as it was
     * before the document being written; the loader compacts at the end to drop what the many
     * commits left behind.
     */
    private static final int BATCH = 1;

    @Mixin
    InputOptions input;
    @Mixin
    StoreOption store;
    @Option(names = "--progress", description = "Print a line on stderr as each document is committed "
            + "(for logs; on a console a one-line display is shown anyway).")
    boolean progressLines;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (input.inputs.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "at least one INPUT is required");
        }
        return buildInto(input, store, spec.commandLine().getErr(), progressLines);
    }

    /** Loads the inputs into the store; shared with {@code serve INPUT...}. */
    static int buildInto(InputOptions input, StoreOption store, java.io.PrintWriter err, boolean progressLines) {
        Progress progress = new Progress(err, progressLines);
        try (Store db = store.openOrCreate()) {
            ExtractionRun.Summary s;
            try (Loader loader = new Loader(db, BATCH)) {
                s = input.run().run(input.reader(), input.inputs, graph -> {
                    loader.load(graph.name(), graph.quads());
                    progress.step(graph.document().source());   // BATCH is 1: load has committed the document
                }, input.problems(err));
            }
            progress.finish();
            err.printf("newskg: loaded %d documents (%d statements, %d quads) into %s; %d problems; store holds %d documents%n",
                    s.documents(), s.statements(), s.quads(), store.db, s.problems(), db.documentCount());
            err.flush();
        }
        return 0;
    }
}
