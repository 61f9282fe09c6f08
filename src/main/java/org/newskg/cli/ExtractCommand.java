package org.newskg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.newskg.rdf.ExtractionRun;
import org.newskg.rdf.DocumentMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg extract INPUT... [-o FILE] [--format trig|nquads|jsonld]}: extract only, streaming RDF out. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract documents and write their RDF (one named graph per document) to FILE or stdout.")
final class ExtractCommand implements Callable<Integer> {

    enum Format { trig, nquads, jsonld }

    @Mixin
    InputOptions input;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: stdout).")
    Path output;
    @Option(names = "--format", defaultValue = "trig", description = "trig, nquads or jsonld (default: ${DEFAULT-VALUE}). "
            + "trig and nquads stream; jsonld holds all graphs in memory before writing.")
    Format format;
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        if (input.inputs.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "at least one INPUT is required");
        }
        var err = spec.commandLine().getErr();
        try (OutputStream out = new BufferedOutputStream(output == null ? new NonClosing(main.out) : Files.newOutputStream(output))) {
            DatasetGraph held = format == Format.jsonld ? DatasetGraphFactory.createTxnMem() : null;
            StreamRDF sink = held != null ? org.apache.jena.riot.system.StreamRDFLib.dataset(held)
                    : StreamRDFWriter.getWriterStream(out, format == Format.trig ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS);
            sink.start();
            DocumentMapper.declarePrefixes(sink);
            ExtractionRun.Summary s = input.run().run(input.reader(), input.inputs,
                    graph -> graph.quads().forEach(sink::quad), input.problems(err));
            sink.finish();
            if (held != null) {
                held.prefixes().putAll(DocumentMapper.prefixes());
                RDFDataMgr.write(out, held, RDFFormat.JSONLD11);
            }
            out.flush();
            err.printf("newskg: extracted %d documents (%d statements, %d quads); %d problems%n",
                    s.documents(), s.statements(), s.quads(), s.problems());
            err.flush();
        } catch (UncheckedIOException e) {
            throw new Main.Failure("cannot write " + (output == null ? "stdout" : output) + ": " + e.getCause().getMessage());
        }
        return 0;
    }

    /** Closing the output must not close the process's stdout. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
