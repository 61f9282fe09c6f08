package org.newskg.cli;

import java.util.concurrent.Callable;

import org.apache.jena.shacl.ValidationReport;
import org.newskg.rdf.ShapesValidator;
import org.newskg.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg validate [--db DIR]}: check the store against {@code ontology/shapes.ttl}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the store against the SHACL shapes (ontology/shapes.ttl) and report the violations. "
                + "Exit code 1 when the store does not conform.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (Store db = store.openExisting()) {
            ValidationReport report = new ShapesValidator().validate(db.dataset());
            if (report.conforms()) {
                out.println("conforms: " + db.documentCount() + " documents, no violations");
                out.flush();
                return 0;
            }
            out.println(ShapesValidator.render(report));
            out.flush();
            return 1;
        }
    }
}
