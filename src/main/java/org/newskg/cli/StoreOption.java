package org.newskg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.newskg.store.Store;

import picocli.CommandLine.Option;

/** The {@code --db DIR} option shared by every command that uses the store. */
final class StoreOption {

    @Option(names = "--db", paramLabel = "DIR", defaultValue = "newskg-db",
            description = "TDB2 store directory (default: ${DEFAULT-VALUE}).")
    Path db;

    StoreOption() {
    }

    /** The option as given elsewhere (e.g. {@code bench --queries-on DIR}). */
    StoreOption(Path db) {
        this.db = db;
    }

    /** The file {@code serve} keeps in the store directory while it serves it: its process id and its address. */
    static final String SERVE_FILE = "newskg-serve.txt";

    /** Opens the store, creating it if needed. */
    Store openOrCreate() {
        return open();
    }

    /**
     * TDB2 lets one process at a time use a store. When a running {@code newskg serve} holds it, fail at once and
     * name it, rather than with TDB2's lock message.
     */
    private Store open() {
        Path file = db.resolve(SERVE_FILE);
        String server = null;
        if (Files.isRegularFile(file)) {
            try {
                java.util.Properties props = new java.util.Properties();
                try (var in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
                long pid = Long.parseLong(props.getProperty("pid", "-1"));
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    server = "'newskg serve' (process " + pid + ", " + props.getProperty("url", "address unknown") + ")";
                }
            } catch (java.io.IOException | RuntimeException e) {
                server = null; // unreadable or stale: TDB2's own lock still decides below
            }
        }
        if (server != null) {
            throw inUse(server);
        }
        return Store.open(db);
    }

    private Main.Failure inUse(String server) {
        return new Main.Failure("the store " + db + " is in use by " + server + "; TDB2 allows one process per store: "
                + "stop the server first, or send the data to its update endpoint (serve --update-password-env)");
    }

    /** Records that this process serves the store at {@code url}; {@link #open()} of other processes then names it. */
    void markServed(String url) {
        try {
            Files.writeString(db.resolve(SERVE_FILE), "pid=" + ProcessHandle.current().pid() + "\nurl=" + url + "\n");
        } catch (java.io.IOException e) {
            throw new Main.Failure("cannot write " + db.resolve(SERVE_FILE) + ": " + e.getMessage());
        }
    }

    /** Removes the mark of {@link #markServed}. */
    void unmarkServed() {
        try {
            Files.deleteIfExists(db.resolve(SERVE_FILE));
        } catch (java.io.IOException e) {
            // a stale mark is harmless: its process id is checked before it is believed
        }
    }

    /** Opens an existing store; a missing one is an error, not a new empty store. */
    Store openExisting() {
        if (!Files.isDirectory(db)) {
            throw new Main.Failure("no store at " + db + "; run 'newskg build INPUT... --db " + db + "' first");
        }
        return open();
    }
}
