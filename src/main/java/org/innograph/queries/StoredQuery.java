package org.innograph.queries;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.query.Query;

/**
 * A query file and what its header says about it.
 *
 * @param name        the file's base name: the API path {@code /api/queries/{name}} and the OpenAPI operation id
 * @param summary     one line
 * @param description longer text, may be empty
 * @param tags        groups in the catalogue and in Swagger UI
 * @param parameters  in header order
 * @param pageSize    the default page size of a SELECT query's results, when the header sets one
 * @param federated   whether it calls SERVICE endpoints on the internet
 * @param text        the file as written (header included), to show researchers the SPARQL they can change
 * @param query       the parsed query, never run as it is: the binder copies it
 * @param origin      where the file came from: "shipped" or "external"
 */
public record StoredQuery(String name, String summary, String description, List<String> tags,
                          List<QueryParameter> parameters, Integer pageSize, boolean federated, String text,
                          Query query, String origin) {

    public StoredQuery {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
    }

    public Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }

    /** SELECT, CONSTRUCT, ASK or DESCRIBE. */
    public String form() {
        if (query.isSelectType()) {
            return "SELECT";
        }
        if (query.isConstructType()) {
            return "CONSTRUCT";
        }
        if (query.isAskType()) {
            return "ASK";
        }
        return "DESCRIBE";
    }

    /**
     * A runnable copy with the parameters bound as RDF terms (the pages drawn from a stored query use this, so
     * they run the very query the API serves).
     *
     * @throws QueryParameterException for an unknown, missing, repeated or ill-typed parameter
     */
    public Query bind(Map<String, String[]> parameters) {
        return QueryBinder.bind(this, parameters);
    }

    /** Whether results come in pages: only SELECT has rows to page through. */
    public boolean paged() {
        return query.isSelectType();
    }
}
