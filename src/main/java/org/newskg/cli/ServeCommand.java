package org.newskg.cli;

import java.util.concurrent.Callable;

import org.newskg.serve.Server;
import org.newskg.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg serve [--db DIR] [--port 3030] [INPUT...]}: serve the store over SPARQL with the Fuseki UI. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the store over SPARQL (read-only, union of all document graphs) with the Fuseki UI. "
                + "Given INPUTs, build them first.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;
    @Mixin
    StoreOption store;
    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--localhost", description = "Listen on the loopback interface only, so that only this machine can "
            + "connect (default: every interface, read-only).")
    boolean localhostOnly;
    @Option(names = "--update-password-env", paramLabel = "VAR",
            description = "Enable SPARQL Update and Graph Store writes for user 'admin' with the password in this "
                    + "environment variable (off by default).")
    String passwordVariable;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Cancel a SPARQL query after this many seconds (default: ${DEFAULT-VALUE}); a client may ask for less.")
    long timeoutSeconds;
    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000",
            description = "Answer at most N rows per query; a larger LIMIT is lowered (default: ${DEFAULT-VALUE}).")
    long maxRows;
    @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Refuse request bodies larger than this with 413 (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        String password = null;
        if (passwordVariable != null) {
            password = System.getenv(passwordVariable);
            if (password == null || password.isEmpty()) {
                throw new Main.Failure("environment variable " + passwordVariable + " is not set; update stays off");
            }
        }
        if (!input.inputs.isEmpty()) {
            int code = BuildCommand.buildInto(input, store, spec.commandLine().getErr(), false);
            if (code != 0) {
                return code;
            }
        }
        try (Store db = store.openOrCreate()) {
            Server server = Server.builder().store(db).port(port).localhostOnly(localhostOnly).updatePassword(password)
                    .queryTimeout(java.time.Duration.ofSeconds(timeoutSeconds)).maxResultRows(maxRows)
                    .maxRequestBytes(maxRequestBytes).build();
            server.start();
            store.markServed(server.sparqlUrl());
            out.println("NewsKG is serving " + db.documentCount() + " documents from " + store.db);
            server.urls().forEach(u -> out.println("  " + u));
            out.println("Try:");
            out.println("  curl -s http://localhost:" + server.port() + "/newskg/sparql --data-urlencode "
                    + "'query=SELECT ?speaker (COUNT(*) AS ?statements) WHERE { ?s <https://w3id.org/newskg/ontology#speaker> "
                    + "?p . ?p <http://www.w3.org/2000/01/rdf-schema#label> ?speaker } GROUP BY ?speaker ORDER BY DESC(?statements)'");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.unmarkServed();
                server.stop();
            }));
            try {
                server.join();
            } finally {
                store.unmarkServed();
            }
        }
        return 0;
    }
}
