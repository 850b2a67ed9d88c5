package org.innograph.store;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.update.UpdateRequest;

/**
 * The one seam between InnoGraph and where its RDF is kept. Everything else talks to the store through
 * {@link RDFConnection}, so the same code runs on embedded TDB2 and on any SPARQL 1.1 server.
 *
 * <p>Reads see the default graph as the union of all named graphs. Every read passes the
 * {@link QuerySupervisor}: admission, a time limit, and a cancel that reaches it. Work handed to a read runs
 * inside it (on the embedded store, inside one read transaction) and must be done with the results when it
 * returns: it consumes them as they come, writing them to a client if it answers one, and keeps only what it
 * needs. Nothing here gathers a whole answer in memory, and callers should not either.
 */
public interface GraphStore extends AutoCloseable {

    StoreMode mode();

    /**
     * Runs read-only work of one or several queries as one supervised read, within the supervisor's time
     * limit; on the embedded store inside one read transaction.
     */
    <T> T read(Function<RDFConnection, T> work);

    /**
     * Runs a query that stops, on this side and on the server's, once the time limit (zero: none) has passed.
     * The work streams what it needs from the execution before returning; a remote server's answer is read
     * as it arrives, never buffered whole.
     *
     * @throws org.apache.jena.query.QueryCancelledException when the limit is reached
     */
    <T> T query(Query query, Duration timeLimit, Function<QueryExecution, T> work);

    /** Applies a SPARQL update as one all-or-nothing unit, within the time limit (zero: none, as for queries). */
    void update(UpdateRequest update, Duration timeLimit);

    /**
     * Runs writes and returns what the work computed (e.g. whether a graph existed before it was replaced; null
     * for work that computes nothing).
     * Embedded: one write transaction, all or nothing. Remote: every request the work sends is atomic on the
     * server, so callers that need all-or-nothing send one request.
     */
    <T> T write(Function<RDFConnection, T> work);

    /**
     * Counts up on every write made through this store and, on a remote store, whenever the store's write
     * marker shows a write made through another InnoGraph instance; caches built from the store compare it.
     */
    long generation();

    /**
     * Names what the store holds now, for answer caches and HTTP validators: it changes before any write
     * through InnoGraph is acknowledged. Instances over one remote store give the same value once they have
     * read the store's write marker (at most {@code innograph.store.remote.change-check-interval} after a
     * write through another instance); a restarted embedded store starts a new series.
     */
    String version();

    /**
     * The dataset when it lives in this process (embedded TDB2), for what only makes sense there: bulk loading,
     * engine settings such as the federation guard. Empty for a remote store, whose server runs the queries.
     */
    default Optional<Dataset> localDataset() {
        return Optional.empty();
    }

    /** Whether the store answers a trivial query right now. */
    boolean isReachable();

    /** Triples in all named graphs, counted by a query so that both modes count alike. */
    default long tripleCount() {
        return read(StoreStatistics::countQuads);
    }

    @Override
    void close();
}
