package org.newskg.store;

import java.nio.file.Path;

/** Holds a store open in a separate process until killed, so a test can see the lock. */
public final class StoreHolder {

    private StoreHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Store store = Store.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
