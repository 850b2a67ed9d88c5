package org.innograph.problems;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.ServletException;
import org.apache.jena.atlas.lib.NotImplemented;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.ARQNotImplemented;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.update.UpdateException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.innograph.federation.FederationRefusedException;
import org.innograph.store.QueryCancelledByOperatorException;
import org.innograph.store.QueryRejectedException;
import org.innograph.store.QueryStoppedForMemoryException;
import org.innograph.store.QueryTooLargeException;
import org.innograph.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * The one place that says how InnoGraph answers each kind of failure, whichever endpoint met it. Every
 * exception type is mapped here once; the surfaces only render the {@link Failure}.
 */
@Component
public class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    /** A store that did not answer is usually back within seconds (a restart, a network blip). */
    static final Duration STORE_RETRY = Duration.ofSeconds(10);
    /** The heap guard lets queries in again once the collector has freed memory. */
    static final Duration MEMORY_RETRY = Duration.ofSeconds(5);
    /** The concurrency cap frees a slot as soon as one running query ends. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Duration queryTimeout;
    private final Duration updateTimeout;
    private final Duration pageQueryTimeout;
    private final Duration snapshotQueryTimeout;

    /** The limits are named in the time-limit message; the defaults are SparqlProperties' and LinkedDataProperties'. */
    public Failures(@Value("${innograph.sparql.query-timeout:30s}") Duration queryTimeout,
                    @Value("${innograph.sparql.update-timeout:120s}") Duration updateTimeout,
                    @Value("${innograph.linked-data.query-timeout:10s}") Duration pageQueryTimeout,
                    @Value("${innograph.linked-data.snapshot-query-timeout:5m}") Duration snapshotQueryTimeout) {
        this.queryTimeout = queryTimeout;
        this.updateTimeout = updateTimeout;
        this.pageQueryTimeout = pageQueryTimeout;
        this.snapshotQueryTimeout = snapshotQueryTimeout;
    }

    public Failure describe(Throwable e) {
        if (e instanceof ServletException && e.getCause() != null) {
            // Spring wraps an Error thrown by a handler (a StackOverflowError from a hostile nesting depth).
            return describe(e.getCause());
        }
        if (e instanceof Refusal refusal) {
            return new Failure(refusal.status(), refusal.title(), e.getMessage(), null, refusal.members());
        }
        if (e instanceof UpdateException) {
            // An operation SPARQL Update defines as an error (CLEAR or DROP of a missing graph without SILENT):
            // the request is rolled back whole, and the client is told why.
            return of(HttpStatus.BAD_REQUEST, "Update failed", "The update failed and nothing was changed: "
                    + e.getMessage());
        }
        if (e instanceof NotImplemented || e instanceof ARQNotImplemented) {
            // A valid query whose shape the engine cannot evaluate (Jena 6.2: ORDER BY … LIMIT inside a FILTER
            // EXISTS re-evaluated per row, "Not implemented: OpTopN"): understood but not processable.
            return of(HttpStatus.UNPROCESSABLE_CONTENT, "Query not evaluable", "The query engine cannot evaluate "
                    + "this query (" + e.getMessage() + "); rewrite the part it names, e.g. move ORDER BY … LIMIT "
                    + "out of FILTER EXISTS");
        }
        if (e instanceof InvalidParameterException) {
            return of(HttpStatus.BAD_REQUEST, "Undecodable parameter", "A URL or form parameter is not valid "
                    + "percent-encoded UTF-8: " + e.getMessage());
        }
        if (e instanceof QueryParseException) {
            return of(HttpStatus.BAD_REQUEST, "Malformed SPARQL", "Malformed SPARQL: " + e.getMessage());
        }
        if (e instanceof ExprEvalException) {
            // Jena checks constant arguments (a REGEX pattern) when it builds the query, outside any FILTER.
            return of(HttpStatus.BAD_REQUEST, "Malformed query", "Malformed query: " + e.getMessage());
        }
        if (e instanceof QueryCancelledByOperatorException cancelled) {
            return of(HttpStatus.SERVICE_UNAVAILABLE, "Cancelled by an operator", "The query was cancelled by an "
                    + "operator (query " + cancelled.id() + ", DELETE /admin/queries/" + cancelled.id() + ")");
        }
        if (e instanceof QueryStoppedForMemoryException stopped) {
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "Stopped: short of memory", "The service ran short of "
                    + "memory and stopped this query, the longest running (query " + stopped.id() + "): narrow it "
                    + "(LIMIT, fewer rows to sort or join) or try again later", MEMORY_RETRY, null);
        }
        if (e instanceof QueryCancelledException) {
            return timeLimit();
        }
        if (e instanceof QueryTooLargeException) {
            return of(HttpStatus.UNPROCESSABLE_CONTENT, "Query too large", e.getMessage());
        }
        if (e instanceof QueryRejectedException) {
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "Too many queries", e.getMessage(), BUSY_RETRY, null);
        }
        if (e instanceof FederationRefusedException) {
            return of(HttpStatus.BAD_REQUEST, "Federation refused", e.getMessage());
        }
        if (e instanceof StoreUnavailableException) {
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", e.getMessage(), STORE_RETRY, null);
        }
        if (e instanceof HttpException http) {
            return remoteStore(http);
        }
        if (e instanceof QueryExceptionHTTP service) {
            return federatedService(service);
        }
        if (e instanceof QueryExecException) {
            // Any other refusal of the engine while it evaluates (its time-limit, HTTP and cancel subclasses are
            // told apart above): the query is understood but cannot be answered as written.
            return of(HttpStatus.UNPROCESSABLE_CONTENT, "Query not evaluable", "The query engine cannot evaluate "
                    + "this query: " + e.getMessage());
        }
        if (e instanceof StackOverflowError) {
            // Parsers and the query engine recurse: a hostile nesting depth must cost the client a 400, not the server.
            return of(HttpStatus.BAD_REQUEST, "Nested too deeply", "The request is nested too deeply to be processed");
        }
        if (e instanceof ErrorResponse spring) {
            // Spring MVC's own refusals (unsupported media type, missing parameter, wrong method…) keep their status.
            String detail = spring.getBody().getDetail() != null ? spring.getBody().getDetail() : e.getMessage();
            return new Failure(spring.getStatusCode(), spring.getBody().getTitle(), detail, null, null);
        }
        if (e instanceof IOException) {
            // Mostly a client that went away mid-answer: nothing to tell it, nothing wrong here.
            log.debug("I/O failure while answering", e);
            return of(HttpStatus.INTERNAL_SERVER_ERROR, "Connection failed", "The answer could not be written");
        }
        log.error("Unexpected failure", e);
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "InnoGraph failed on this request (" + e.getClass().getSimpleName() + "); the server log has the details");
    }

    private Failure timeLimit() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "Time limit exceeded", "The request exceeded the time limit of "
                + queryTimeout.toSeconds() + " s for queries (innograph.sparql.query-timeout) or "
                + updateTimeout.toSeconds() + " s for updates (innograph.sparql.update-timeout) or "
                + pageQueryTimeout.toSeconds() + " s for a page's queries (innograph.linked-data.query-timeout) or "
                + snapshotQueryTimeout.toSeconds() + " s for the queries behind the search index and the home "
                + "page's counts (innograph.linked-data.snapshot-query-timeout) and was stopped");
    }

    /** The remote store answered with an error, or did not answer in time. */
    private Failure remoteStore(HttpException e) {
        if (e.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return timeLimit();
        }
        String said = e.getResponse() != null && !e.getResponse().isBlank() ? e.getResponse().strip() : e.getMessage();
        if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
            return of(HttpStatus.BAD_REQUEST, "Refused by the SPARQL server", "The SPARQL server refused the request: " + said);
        }
        log.warn("Remote SPARQL server failed: {}", e.getMessage());
        return of(HttpStatus.BAD_GATEWAY, "The SPARQL server failed", "The SPARQL server failed: " + said);
    }

    /**
     * A {@code SERVICE} call of a federated query failed. The store's own requests never end here (the remote
     * store turns its failures into {@link HttpException} or {@link StoreUnavailableException}), so this is
     * always the other endpoint: 502, naming it, not a 500 that blames InnoGraph.
     */
    private Failure federatedService(QueryExceptionHTTP e) {
        log.warn("SERVICE call failed: {}", e.getMessage());
        String answer = e.getStatusCode() > 0 ? " answered " + e.getStatusCode() : " gave no answer";
        return of(HttpStatus.BAD_GATEWAY, "A SERVICE endpoint failed", "A SERVICE endpoint of this federated query"
                + answer + " (" + e.getMessage() + "); use SERVICE SILENT to go on without it");
    }

    private static Failure of(HttpStatus status, String title, String detail) {
        return new Failure(status, title, detail, null, Map.of());
    }
}
