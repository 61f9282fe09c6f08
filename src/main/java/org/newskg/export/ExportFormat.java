package org.newskg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.newskg.NewsKG;

/**
 * The export formats of {@code newskg export}, each writing one {@link Selection} of the store.
 *
 * <pre>{@code
 * ExportFormat.GEXF.write(store.dataset(), Selection.all(), Path.of("newskg.gexf"));
 * ExportFormat.NEO4J.write(store.dataset(), Selection.all(), Path.of("neo4j-import"));   // a folder
 * }</pre>
 */
public enum ExportFormat {
    /** GraphML with typed {@code key}s: yEd, Gephi, Cytoscape. */
    GRAPHML,
    /** GEXF 1.2, dynamic: statement edges carry start/end dates for Gephi's timeline. */
    GEXF,
    /** Cytoscape.js elements JSON, also read by Cytoscape desktop. */
    CYJS,
    /** A folder with {@code nodes.csv} and {@code relationships.csv} for {@code neo4j-admin database import}. */
    NEO4J,
    /** JSON-LD of the selected RDF, with NewsKG's published {@code @context}. */
    JSONLD;

    /** Writes the selection to {@code target}: a file, or for {@link #NEO4J} a folder (created if needed). */
    public void write(DatasetGraph dataset, Selection selection, Path target) {
        PropertyGraph graph = GraphSelector.select(dataset, selection);
        try {
            if (this == NEO4J) {
                Neo4jCsvWriter.write(graph, target);
                return;
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
                switch (this) {
                    case GRAPHML -> XmlGraphWriter.graphml(graph, out);
                    case GEXF -> XmlGraphWriter.gexf(graph, out, NewsKG.version());
                    case CYJS -> JsonGraphWriter.cyjs(graph, out, NewsKG.version());
                    case JSONLD -> JsonLdWriter.write(JsonLdWriter.selectedTriples(dataset, graph), out);
                    default -> throw new IllegalStateException(name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + name().toLowerCase() + " export to " + target + ": " + e.getMessage(), e);
        }
    }
}
