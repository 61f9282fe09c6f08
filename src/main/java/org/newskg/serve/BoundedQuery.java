package org.newskg.serve;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query processor with two bounds: every query runs under the server's timeout (a client's
 * {@code timeout} parameter can shorten it, never lengthen it), and a SELECT, CONSTRUCT or DESCRIBE answers at
 * most {@code maxRows} rows: a missing or larger {@code LIMIT} is lowered to it. A query that runs out of time
 * is cancelled (Fuseki answers 503) and frees its thread.
 */
final class BoundedQuery extends SPARQL_QueryDataset {

    private final long timeoutMillis;
    private final long maxRows;

    BoundedQuery(long timeoutMillis, long maxRows) {
        this.timeoutMillis = timeoutMillis;
        this.maxRows = maxRows;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        // the action's context is a per-request copy: setting it here changes nothing for other requests
        action.getContext().set(ARQ.queryTimeout, Long.toString(timeoutMillis));
        if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
            query.setLimit(maxRows);
        }
    }
}
