package org.newskg.cli;

import java.io.PrintWriter;

/**
 * A one-line progress display on stderr, shown only when a person is watching (a console is attached).
 */
final class Progress {

    private final PrintWriter err;
    private final boolean visible;
    private final long started = System.nanoTime();
    private int done;
    private long lastDraw;

    Progress(PrintWriter err) {
        this.err = err;
        this.visible = System.console() != null;
    }

    void step(String what) {
        done++;
        long now = System.nanoTime();
        if (visible && now - lastDraw > 200_000_000L) {
            lastDraw = now;
            double seconds = (now - started) / 1e9;
            String name = what.length() > 40 ? "..." + what.substring(what.length() - 37) : what;
            err.printf("\r%6d documents  %6.1f/s  %-40s", done, done / Math.max(seconds, 1e-3), name);
            err.flush();
        }
    }

    void finish() {
        if (visible && done > 0) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
        }
    }
}
