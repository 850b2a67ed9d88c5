package org.innograph.recommend;

import java.util.HashMap;
import java.util.Map;

import org.innograph.problems.Refusal;
import org.springframework.http.HttpStatus;

/** A request the recommendation API cannot answer: 400 naming the parameter at fault, or 404 for an unknown target. */
class RecommendationException extends RuntimeException implements Refusal {

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

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return status == HttpStatus.NOT_FOUND ? "Unknown recommendation target" : "Bad recommendation request";
    }

    @Override
    public Map<String, Object> members() {
        Map<String, Object> members = new HashMap<>();
        if (parameter != null) {
            members.put("parameter", parameter);
        }
        return members;
    }

    String parameter() {
        return parameter;
    }
}
