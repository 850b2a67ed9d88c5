package org.innograph.problems;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * What went wrong, said once and rendered by each surface in its own form: plain text for the SPARQL protocol,
 * {@code application/problem+json} for the JSON APIs, a page for people.
 *
 * @param retryAfter when a client may try again (sent as {@code Retry-After}); null when retrying will not help
 * @param members extra members a client reads without parsing the detail (RFC 9457 extensions)
 */
public record Failure(HttpStatusCode status, String title, String detail, Duration retryAfter,
                      Map<String, Object> members) {

    public Failure {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    /** The headers every rendering sends; {@code Retry-After} is written here and nowhere else. */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return headers;
    }

    /** As RFC 9457 problem details. */
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        members.forEach(problem::setProperty);
        return problem;
    }
}
