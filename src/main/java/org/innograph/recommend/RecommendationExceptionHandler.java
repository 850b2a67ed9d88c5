package org.innograph.recommend;

import java.util.LinkedHashMap;
import java.util.Map;

import org.innograph.store.StoreUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the recommendation API as JSON: status, the parameter at fault and a message saying what is wrong. */
@RestControllerAdvice(assignableTypes = RecommendationController.class)
class RecommendationExceptionHandler {

    @ExceptionHandler(RecommendationException.class)
    ResponseEntity<Map<String, Object>> refused(RecommendationException e) {
        return body(e.status(), e.parameter(), e.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(StoreUnavailableException e) {
        ResponseEntity<Map<String, Object>> response = body(HttpStatus.SERVICE_UNAVAILABLE, null, e.getMessage());
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "10")
                .body(response.getBody());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String parameter, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
