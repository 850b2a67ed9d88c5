package org.innograph.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionWrapper;

/**
 * The connection {@link GraphStore#read} hands out: every query made through it is attached to the read's
 * ticket (so that an operator or the heap guard can stop it) and gets what is left of the read's time limit.
 */
final class SupervisedConnection extends RDFConnectionWrapper {

    private final QuerySupervisor.Ticket ticket;
    private final long deadline;

    SupervisedConnection(RDFConnection connection, QuerySupervisor.Ticket ticket, Duration timeLimit) {
        super(connection);
        this.ticket = ticket;
        this.deadline = timeLimit.isZero() ? 0 : System.nanoTime() + timeLimit.toNanos();
    }

    @Override
    public QueryExecution query(String queryString) {
        return query(QueryFactory.create(queryString));
    }

    @Override
    public QueryExecution query(Query query) {
        QueryExecutionBuilder builder = get().newQuery().query(query);
        if (deadline != 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            builder.timeout(Math.max(1, left), TimeUnit.MILLISECONDS);
        }
        QueryExecution execution = builder.build();
        ticket.attach(execution);
        return execution;
    }
}
