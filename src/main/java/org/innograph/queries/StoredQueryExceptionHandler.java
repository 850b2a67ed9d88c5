package org.innograph.queries;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.innograph.sparql.SparqlProperties;
import org.innograph.store.StoreUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the stored-query API as RFC 9457 problem details (application/problem+json), with the parameter
 * at fault and what it expects as members a client can read without parsing the message.
 */
@RestControllerAdvice(basePackageClasses = StoredQueryExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoredQueryExceptionHandler {

    private final SparqlProperties sparql;

    StoredQueryExceptionHandler(SparqlProperties sparql) {
        this.sparql = sparql;
    }

    @ExceptionHandler(QueryParameterException.class)
    ResponseEntity<ProblemDetail> parameter(QueryParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad query parameter");
        problem.setProperty("parameter", e.parameter());
        if (e.expected() != null) {
            problem.setProperty("expected", e.expected());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownQueryException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownQueryException e) {
        return problem(HttpStatus.NOT_FOUND, "No such stored query", e.getMessage());
    }

    @ExceptionHandler(NotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "No acceptable representation", e.getMessage());
    }

    @ExceptionHandler(QueryCancelledException.class)
    ResponseEntity<ProblemDetail> timeout(QueryCancelledException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Time limit exceeded", "The query ran longer than "
                + sparql.queryTimeout().toSeconds() + " s (innograph.sparql.query-timeout) and was stopped");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(StoreUnavailableException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                e.getMessage());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "10")
                .body(answer.getBody());
    }

    /**
     * A federated query's {@code SERVICE} endpoint failed (embedded mode: Jena's call failed here), or the
     * remote store answered with an error (remote mode: the store makes the SERVICE calls). A failure on the
     * far side, not a fault of InnoGraph's: 502, with what the other side said.
     */
    @ExceptionHandler({QueryExceptionHTTP.class, HttpException.class})
    ResponseEntity<ProblemDetail> upstream(RuntimeException e) {
        int status = e instanceof HttpException http ? http.getStatusCode() : ((QueryExceptionHTTP) e).getStatusCode();
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return timeout(new QueryCancelledException());
        }
        String said = e instanceof HttpException http && http.getResponse() != null && !http.getResponse().isBlank()
                ? http.getResponse().strip() : e.getMessage();
        return problem(HttpStatus.BAD_GATEWAY, "A SPARQL endpoint failed", (status > 0 ? "Answered " + status
                + ": " : "No answer: ") + said + " (a federated query's SERVICE endpoint, or the remote store)");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
