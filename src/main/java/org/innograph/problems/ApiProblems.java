package org.innograph.problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one error handler of InnoGraph's JSON APIs (stored queries, recommendations, imports, dumps, search, geo):
 * every failure as RFC 9457 problem details, {@code application/problem+json}, with the members a client reads
 * (parameter, focus node, row and column…) as problem extensions.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private final Failures failures;

    ApiProblems(Failures failures) {
        this.failures = failures;
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> failed(Throwable e) {
        Failure failure = failures.describe(e);
        return ResponseEntity.status(failure.status()).headers(failure.headers()).body(failure.problem());
    }
}
