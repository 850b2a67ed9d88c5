package org.innograph.store;

import org.apache.jena.query.QueryCancelledException;

/** The heap ran short and this query, the longest running, was stopped so that the service keeps answering. */
public class QueryStoppedForMemoryException extends QueryCancelledException {

    private final long id;

    public QueryStoppedForMemoryException(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }
}
