package org.newskg.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.newskg.export.ExportFormat;
import org.newskg.export.Selection;
import org.newskg.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg export --format FORMAT [--db DIR] -o FILE [--speaker IRI] [--from DATE] [--to DATE] [--statements-only]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the graph for a graph tool: graphml (yEd, Gephi, Cytoscape), gexf (Gephi, with a timeline), "
                + "cyjs (Cytoscape.js / Cytoscape), neo4j (a folder of CSV files for neo4j-admin import), jsonld. "
                + "Node ids are the entity IRIs, so a re-export merges.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "graphml, gexf, cyjs, neo4j or jsonld.")
    ExportFormat format;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The file to write; for neo4j, a folder that gets nodes.csv and relationships.csv.")
    Path output;
    @Option(names = "--speaker", paramLabel = "IRI", description = "Only this speaker's statements (the entity IRI).")
    String speaker;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only statements dated on or after this day.")
    LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only statements dated on or before this day.")
    LocalDate to;
    @Option(names = "--statements-only", description = "Speakers, statements, what they mention and where they were said; "
            + "without it, also the documents, every entity they mention, events with their participants, and roles.")
    boolean statementsOnly;
    @Mixin
    StoreOption store;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Selection selection;
        try {
            selection = new Selection(speaker, from, to, statementsOnly ? Selection.Scope.STATEMENTS : Selection.Scope.ALL);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Store db = store.openExisting()) {
            format.write(db.dataset(), selection, output);
        }
        spec.commandLine().getErr().println("newskg: wrote " + format.name().toLowerCase() + " export to " + output);
        return 0;
    }
}
