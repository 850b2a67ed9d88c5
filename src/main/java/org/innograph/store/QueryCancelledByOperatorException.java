package org.innograph.store;

import org.apache.jena.query.QueryCancelledException;

/** An operator stopped the query ({@code DELETE /admin/queries/{id}}); distinct from reaching the time limit. */
public class QueryCancelledByOperatorException extends QueryCancelledException {

    private final long id;

    public QueryCancelledByOperatorException(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }
}
