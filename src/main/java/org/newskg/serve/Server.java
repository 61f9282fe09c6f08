package org.newskg.serve;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.fuseki.validation.UpdateValidator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.Service;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.UserStore;
import org.newskg.store.Store;

/**
 * An embedded Fuseki server that publishes a {@link Store} at {@code /newskg}, with the Fuseki UI at {@code /}.
 *
 * <pre>{@code
 * Server server = Server.builder().store(store).port(3030).build().start();
 * try {
 *     server.urls().forEach(System.out::println);   // the caller prints, not the library
 * } finally {
 *     server.stop();
 * }
 * }</pre>
 *
 * <p>Endpoints, read-only over the union of the document graphs:
 * <ul>
 * <li>{@code /newskg/sparql} and {@code /newskg/query}: SPARQL query;</li>
 * <li>{@code /newskg/data}: Graph Store Protocol, read ({@code GET ?graph=DOC} for one document,
 *     plain {@code GET} for all quads; {@code ?default} is the stored default graph, normally empty,
 *     not the union);</li>
 * <li>{@code /}: the explorer page (who-said-what network, statements with highlighted spans, a SPARQL editor
 *     preloaded with the canned queries), with its JSON endpoints under {@code /api/} and its front-end libraries
 *     from WebJars under {@code /webjars/} (see {@link ExplorerFilter});</li>
 * <li>{@code /?fuseki#/} (also reached from {@code /fuseki/}): the Fuseki UI, with the read-only server description it
 *     needs ({@code /$/server}, {@code /$/ping}, {@code /$/stats});</li>
 * <li>{@code /context.jsonld}: the JSON-LD context of {@code newskg export --format jsonld}.</li>
 * </ul>
 * Only when an update password is configured: {@code /newskg/update} (SPARQL update) and writes to
 * {@code /newskg/data} (PUT, POST, DELETE), behind HTTP basic authentication as the configured user.
 * Without a password these do not exist: there is no way to change the store over HTTP.
 *
 * <p>Limits: each query runs under a timeout ({@link Builder#queryTimeout}, a client's {@code timeout} parameter
 * can only shorten it) and answers at most {@link Builder#maxResultRows} rows; a request body above
 * {@link Builder#maxRequestBytes} is refused with 413; admin paths ({@code /$/...} other than the read-only
 * server description) answer 403. See {@link RequestGuard} and {@link BoundedQuery}.
 *
 * <p>SPARQL {@code SERVICE} (federated query) is switched off on the served dataset, so that
 * queries cannot make the server fetch other URLs.
 */
public final class Server {

    /** The Fuseki UI's address relative to the server root: the UI takes its base from the page's path, so it stays at {@code /}. */
    public static final String FUSEKI_UI = "/?fuseki#/";

    /** The dataset path. */
    public static final String DATASET = "/newskg";
    /** The user for updates when none is configured. */
    public static final String DEFAULT_UPDATE_USER = "admin";

