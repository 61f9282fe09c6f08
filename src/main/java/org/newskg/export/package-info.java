/**
 * Exports of the knowledge graph for graph explorers: a {@link org.newskg.export.Selection} of the store becomes
 * a {@link org.newskg.export.PropertyGraph} (nodes keyed by their IRIs, typed attributes), written by one
 * {@link org.newskg.export.ExportFormat} each: GraphML, GEXF, Cytoscape.js JSON, Neo4j import CSV; JSON-LD is
 * written from the selected RDF itself.
 *
 * <pre>{@code
 * PropertyGraph graph = GraphSelector.select(store.dataset(), Selection.all());
 * ExportFormat.GRAPHML.write(store.dataset(), Selection.all(), Path.of("graph.graphml"));
 * }</pre>
 */
package org.newskg.export;
