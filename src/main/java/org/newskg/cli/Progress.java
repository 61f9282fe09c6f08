package org.newskg.cli;

import java.io.PrintWriter;

/**
 * Progress on stderr: a one-line display redrawn in place when a person is watching (a console is attached), or,
 * when asked for, a line per document ({@code newskg: committed 12 path/to/article.txt}) that logs and scripts can
 * follow. A bulk load into an empty store commits once, at its end: it prints {@code newskg: written N path} as each
 * document goes in, and the committed lines after the commit.
 */
final class Progress {

    private final PrintWriter err;
    private final boolean visible;
    private final boolean lines;
    private final long started = System.nanoTime();
    private int done;
    private int written;
    private long lastDraw;

    Progress(PrintWriter err, boolean lines) {
        this.err = err;
        this.lines = lines;
        this.visible = !lines && System.console() != null;
    }

    /** One more document is committed to the store. */
    void step(String what) {
        report("committed", ++done, what);
    }

    /**
     * One more document is written into a bulk load, which commits them all at its end: with {@code --progress} a line
     * {@code newskg: written 12 path/to/article.txt}, on a console the display counts it.
     */
    void written(String what) {
        report("written", ++written, what);
    }

    /** A line {@code newskg: VERB N WHAT}, or the one-line display redrawn at most five times a second. */
    private void report(String verb, int count, String what) {
        if (lines) {
            err.println("newskg: " + verb + " " + count + " " + what);
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (visible && now - lastDraw > 200_000_000L) {
            lastDraw = now;
            double seconds = (now - started) / 1e9;
            String name = what.length() > 40 ? "..." + what.substring(what.length() - 37) : what;
            err.printf("\r%6d %-9s %6.1f/s  %-40s", count, verb, count / Math.max(seconds, 1e-3), name);
            err.flush();
        }
    }

    void finish() {
        if (visible && done + written > 0) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
        }
    }
}
