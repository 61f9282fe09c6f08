package org.newskg.cli;

import java.util.ArrayDeque;
import java.util.Deque;
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
        description = "Extract every document and load it into the TDB2 store, never half a document: loading "
                + "a document again swaps its graph for the new one, and a bad document leaves no trace.")
final class BuildCommand implements Callable<Integer> {

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
            // the sources of the documents loaded and not yet reported, in load order: a commit reports its documents
            Deque<String> uncommitted = new ArrayDeque<>();
            try (Loader loader = Loader.forStore(db, names -> names.forEach(n -> progress.step(uncommitted.poll())))) {
                s = input.run().run(input.reader(), input.inputs, graph -> {
                    uncommitted.add(graph.document().source());
                    try {
                        loader.load(graph.name(), graph.quads());
                        if (loader.isBulk()) {
                            progress.written(graph.document().source());
                        }
                    } catch (RuntimeException e) {
                        uncommitted.pollLast();    // not written: reported as a problem, never as committed
                        throw e;
                    }
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
