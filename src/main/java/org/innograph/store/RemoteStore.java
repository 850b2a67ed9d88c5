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
import java.util.function.Consumer;
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

/**
 * Any SPARQL 1.1 server reached through its Query, Update and Graph Store endpoints. There are no
 * transactions across requests here: each request is atomic on the server, which is why writers send one.
 */
public final class RemoteStore implements GraphStore {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final StoreProperties.Remote endpoints;
    private final HttpClient httpClient;
    private final AtomicLong generation = new AtomicLong();
    private final QuerySupervisor supervisor;

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
        try (RDFConnection connection = connect()) {
            return work.apply(connection);
        } catch (HttpException | QueryExceptionHTTP e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T query(Query query, Duration timeLimit, Function<QueryExecution, T> work) {
        return supervisor.supervise(query, ticket -> {
            try (QueryExecution execution = QueryExecutionHTTPBuilder.service(endpoints.queryUrl().toString())
                    .httpClient(httpClient)
                    .query(query)
                    // Fuseki reads "timeout" in SECONDS (SPARQLQueryProcessor parses it with TimeUnit.SECONDS) and
                    // stops the work on its side too; others ignore it. Sent in milliseconds it meant a 1000× longer
                    // limit: the server went on computing long after InnoGraph had answered 503.
                    .param("timeout", fusekiSeconds(timeLimit))
                    .timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS)
                    .build()) {
                ticket.attach(execution);
                return work.apply(execution);
            } catch (HttpException | QueryExceptionHTTP e) {
                throw translate(e);
            }
        });
    }

    @Override
    public void update(UpdateRequest update, Duration timeLimit) {
        try {
            UpdateExecutionHTTP.service(endpoints.updateUrl().toString())
                    .httpClient(httpClient)
                    .update(update)
                    .timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS)
                    .execute();
        } catch (HttpException | QueryExceptionHTTP e) {
            throw translate(e);
        } finally {
            generation.incrementAndGet();
        }
    }

    @Override
    public void write(Consumer<RDFConnection> work) {
        try (RDFConnection connection = connect()) {
            work.accept(connection);
        } catch (HttpException | QueryExceptionHTTP e) {
            throw translate(e);
        } finally {
            // Count even a failed write: part of it may have reached the server, so caches must look again.
            generation.incrementAndGet();
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public boolean isReachable() {
        try (RDFConnection connection = connect(); QueryExecution ask = connection.newQuery()
                .query("ASK {}").timeout(CONNECT_TIMEOUT.toMillis()).build()) {
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