    /** How long a SPARQL query may run unless configured otherwise. */
    public static final java.time.Duration DEFAULT_QUERY_TIMEOUT = java.time.Duration.ofSeconds(30);
    /** The most rows a query answers unless configured otherwise. */
    public static final long DEFAULT_MAX_RESULT_ROWS = 100_000;
    /** The largest request body unless configured otherwise: 1 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;

    private static final String REALM = "NewsKG";

    private final FusekiServer fuseki;
    private final boolean updatable;
    private final int configuredPort;
    private boolean started;

    private Server(FusekiServer fuseki, boolean updatable, int configuredPort) {
        this.fuseki = fuseki;
        this.updatable = updatable;
        this.configuredPort = configuredPort;
    }

    /** Starts configuring a server. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; returns this server.
     *
     * @throws IllegalStateException naming the port if it cannot be used (e.g. already in use)
     */
    public Server start() {
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot serve on port " + configuredPort + ": " + e.getMessage(), e);
        }
        started = true;
        return this;
    }

    /** The port the server listens on: the configured one, or the free port chosen when 0 was asked. */
    public int port() {
        if (!started) {
            throw new IllegalStateException("The server is not started, its port is not known yet");
        }
        return fuseki.getHttpPort();
    }

    /** The explorer's address (the server root). */
    public String uiUrl() {
        return "http://localhost:" + port() + "/";
    }

    /** The Fuseki UI's address. */
    public String fusekiUiUrl() {
        return "http://localhost:" + port() + FUSEKI_UI;
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return base() + "/sparql";
    }

    /**
     * Every address the server answers at, for the caller to print: the UI, the SPARQL query
     * endpoints, the Graph Store endpoint, when enabled the update endpoint, and last the Fuseki UI.
     */
    public List<String> urls() {
        List<String> urls = new ArrayList<>(List.of(uiUrl(), sparqlUrl(), base() + "/query", base() + "/data"));
        if (updatable) {
            urls.add(base() + "/update");
        }
        urls.add(fusekiUiUrl());
        return urls;
    }

    /** Whether SPARQL update and Graph Store writes are enabled (a password was configured). */
    public boolean updatable() {
        return updatable;
    }

    /** Blocks the calling thread until the server stops (for a command that serves until interrupted). */
    public void join() {
        fuseki.join();
    }

    /** Stops the server; the store stays open. */
    public void stop() {
        fuseki.stop();
        started = false;
    }

    private String base() {
        return "http://localhost:" + port() + DATASET;
    }

    /**
     * Configures a {@link Server}. {@link #build()} checks everything at once and says which value is wrong.
     *
     * <pre>{@code Server.builder().store(store).port(0).updatePassword(null).build(); }</pre>
     */
    public static final class Builder {

        private DatasetGraph dataset;
        private int port = 3030;
        private String updateUser = DEFAULT_UPDATE_USER;
        private String updatePassword;
        private boolean localhostOnly;
        private java.time.Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private long maxResultRows = DEFAULT_MAX_RESULT_ROWS;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;

        private Builder() {
        }

        /** The store to publish. */
        public Builder store(Store store) {
            this.dataset = Objects.requireNonNull(store, "store").dataset();
            return this;
        }

        /**
         * The port, 0 for any free port.
         *
         * @throws IllegalArgumentException if not in 0..65535, naming the value
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Bad port " + port + ": must be 0 (any free port) or 1..65535");
            }
            this.port = port;
            return this;
        }

        /** The user name for updates (default {@value #DEFAULT_UPDATE_USER}). */
        public Builder updateUser(String user) {
            if (user == null || user.isBlank() || user.contains(":")) {
                throw new IllegalArgumentException("Bad update user '" + user + "': must be non-empty, without ':'");
            }
            this.updateUser = user;
            return this;
        }

        /** The password that enables updates; null (the default) means the server is read-only. */
        public Builder updatePassword(String password) {
            if (password != null && password.isEmpty()) {
                throw new IllegalArgumentException("Empty update password: give a password, or null for a read-only server");
            }
            this.updatePassword = password;
            return this;
        }

        /** Listen on the loopback interface only (default: all interfaces). */
        public Builder localhostOnly(boolean localhostOnly) {
            this.localhostOnly = localhostOnly;
            return this;
        }

        /**
         * The longest a SPARQL query may run (default {@link #DEFAULT_QUERY_TIMEOUT}); a client may ask for less, not more.
         *
         * @throws IllegalArgumentException if not positive, naming the value
         */
        public Builder queryTimeout(java.time.Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Bad query timeout " + timeout + ": must be positive");
            }
            this.queryTimeout = timeout;
            return this;
        }

        /**
         * The most rows a SPARQL SELECT, CONSTRUCT or DESCRIBE answers (default {@value #DEFAULT_MAX_RESULT_ROWS}).
         *
         * @throws IllegalArgumentException if less than 1, naming the value
         */
        public Builder maxResultRows(long rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("Bad result cap " + rows + ": must be at least 1 row");
            }
            this.maxResultRows = rows;
            return this;
        }

        /**
         * The largest request body accepted (default {@value #DEFAULT_MAX_REQUEST_BYTES} bytes); larger ones get 413.
         *
         * @throws IllegalArgumentException if less than 1, naming the value
         */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("Bad request size limit " + bytes + ": must be at least 1 byte");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Builds the server, not yet started. */
        public Server build() {
            if (dataset == null) {
                throw new IllegalStateException("No store given: call store(store) before build()");
            }
            boolean updatable = updatePassword != null;
            // A public read endpoint must not make the server fetch arbitrary URLs (SPARQL SERVICE);
            // NewsKG's own queries never federate.
            dataset.getContext().set(Service.httpServiceAllowed, false);
            DataService.Builder service = DataService.newBuilder(dataset)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "data");
            if (updatable) {
                service.addEndpoint(Operation.Update, "update", Auth.policyAllowSpecific(updateUser));
                // Not restricted by a Fuseki policy: that would put the whole /data path, reads
                // included, behind a login. Jetty's method constraint below guards the writes instead.
                service.addEndpoint(Operation.GSP_RW, "data");
            }
            FusekiServer.Builder fuseki = FusekiServer.create()
                    .fusekiModules(FusekiModules.empty())
                    .port(port)
                    .loopback(localhostOnly)
                    .registerOperation(Operation.Query, new BoundedQuery(queryTimeout.toMillis(), maxResultRows))
                    .add(DATASET, service.build())
                    .enablePing(true)
                    .enableStats(true)
                    .addServlet("/$/server", new ActionServerStatus())
                    .addServlet("/$/validate/query", new QueryValidator())
                    .addServlet("/$/validate/update", new UpdateValidator())
                    .addServlet("/$/validate/iri", new IRIValidator())
                    .addServlet("/$/validate/langtag", new LangTagValidator())
                    .addServlet("/$/validate/data", new DataValidator())
                    // first: body size, admin paths and, on a read-only server, writes are refused before anything else
                    .addFilter("/*", new RequestGuard(maxRequestBytes, updatable))
                    // the explorer at /, its files, WebJars and JSON API; everything else goes on to Fuseki
                    .addFilter("/*", new ExplorerFilter(new ExplorerApi(dataset, queryTimeout.toMillis())))
                    .staticFileBase(uiLocation());
            if (updatable) {
                fuseki.securityHandler(securityHandler(updateUser, updatePassword));
            }
            return new Server(fuseki.build(), updatable, port);
        }

        /** The Fuseki UI's files: the {@code webapp/} folder of the jena-fuseki-ui jar (or of the shaded NewsKG jar). */
        private static String uiLocation() {
            URL index = Server.class.getClassLoader().getResource("webapp/index.html");
            if (index == null) {
                throw new IllegalStateException("The Fuseki UI (webapp/index.html from jena-fuseki-ui) is not on the classpath");
            }
            String url = index.toExternalForm();
            return url.substring(0, url.length() - "index.html".length());
        }

        private static ConstraintSecurityHandler securityHandler(String user, String password) {
            UserStore users = JettySecurityLib.makeUserStore(user, password);
            ConstraintSecurityHandler security = JettySecurityLib.makeSecurityHandler(REALM, users, AuthScheme.BASIC);
            ConstraintMapping writes = new ConstraintMapping();
            writes.setConstraint(new Constraint.Builder().name("BASIC").authorization(Constraint.Authorization.ANY_USER).build());
            writes.setPathSpec(DATASET + "/data");
            // reads stay open; every other method (PUT, POST, DELETE, PATCH...) needs the login
            String[] reads = {"GET", "HEAD", "OPTIONS"};
            writes.setMethodOmissions(reads);
            security.addConstraintMapping(writes);
            for (String method : reads) {
                ConstraintMapping open = new ConstraintMapping();
                open.setConstraint(Constraint.ALLOWED);
                open.setPathSpec(DATASET + "/data");
                open.setMethod(method);
                security.addConstraintMapping(open);
            }
            return security;
        }
    }
}
