package org.newskg.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.newskg.NewsKG;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newskg} command line: news articles in, a knowledge graph of who said what,
 * where, out. Each subcommand is a thin shell over the library; see {@code ../shared/docs/contract.md}.
 *
 * <pre>{@code
 * newskg build examples/news --db ./newskg-db
 * newskg query who-said-what --format csv
 * }</pre>
 */
@Command(name = "newskg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns news articles into an RDF knowledge graph of who said what, where, with provenance.",
        subcommands = {BuildCommand.class, ExtractCommand.class, BenchCommand.class, ServeCommand.class, QueryCommand.class,
                ValidateCommand.class, LinkCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where results go as bytes (RDF, query results); subcommands reach it through {@code @ParentCommand}. */
    final PrintStream out;

    private Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code (0 ok, 1 failure, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main(out));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("newskg: " + message(e));
            if (System.getenv("NEWSKG_DEBUG") != null) {
                e.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    private static String message(Throwable e) {
        if (e instanceof Failure) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; try newskg --help");
    }

    /** A failure whose message is all the user needs: no class name, no stack trace. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"newskg " + NewsKG.version(),
                    "Apache Jena " + org.apache.jena.Jena.VERSION + ", Apache OpenNLP " + opennlp.tools.util.Version.currentVersion(),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
