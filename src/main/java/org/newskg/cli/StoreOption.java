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

    /** Opens the store, creating it if needed. */
    Store openOrCreate() {
        return Store.open(db);
    }

    /** Opens an existing store; a missing one is an error, not a new empty store. */
    Store openExisting() {
        if (!Files.isDirectory(db)) {
            throw new Main.Failure("no store at " + db + "; run 'newskg build INPUT... --db " + db + "' first");
        }
        return Store.open(db);
    }
}
