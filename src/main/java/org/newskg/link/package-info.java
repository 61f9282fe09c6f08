/**
 * Linking entities to Wikidata ({@code newskg link}): candidates from a {@link org.newskg.link.CandidateSource}
 * (Wikidata-shaped RDF files, a SPARQL endpoint, or the Wikidata API), scored against what the articles say
 * about each entity ({@link org.newskg.link.EntityProfile}, {@link org.newskg.link.Scorer}), decided with a
 * threshold and a margin, and written with their evidence to a named graph ({@link org.newskg.link.LinkGraph}).
 * A person's decisions ({@link org.newskg.link.Review}) live in a graph of their own that rebuilds keep.
 */
package org.newskg.link;
