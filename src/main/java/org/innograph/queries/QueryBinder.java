package org.innograph.queries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.innograph.vocabulary.SparqlFiles;

/**
 * Turns request parameters into a runnable copy of a stored query. Values are checked against the declared
 * type and become RDF terms in a VALUES block at the start of the WHERE clause, one block per parameter: the
 * query text is never touched, so no value can change what the query does.
 */
public final class QueryBinder {

    private QueryBinder() {
    }

    /**
     * @param request the request's parameters, as the servlet gives them (reserved ones included)
     * @throws QueryParameterException for an unknown, missing, repeated or ill-typed parameter
     */
    static Query bind(StoredQuery stored, Map<String, String[]> request) {
        for (String name : request.keySet()) {
            if (stored.parameter(name).isEmpty() && !QueryFileReader.RESERVED.contains(name)) {
                throw new QueryParameterException(name, null, "Unknown parameter '" + name + "': query '"
                        + stored.name() + "' takes " + describe(stored));
            }
        }
        Map<Var, List<Node>> bindings = new LinkedHashMap<>();
        for (QueryParameter parameter : stored.parameters()) {
            List<String> given = request.containsKey(parameter.name())
                    ? Arrays.stream(request.get(parameter.name())).filter(value -> !value.isBlank()).toList()
                    : List.of();
            if (given.isEmpty() && parameter.defaultValue() != null) {
                given = List.of(parameter.defaultValue());
            }
            if (given.isEmpty()) {
                if (parameter.required()) {
                    throw new QueryParameterException(parameter.name(), parameter.expects(), "Missing required "
                            + "parameter '" + parameter.name() + "': it expects " + parameter.expects());
                }
                continue;
            }
            bindings.put(Var.alloc(parameter.name()), values(parameter, given));
        }
        return SparqlFiles.withValues(QueryFactory.create(stored.query()), bindings);
    }

    /** The RDF terms for a parameter's values, each checked against its type and allowed values. */
    static List<Node> values(QueryParameter parameter, List<String> given) {
        List<String> values = new ArrayList<>();
        for (String value : given) {
            if (parameter.multi() && parameter.type().splitsOnComma()) {
                Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
            } else {
                values.add(value);
            }
        }
        if (!parameter.multi() && values.size() > 1) {
            throw new QueryParameterException(parameter.name(), parameter.expects(), "Parameter '" + parameter.name()
                    + "' takes one value, not " + values.size() + ": it expects " + parameter.expects());
        }
        List<Node> allowed = parameter.allowedValues().stream().map(parameter.type()::parse).toList();
        List<Node> nodes = new ArrayList<>();
        for (String value : values) {
            Node node = parameter.type().parse(value);
            if (node == null || (!allowed.isEmpty() && !allowed.contains(node))) {
                throw new QueryParameterException(parameter.name(), parameter.expects(), "Parameter '"
                        + parameter.name() + "': '" + value + "' is not " + parameter.expectsEach());
            }
            if (!nodes.contains(node)) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static String describe(StoredQuery stored) {
        List<String> names = new ArrayList<>(stored.parameters().stream().map(QueryParameter::name).toList());
        String own = names.isEmpty() ? "no parameters of its own" : String.join(", ", names);
        return own + (stored.paged() ? ", and page, per_page, format" : ", and format");
    }
}
