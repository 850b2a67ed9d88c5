package org.innograph.store;

/** The heap ran short and this query, the longest running, was stopped so that the service keeps answering. */
public class QueryStoppedForMemoryException extends StoppedQueryException {

    public QueryStoppedForMemoryException(long id) {
        super(id);
    }
}
