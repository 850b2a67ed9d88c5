package org.innograph.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetStream;
import org.innograph.federation.FederationPolicy;
import org.innograph.recommend.RankingStatisticsKeeper;
import org.innograph.store.GraphStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Parses a query, applies the protocol's dataset and runs it on the store within the time limit. */
@Service
public class QueryService {

    private final GraphStore store;
    private final SparqlProperties properties;
    private final FederationPolicy federation;
    private final RankingStatisticsKeeper statistics;

    public QueryService(GraphStore store, SparqlProperties properties, FederationPolicy federation,
            RankingStatisticsKeeper statistics) {
        this.store = store;
        this.properties = properties;
        this.federation = federation;
        this.statistics = statistics;
    }

    public Query parse(String text) {
        try {
            return QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            if (SparqlForms.isUpdate(text)) {
                throw SparqlProtocolException.badRequest(
                        "This is a SPARQL update, not a query: send it to /sparql/update");
            }
            throw SparqlProtocolException.badRequest("Malformed query: " + e.getMessage());
        }
    }

    public QueryOutcome execute(Query query, ProtocolDataset dataset) {
        federation.check(query);
        // A ranking on the statistics graph must not run on figures older than the last write.
        statistics.beforeQuery(query);
        dataset.applyTo(query);
        int cap = properties.maxResultRows();
        Query run = query.isSelectType() ? ResultRows.limitedTo(query, cap) : query;
        return store.query(run, properties.queryTimeout(), execution -> {
            if (query.isSelectType()) {
                return new QueryOutcome.Rows(withinCap(execution.execSelect(), cap));
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

    /** The whole answer in memory (so no error can come after the 200), refused if it passes the cap. */
    private static ResultSetRewindable withinCap(ResultSet results, int cap) {
        ResultRows.Capped rows = ResultRows.read(results, cap);
        if (rows.truncated()) {
            throw new SparqlProtocolException(HttpStatus.UNPROCESSABLE_CONTENT, "The answer has more than " + cap
                    + " rows (innograph.sparql.max-result-rows): page through it with ORDER BY, LIMIT and OFFSET");
        }
        return ResultSet.adapt(RowSetStream.create(Var.varList(rows.variables()), rows.rows().iterator()))
                .rewindable();
    }

}
