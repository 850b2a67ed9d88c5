package org.innograph.sparql;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.innograph.ingest.RdfPayload;
import org.innograph.ingest.RequestMediaType;
import org.innograph.federation.FederationRefusedException;
import org.innograph.store.QueryCancelledByOperatorException;
import org.innograph.store.QueryRejectedException;
import org.innograph.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Protocol errors as the SPARQL protocol's clients expect them: a status and a plain-text message that
 * names the problem (and, for syntax errors, its line and column).
 */
@RestControllerAdvice(basePackageClasses = SparqlExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SparqlExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SparqlExceptionHandler.class);

    private final SparqlProperties properties;

    SparqlExceptionHandler(SparqlProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(SparqlProtocolException.class)
    ResponseEntity<String> protocol(SparqlProtocolException e) {
        return plain(e.status(), e.getMessage());
    }

    @ExceptionHandler(RdfPayload.MalformedRdfException.class)
    ResponseEntity<String> malformedBody(RdfPayload.MalformedRdfException e) {
        return plain(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RequestMediaType.UnsupportedMediaTypeException.class)
    ResponseEntity<String> unsupportedType(RequestMediaType.UnsupportedMediaTypeException e) {
        return plain(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    /** Tomcat decodes URL and form parameters strictly and refuses bytes that are not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<String> undecodableParameter(InvalidParameterException e) {
        return plain(HttpStatus.BAD_REQUEST, "A URL or form parameter is not valid percent-encoded UTF-8: "
                + e.getMessage());
    }

    @ExceptionHandler(QueryParseException.class)
    ResponseEntity<String> parse(QueryParseException e) {
        return plain(HttpStatus.BAD_REQUEST, "Malformed SPARQL: " + e.getMessage());
    }

    /** Jena checks constant arguments (a REGEX pattern) when it builds the query, outside any FILTER. */
    @ExceptionHandler(ExprEvalException.class)
    ResponseEntity<String> badExpression(ExprEvalException e) {
        return plain(HttpStatus.BAD_REQUEST, "Malformed query: " + e.getMessage());
    }

    @ExceptionHandler(QueryCancelledException.class)
    ResponseEntity<String> timeout(QueryCancelledException e) {
        return timeLimit();
    }

    @ExceptionHandler(QueryCancelledByOperatorException.class)
    ResponseEntity<String> cancelled(QueryCancelledByOperatorException e) {
        return plain(HttpStatus.SERVICE_UNAVAILABLE, "The query was cancelled by an operator (query " + e.id()
                + ", DELETE /admin/queries/" + e.id() + ")");
    }

    @ExceptionHandler(QueryRejectedException.class)
    ResponseEntity<String> rejected(QueryRejectedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }

    @ExceptionHandler(FederationRefusedException.class)
    ResponseEntity<String> federation(FederationRefusedException e) {
        return plain(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Parsers and the query engine recurse: a hostile nesting depth must cost the client a 400, not the server. */
    @ExceptionHandler(StackOverflowError.class)
    ResponseEntity<String> tooDeep(StackOverflowError e) {
        return plain(HttpStatus.BAD_REQUEST, "The request is nested too deeply to be processed");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<String> unavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }

    /** The remote store answered with an error, or did not answer in time. */
    @ExceptionHandler(HttpException.class)
    ResponseEntity<String> remote(HttpException e) {
        if (e.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return timeLimit();
        }
        if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
            return plain(HttpStatus.BAD_REQUEST, "The SPARQL server refused the request: " + remoteMessage(e));
        }
        log.warn("Remote SPARQL server failed: {}", e.getMessage());
        return plain(HttpStatus.BAD_GATEWAY, "The SPARQL server failed: " + remoteMessage(e));
    }

    /**
     * A {@code SERVICE} call of a federated query failed. The store's own requests never end here (the remote
     * store turns its failures into {@link HttpException} or {@link StoreUnavailableException}), so this is
     * always the other endpoint: 502, naming it, not a 500 that blames InnoGraph.
     */
    @ExceptionHandler(QueryExceptionHTTP.class)
    ResponseEntity<String> federated(QueryExceptionHTTP e) {
        log.warn("SERVICE call failed: {}", e.getMessage());
        String answer = e.getStatusCode() > 0 ? " answered " + e.getStatusCode() : " gave no answer";
        return plain(HttpStatus.BAD_GATEWAY, "A SERVICE endpoint of this federated query" + answer + " ("
                + e.getMessage() + "); use SERVICE SILENT to go on without it");
    }

    private ResponseEntity<String> timeLimit() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                .body("The request exceeded the time limit of " + properties.queryTimeout().toSeconds()
                        + " s for queries (innograph.sparql.query-timeout) or " + properties.updateTimeout().toSeconds()
                        + " s for updates (innograph.sparql.update-timeout) and was stopped\n");
    }

    static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }

    private static String remoteMessage(HttpException e) {
        return e.getResponse() != null && !e.getResponse().isBlank() ? e.getResponse().strip() : e.getMessage();
    }
}
