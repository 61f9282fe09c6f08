package org.newskg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of NewsKG that the rest of the code reports, e.g. in provenance. */
public final class NewsKG {

    private static final String VERSION = load();

    private NewsKG() {
    }

    /** The project version, written into {@code newskg.properties} at build time. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = NewsKG.class.getResourceAsStream("/newskg.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
