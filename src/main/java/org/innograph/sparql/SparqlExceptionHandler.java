package org.innograph.sparql;

import org.innograph.problems.Failure;
import org.innograph.problems.Failures;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Protocol errors as the SPARQL protocol's clients expect them: a status and a plain-text message that names the
 * problem (and, for syntax errors, its line and column). What each failure means is {@link Failures}' to say.
 */
@RestControllerAdvice(basePackageClasses = SparqlExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SparqlExceptionHandler {

    private final Failures failures;

    SparqlExceptionHandler(Failures failures) {
        this.failures = failures;
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<String> failed(Throwable e) {
        if (e instanceof AnswerBody.AnswerCutOffException cutOff) {
            // Part of a 200 answer is out: only an aborted connection tells the client it is incomplete.
            throw cutOff;
        }
        Failure failure = failures.describe(e);
        return ResponseEntity.status(failure.status()).headers(failure.headers()).contentType(MediaType.TEXT_PLAIN)
                .body(failure.detail() + "\n");
    }
}
