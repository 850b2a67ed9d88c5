package org.innograph.queries;

import java.util.List;

/**
 * One parameter of a stored query, as its header declares it. The query uses it as the variable of the
 * same name.
 *
 * @param name          the request parameter and the query variable ({@code ?name})
 * @param type          what values it accepts
 * @param required      whether a request without it is refused
 * @param defaultValue  used when the request does not give it; null for none (the variable stays unbound)
 * @param allowedValues when not empty, the only values accepted
 * @param multi         whether it takes a list (repeated, or comma-separated), bound by a VALUES block
 * @param description   what it means, for the catalogue and the API description
 */
public record QueryParameter(String name, ParameterType type, boolean required, String defaultValue,
                             List<String> allowedValues, boolean multi, String description) {

    public QueryParameter {
        allowedValues = List.copyOf(allowedValues);
    }

    /** What the parameter takes, in words. */
    public String expects() {
        return multi ? "one or more values, each " + expectsEach() : expectsEach();
    }

    /** What one value must look like, in words. */
    public String expectsEach() {
        return allowedValues.isEmpty() ? type.expects() : "one of " + String.join(", ", allowedValues);
    }
}
