package org.innograph.sparql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingLib;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.innograph.federation.FederationPolicy;
import org.innograph.recommend.RankingStatisticsKeeper;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.IG;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Parses a query, applies the protocol's dataset and runs it on the store within the time limit, writing the
 * answer to the client as the store produces it, inside the store's read transaction.
 */
@Service
public class QueryService {

    private final GraphStore store;
    private final SparqlProperties properties;
    private final FederationPolicy federation;
    private final ResultWriter writer;
    private final RankingStatisticsKeeper statistics;

    public QueryService(GraphStore store, SparqlProperties properties, FederationPolicy federation,
            ResultWriter writer, RankingStatisticsKeeper statistics) {
        this.store = store;
        this.properties = properties;
        this.federation = federation;
        this.writer = writer;
        this.statistics = statistics;
    }

    /**
     * Relative IRIs resolve against our public base (SPARQL 1.1 Protocol §2.3: a service defines its own base);
     * without one, Jena falls back to the server's working directory and answers {@code file:///…} IRIs.
     */
    public Query parse(String text) {
        try {
            Query query = QueryFactory.create(text, IG.BASE, Syntax.syntaxARQ);
            // Resolved now; without this the query would be written out (to a remote store, to the cache key)
            // with IRIs made relative to the base again and no BASE line, and a remote server would resolve them
            // against its own base.
            query.setBase((IRIx) null);
            return query;
        } catch (QueryParseException e) {
            if (SparqlForms.isUpdate(text)) {
                throw SparqlProtocolException.badRequest(
                        "This is a SPARQL update, not a query: send it to /sparql/update");
            }
            throw SparqlProtocolException.badRequest("Malformed query: " + e.getMessage());
        }
    }

    /** Runs the query and writes its answer, in the representation the request asks for, to the response. */
    public void execute(Query query, ProtocolDataset dataset, HttpServletRequest request,
            HttpServletResponse response) {
        federation.check(query);
        // A ranking on the statistics graph must not run on figures older than the last write.
        statistics.beforeQuery(query);
        dataset.applyTo(query);
        AnswerBody body = new AnswerBody(response, query.isSelectType() || query.isAskType()
                ? writer.negotiate(request, ResultFormat.TABULAR, query.isSelectType() ? "a SELECT result" : "an ASK result")
                : writer.negotiate(request, ResultFormat.GRAPH, "an RDF graph"));
        Query run = query.isSelectType() ? ResultRows.limitedTo(query, properties.maxResultRows()) : query;
        try {
            store.query(run, properties.queryTimeout(), execution -> {
                write(query, execution, body);
                try {
                    body.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw body.failed(e);
        }
    }

    /**
     * Runs a SELECT whose rows a page shows as a table: held to the same checks, limits and row cap as
     * {@code /sparql}, and copied out inside the read (at most the row cap, so the copy is bounded).
     */
    public ResultSetRewindable selectForPage(Query query) {
        federation.check(query);
        statistics.beforeQuery(query);
        int cap = properties.maxResultRows();
        return store.query(ResultRows.limitedTo(query, cap), properties.queryTimeout(), execution -> {
            ResultSet results = execution.execSelect();
            Iterator<QuerySolution> rows = ResultRows.capped(results, cap, () -> tooLarge("The answer has more "
                    + "than " + cap + " rows (innograph.sparql.max-result-rows): narrow the question"));
            List<Binding> copied = new ArrayList<>();
            rows.forEachRemaining(row -> copied.add(BindingLib.asBinding(row)));
            return ResultSet.adapt(RowSetStream.create(Var.varList(results.getResultVars()), copied.iterator()))
                    .rewindable();
        });
    }

    private void write(Query query, QueryExecution execution, AnswerBody body) {
        if (query.isSelectType()) {
            RowSet rows = RowSet.adapt(execution.execSelect());
            int cap = properties.maxResultRows();
            writer.writeRows(ResultSet.adapt(RowSetStream.create(rows.getResultVars(), ResultRows.capped(rows, cap,
                    () -> tooLarge("The answer has more than " + cap + " rows (innograph.sparql.max-result-rows): "
                            + "page through it with ORDER BY, LIMIT and OFFSET")))), body);
        } else if (query.isAskType()) {
            writer.writeAnswer(execution.execAsk(), body);
        } else if (query.isConstructType() || query.isDescribeType()) {
            long cap = properties.maxResultTriples();
            Supplier<RuntimeException> tooMany = () -> tooLarge("The answer has more than " + cap + " triples "
                    + "(innograph.sparql.max-result-triples): narrow the pattern or page through it with LIMIT and "
                    + "OFFSET; /sparql/data?graph=IRI streams whole graphs");
            Iterator<Triple> triples = query.isConstructType() ? execution.execConstructTriples()
                    : execution.execDescribeTriples();
            writer.writeTriples(ResultRows.capped(triples, cap, tooMany), query.getPrefixMapping(), cap, tooMany,
                    body);
        } else {
            throw SparqlProtocolException.badRequest("Unsupported query form: " + query.queryType());
        }
    }

    private static SparqlProtocolException tooLarge(String message) {
        return new SparqlProtocolException(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }
}
