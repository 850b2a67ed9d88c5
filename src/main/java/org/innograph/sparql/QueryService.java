package org.innograph.sparql;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ResultSetStream;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
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
                return new QueryOutcome.Rows(detached(execution.execSelect()));
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

    /**
     * The rows with their values copied out: TDB2 rows resolve values lazily from the store, which is only
     * safe inside the read transaction that produced them.
     */
    private static ResultSetRewindable detached(ResultSet rows) {
        List<Binding> copies = new ArrayList<>();
        while (rows.hasNext()) {
            copies.add(BindingFactory.copy(rows.nextBinding()));
        }
        return ResultSetStream.create(Var.varList(rows.getResultVars()), copies.iterator()).rewindable();
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
