package org.innograph.store;

/** An operator stopped the query ({@code DELETE /admin/queries/{id}}); distinct from reaching the time limit. */
public class QueryCancelledByOperatorException extends StoppedQueryException {

    public QueryCancelledByOperatorException(long id) {
        super(id);
    }
}
