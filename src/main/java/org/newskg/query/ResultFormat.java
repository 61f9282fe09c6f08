package org.newskg.query;

import java.util.Locale;

/**
 * How {@link CannedQueries} writes results.
 *
 * <ul>
 * <li>{@link #TABLE}: a text table for people, RDF terms in Turtle form with prefixes ({@code id:} for NewsKG IRIs);</li>
 * <li>{@link #CSV}: RFC 4180 (CRLF line ends), a header of variable names, plain values: IRIs
 *     without {@code <>}, literals as their lexical form (the contract's canned query columns);</li>
 * <li>{@link #TSV}: SPARQL 1.1 TSV, RDF terms in N-Triples form;</li>
 * <li>{@link #JSON}: SPARQL 1.1 JSON results.</li>
 * </ul>
 *
 * <pre>{@code ResultFormat format = ResultFormat.of("csv"); }</pre>
 */
public enum ResultFormat {
    TABLE, CSV, TSV, JSON;

    /**
     * The format with this name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static ResultFormat of(String name) {
        for (ResultFormat f : values()) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown result format '" + name + "'; choose one of table, csv, tsv, json");
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
