package org.innograph.recommend;

import org.springframework.http.HttpStatus;

/** A request the recommendation API cannot answer: 400 naming the parameter at fault, or 404 for an unknown target. */
class RecommendationException extends RuntimeException {

    private final HttpStatus status;
    private final String parameter;

    RecommendationException(HttpStatus status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    static RecommendationException badParameter(String parameter, String message) {
        return new RecommendationException(HttpStatus.BAD_REQUEST, parameter, message);
    }

    static RecommendationException unknown(String parameter, String message) {
        return new RecommendationException(HttpStatus.NOT_FOUND, parameter, message);
    }

    HttpStatus status() {
        return status;
    }

    String parameter() {
        return parameter;
    }
}
