package org.innograph.queries;

/** A request whose parameters do not fit the query: names the parameter and what it expects. */
public class QueryParameterException extends RuntimeException {

    private final String parameter;
    private final String expected;

    public QueryParameterException(String parameter, String expected, String message) {
        super(message);
        this.parameter = parameter;
        this.expected = expected;
    }

    public String parameter() {
        return parameter;
    }

    /** What the parameter accepts, in words; null when the parameter is not one the query knows. */
    public String expected() {
        return expected;
    }
}
