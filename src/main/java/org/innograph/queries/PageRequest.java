package org.innograph.queries;

import java.util.Map;

/**
 * Which page of a SELECT query's rows a request wants: {@code page} counts from 1, {@code per_page} is at most
 * the configured row cap.
 */
record PageRequest(int number, int perPage) {

    static PageRequest from(StoredQuery query, Map<String, String[]> request, QueriesProperties properties) {
        int defaultSize = query.pageSize() != null ? query.pageSize() : properties.defaultPerPage();
        int number = positive(request, "page", 1, Integer.MAX_VALUE, "a page number from 1");
        int perPage = positive(request, "per_page", Math.min(defaultSize, properties.maxRows()), properties.maxRows(),
                "a page size from 1 to " + properties.maxRows() + " (innograph.queries.max-rows)");
        if (!query.paged() && (request.containsKey("page") || request.containsKey("per_page"))) {
            String name = request.containsKey("page") ? "page" : "per_page";
            throw new QueryParameterException(name, null, "Parameter '" + name + "': query '" + query.name()
                    + "' is a " + query.form() + " query, and only SELECT results come in pages");
        }
        return new PageRequest(number, perPage);
    }

    long offset() {
        return (long) (number - 1) * perPage;
    }

    private static int positive(Map<String, String[]> request, String name, int fallback, int max, String expects) {
        String[] values = request.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return fallback;
        }
        if (values.length > 1) {
            throw new QueryParameterException(name, expects, "Parameter '" + name + "' is given more than once");
        }
        try {
            int value = Integer.parseInt(values[0].strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new QueryParameterException(name, expects, "Parameter '" + name + "': '" + values[0] + "' is not "
                + expects);
    }
}
