package org.innograph.store;

/** More queries are running than the configured cap allows: the client should retry shortly. */
public class QueryRejectedException extends RuntimeException {

    public QueryRejectedException(String message) {
        super(message);
    }
}
