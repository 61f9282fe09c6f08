package org.newskg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

import org.newskg.document.DocumentReader;
import org.newskg.document.InputProblem;
import org.newskg.extract.Extractor;
import org.newskg.rdf.ExtractionRun;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Inputs and the bad-input policy shared by {@code build}, {@code extract} and {@code serve}. */
final class InputOptions {

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files, directories (read recursively: *.txt, *.html, *.htm, *.jsonl) or - for stdin.")
    List<String> inputs = List.of();

    @Option(names = "--strict", description = "Stop at the first bad document with exit code 1 (default: report it and go on).")
    boolean strict;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Reject documents larger than this many bytes (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--threads", paramLabel = "N",
            description = "Extraction threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--doc-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Skip and report (NKG-E202) a document whose analysis takes longer (default: ${DEFAULT-VALUE}).")
    long docTimeoutSeconds;

    DocumentReader reader() {
        return new DocumentReader(maxBytes);
    }

    ExtractionRun run() {
        return new ExtractionRun(new Extractor(), threads, java.time.Duration.ofSeconds(docTimeoutSeconds));
    }

    /** Reports each problem on stderr; in strict mode the first one ends the run. */
    Consumer<InputProblem> problems(PrintWriter err) {
        return problem -> {
            err.println("newskg: " + problem);
            err.flush();
            if (strict) {
                throw new Main.Failure("stopped at the first bad document (--strict)");
            }
        };
    }
}
