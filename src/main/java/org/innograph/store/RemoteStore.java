package org.innograph.store;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTPBuilder;
import org.apache.jena.sparql.exec.http.UpdateExecutionHTTP;
import org.apache.jena.update.UpdateRequest;
import org.innograph.vocabulary.SparqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any SPARQL 1.1 server reached through its Query, Update and Graph Store endpoints. There are no
 * transactions across requests here: each request is atomic on the server, which is why writers send one.
 *
 * <p>Several instances may share one server. Every write through this class also moves the store's
 * {@link WriteMarker}, and the marker is read again before answering once {@code changeCheckInterval} has
 * passed since the last reading, so a write through another instance is seen within that interval. Writes that
 * bypass InnoGraph do not move the marker; {@link #version()} changes every {@code outsideWritesWithin} so that
 * no cached answer outlives that.
 */
public final class RemoteStore implements GraphStore {

    private static final Logger log = LoggerFactory.getLogger(RemoteStore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final StoreProperties.Remote endpoints;
    private final HttpClient httpClient;
    private final AtomicLong generation = new AtomicLong();
    private final QuerySupervisor supervisor;
    private final long checkIntervalNanos;
    private final long outsideWritesMillis;
    /** The marker as last read or written here, null if the last reading failed; guarded by {@code this}. */
    private String marker;
    /** When the last marker reading was sent ({@link System#nanoTime()}); guarded by {@code this}. */
    private long checkedAt;
    private boolean checkedOnce;
    /** Writes whose marker could not be moved: they still make this instance's version change. */
    private final AtomicLong unmarkedWrites = new AtomicLong();

    public RemoteStore(StoreProperties.Remote endpoints) {
        this(endpoints, QuerySupervisor.unlimited());
    }

    public RemoteStore(StoreProperties.Remote endpoints, QuerySupervisor supervisor) {
        this.supervisor = supervisor;
        if (endpoints.queryUrl() == null || endpoints.updateUrl() == null || endpoints.gspUrl() == null) {
            throw new IllegalArgumentException("innograph.store.mode=remote needs innograph.store.remote.query-url, "
                    + "update-url and gsp-url");
        }
        this.endpoints = endpoints;
        this.checkIntervalNanos = endpoints.changeCheckInterval().toNanos();
        this.outsideWritesMillis = Math.max(1, endpoints.outsideWritesWithin().toMillis());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (endpoints.hasCredentials()) {
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(endpoints.username(), endpoints.password().toCharArray());
                }
            });
        }
        this.httpClient = builder.build();
    }

    /** Where queries go; exposed so that the health report can say which server this is. */
    public URI queryUrl() {
        return endpoints.queryUrl();
    }

    @Override
    public StoreMode mode() {
        return StoreMode.REMOTE;
    }

    @Override
    public <T> T read(Function<RDFConnection, T> work) {
        return supervisor.supervise("(read)", ticket -> {
            try (RDFConnection connection = new SupervisedConnection(connect(), ticket, supervisor.timeLimit())) {
                return work.apply(connection);
            } catch (HttpException | QueryExceptionHTTP e) {
                throw translate(e);
            }
        });
    }

    @Override
    public <T> T query(Query query, Duration timeLimit, Function<QueryExecution, T> work) {
        return supervisor.supervise(query, ticket -> {
            QueryExecutionHTTPBuilder builder = QueryExecutionHTTPBuilder.service(endpoints.queryUrl().toString())
                    .httpClient(httpClient)
                    .query(query);
            if (!timeLimit.isZero()) {
                // Fuseki reads "timeout" in SECONDS (SPARQLQueryProcessor parses it with TimeUnit.SECONDS) and
                // stops the work on its side too; others ignore it. Sent in milliseconds it meant a 1000× longer
                // limit: the server went on computing long after InnoGraph had answered 503.
                builder.param("timeout", fusekiSeconds(timeLimit))
                        .timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            }
            try (QueryExecution execution = builder.build()) {
                ticket.attach(execution);
                return work.apply(execution);
            } catch (HttpException | QueryExceptionHTTP e) {
                throw translate(e);
            }
        });
    }

    @Override
    public void update(UpdateRequest update, Duration timeLimit) {
        // The marker moves in the same request, so the server applies both or neither.
        String token = WriteMarker.newToken();
        UpdateRequest marked = new UpdateRequest();
        marked.setPrefixMapping(update.getPrefixMapping());
        // Fuseki spills with the same Jena code (docker/fuseki/config.ttl sets the threshold): see SpillableRows.
        SpillableRows.projected(update).getOperations().forEach(marked::add);
        WriteMarker.moveTo(token).getOperations().forEach(marked::add);
        try {
            UpdateExecutionHTTP.service(endpoints.updateUrl().toString())
                    .httpClient(httpClient)
                    .update(marked)
                    .timeout(timeLimit.isZero() ? -1 : timeLimit.toMillis(), TimeUnit.MILLISECONDS)
                    .execute();
            markedBy(token);
        } catch (HttpException | QueryExceptionHTTP e) {
            throw translate(e);
        } finally {
            generation.incrementAndGet();
        }
    }

    @Override
    public <T> T write(Function<RDFConnection, T> work) {
        // Graph Store requests cannot carry an update, so the marker moves in a request of its own, after the
        // work and before the caller acknowledges it; also after failed work, part of which may have landed.
        String token = WriteMarker.newToken();
        try (RDFConnection connection = connect()) {
            try {
                return work.apply(connection);
            } finally {
                moveMarker(connection, token);
            }
        } catch (HttpException | QueryExceptionHTTP e) {
            throw translate(e);
        } finally {
            // Count even a failed write: part of it may have reached the server, so caches must look again.
            generation.incrementAndGet();
        }
    }

    private void moveMarker(RDFConnection connection, String token) {
        try {
            connection.update(WriteMarker.moveTo(token));
            markedBy(token);
        } catch (RuntimeException e) {
            unmarkedWrites.incrementAndGet();
            throw e;
        }
    }

    private synchronized void markedBy(String token) {
        marker = token;
    }

    @Override
    public long generation() {
        checkMarkerIfDue();
        return generation.get();
    }

    @Override
    public String version() {
        checkMarkerIfDue();
        String current;
        synchronized (this) {
            current = marker;
        }
        if (current == null) {
            // The marker could not be read: a version no answer was kept under.
            return "unknown." + WriteMarker.newToken();
        }
        long unmarked = unmarkedWrites.get();
        return current + "." + System.currentTimeMillis() / outsideWritesMillis + (unmarked == 0 ? "" : "." + unmarked);
    }

    /**
     * Reads the marker if the last reading was sent more than the check interval ago. Callers wait for a
     * reading in progress rather than answer from an older one: that is what bounds staleness.
     */
    private void checkMarkerIfDue() {
        synchronized (this) {
            long sent = System.nanoTime();
            if (checkedOnce && sent - checkedAt < checkIntervalNanos) {
                return;
            }
            String seen;
            try {
                seen = read(connection -> WriteMarker.read(connection, CONNECT_TIMEOUT));
            } catch (RuntimeException e) {
                // Whatever was written meanwhile is unknown: no kept answer may be given until a reading succeeds
                // (tried again after the interval; until then the store is likely failing reads too).
                log.debug("Cannot read the store's write marker: {}", e.getMessage());
                marker = null;
                checkedAt = sent;
                checkedOnce = true;
                return;
            }
            if (checkedOnce && !seen.equals(marker)) {
                // Another instance wrote, or the last reading failed and anything may have happened.
                generation.incrementAndGet();
            }
            marker = seen;
            checkedAt = sent;
            checkedOnce = true;
        }
    }

    @Override
    public boolean isReachable() {
        try (RDFConnection connection = connect(); QueryExecution ask = connection.newQuery()
                .query(SparqlFiles.query("store/ping.rq")).timeout(CONNECT_TIMEOUT.toMillis()).build()) {
            ask.execAsk();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // Nothing to release: Java 17's HttpClient frees its connections when it is collected.
    }

    private RDFConnection connect() {
        return RDFConnectionRemote.newBuilder()
                .queryEndpoint(endpoints.queryUrl().toString())
                .updateEndpoint(endpoints.updateUrl().toString())
                .gspEndpoint(endpoints.gspUrl().toString())
                .httpClient(httpClient)
                .build();
    }

    /**
     * A server that answered keeps its status (as one exception type, whichever Jena class carried it); no
     * answer within our time limit is a timeout; no connection at all means the store is unavailable.
     */
    private RuntimeException translate(RuntimeException e) {
        int status = e instanceof QueryExceptionHTTP query ? query.getStatusCode() : ((HttpException) e).getStatusCode();
        if (status <= 0 && causedBy(e, HttpTimeoutException.class)) {
            return new QueryCancelledException();
        }
        if (status <= 0 && isConnectionFailure(e)) {
            return new StoreUnavailableException("The SPARQL server at " + endpoints.queryUrl().getAuthority()
                    + " cannot be reached: " + e.getMessage(), e);
        }
        if (e instanceof QueryExceptionHTTP query) {
            return new HttpException(status, query.getStatusLine(), query.getResponse(), e);
        }
        return e;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** A time limit as Fuseki's {@code timeout} parameter: whole seconds, rounded up, at least one. */
    static String fusekiSeconds(Duration timeLimit) {
        long millis = Math.max(1, timeLimit.toMillis());
        return Long.toString((millis + 999) / 1000);
    }
}
