package org.innograph.recommend;

import java.util.HashMap;
import java.util.Map;

import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

/** A request the recommendation API cannot answer: 400 naming the parameter at fault, or 404 for an unknown target. */
class RecommendationException extends RefusalException {

    private final String parameter;

    RecommendationException(HttpStatus status, String parameter, String message) {
        super(status, status == HttpStatus.NOT_FOUND ? "Unknown recommendation target" : "Bad recommendation request",
                message);
        this.parameter = parameter;
    }

    static RecommendationException badParameter(String parameter, String message) {
        return new RecommendationException(HttpStatus.BAD_REQUEST, parameter, message);
    }

    static RecommendationException unknown(String parameter, String message) {
        return new RecommendationException(HttpStatus.NOT_FOUND, parameter, message);
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
