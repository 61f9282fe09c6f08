package org.newskg.store;

/**
 * The store could not be opened or written: not a TDB2 database, locked by another process,
 * or a write that had to be rolled back. The message names the store's directory or the document.
 *
 * <pre>{@code
 * try (Store store = Store.open(dir)) { ... }
 * catch (StoreException e) { report(e.getMessage()); }
 * }</pre>
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
