package org.innograph.store;

import org.apache.jena.query.QueryCancelledException;

/**
 * A supervised query the service stopped before its end, by the id of its ticket ({@code /admin/queries}); each
 * reason is its own type, so that a client is told which one, and none is reported as a time-out.
 */
public abstract class StoppedQueryException extends QueryCancelledException {

    private final long id;

    protected StoppedQueryException(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }
}
