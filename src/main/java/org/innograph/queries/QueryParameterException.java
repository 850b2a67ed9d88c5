package org.innograph.queries;

import java.util.LinkedHashMap;
import java.util.Map;

import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

/** A request whose parameters do not fit the query: names the parameter and what it expects. */
public class QueryParameterException extends RefusalException {

    private final String parameter;
    private final String expected;

    public QueryParameterException(String parameter, String expected, String message) {
        super(HttpStatus.BAD_REQUEST, "Bad query parameter", message);
        this.parameter = parameter;
        this.expected = expected;
    }

    @Override
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("parameter", parameter);
        if (expected != null) {
            members.put("expected", expected);
        }
        return members;
    }

    public String parameter() {
        return parameter;
    }

    /** What the parameter accepts, in words; null when the parameter is not one the query knows. */
    public String expected() {
        return expected;
    }
}
