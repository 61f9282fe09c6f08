package org.newskg.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.newskg.link.ApiCandidateSource;
import org.newskg.link.CandidateSource;
import org.newskg.link.Linker;
import org.newskg.link.RdfCandidateSource;
import org.newskg.link.Review;
import org.newskg.link.SparqlCandidateSource;
import org.newskg.store.Store;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg link}: link the store's entities to Wikidata, write pending candidates for review, apply decisions. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link people, organisations and places to Wikidata, with evidence. Candidates come from "
                + "Wikidata-shaped RDF files (--kb), a SPARQL endpoint (--endpoint) or the Wikidata API (--api). "
                + "--review writes the candidates left for a person as CSV; --apply records their accept/reject decisions, "
                + "which survive rebuilds and override the scorer.")
final class LinkCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Backend backend;

    static final class Backend {
        @Option(names = "--kb", arity = "1..*", paramLabel = "FILE", description = "Wikidata-shaped RDF files or a TDB2 directory.")
        List<Path> kb;
        @Option(names = "--endpoint", paramLabel = "URL", description = "A SPARQL endpoint holding Wikidata-shaped data.")
        URI endpoint;
        @Option(names = "--api", arity = "0..1", paramLabel = "URL", fallbackValue = ApiCandidateSource.WIKIDATA_API,
                description = "The Wikidata API, or another api.php answering wbsearchentities and wbgetentities "
                        + "(default ${FALLBACK-VALUE}).")
        URI api;
    }

    @Option(names = "--offline", description = "With --api: answer from the on-disk cache only, never the network.")
    boolean offline;
    @Option(names = "--cache", paramLabel = "DIR", description = "With --api: the response cache (default: DB/../newskg-wikidata-cache).")
    Path cache;
    @Option(names = "--user-agent", paramLabel = "TEXT", description = "With --api: the User-Agent, with a contact "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = ApiCandidateSource.DEFAULT_USER_AGENT)
    String userAgent;
    @Option(names = "--review", paramLabel = "FILE", description = "Write the candidates left for review, with context sentences, as CSV.")
    Path review;
    @Option(names = "--apply", paramLabel = "FILE", description = "Record the accept/reject decisions of a reviewed CSV.")
    Path apply;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (backend == null && review == null && apply == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give a backend (--kb FILE..., --endpoint URL or --api [URL]), --review FILE or --apply FILE");
        }
        try (Store db = store.openExisting()) {
            if (apply != null) {
                out.println(Review.apply(db, apply));
            }
            if (backend != null) {
                try (CandidateSource source = source()) {
                    out.println(new Linker().link(db, source));
                }
            }
            if (review != null) {
                out.println(Review.write(db, review));
            }
        }
        out.flush();
        return 0;
    }

    private CandidateSource source() {
        if (backend.kb != null) {
            return RdfCandidateSource.load(backend.kb);
        }
        if (backend.endpoint != null) {
            return new SparqlCandidateSource(backend.endpoint.toString());
        }
        Path dir = cache != null ? cache : store.db.toAbsolutePath().getParent().resolve("newskg-wikidata-cache");
        return new ApiCandidateSource(backend.api, dir, userAgent, offline);
    }
}
