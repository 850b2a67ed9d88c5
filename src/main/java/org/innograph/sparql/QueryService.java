package org.innograph.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;
import org.innograph.store.GraphStore;
import org.springframework.stereotype.Service;

/** Parses a query, applies the protocol's dataset and runs it on the store within the time limit. */
@Service
public class QueryService {

    private final GraphStore store;
    private final SparqlProperties properties;

    public QueryService(GraphStore store, SparqlProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public Query parse(String text) {
        try {
            return QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            if (isUpdate(text)) {
                throw SparqlProtocolException.badRequest(
                        "This is a SPARQL update, not a query: send it to /sparql/update");
            }
            throw SparqlProtocolException.badRequest("Malformed query: " + e.getMessage());
        }
    }

    public QueryOutcome execute(Query query, ProtocolDataset dataset) {
        dataset.applyTo(query);
        return store.query(query, properties.queryTimeout(), execution -> {
            if (query.isSelectType()) {
                return new QueryOutcome.Rows(execution.execSelect().rewindable());
            }
            if (query.isAskType()) {
                return new QueryOutcome.Answer(execution.execAsk());
            }
            if (query.isConstructType()) {
                return new QueryOutcome.Graph(execution.execConstruct());
            }
            if (query.isDescribeType()) {
                return new QueryOutcome.Graph(execution.execDescribe());
            }
            throw SparqlProtocolException.badRequest("Unsupported query form: " + query.queryType());
        });
    }

    static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
