package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.innograph.store.GraphStore;
import org.springframework.stereotype.Component;

/**
 * The read side the pages use: SELECT and CONSTRUCT with a time limit, results materialised. Values from
 * users reach a query only through {@link ParameterizedSparqlString} or a VALUES block, never as text.
 */
@Component
public class GraphReader {

    private final GraphStore store;
    private final LinkedDataProperties properties;

    public GraphReader(GraphStore store, LinkedDataProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public GraphStore store() {
        return store;
    }

    public List<QuerySolution> select(Query query) {
        return store.query(query, properties.queryTimeout(), execution -> copy(execution.execSelect()));
    }

    /** Copied while the read transaction is open: TDB2 solutions resolve their nodes lazily. */
    private static List<QuerySolution> copy(ResultSet results) {
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(row -> {
            QuerySolutionMap copy = new QuerySolutionMap();
            row.varNames().forEachRemaining(name -> copy.add(name, row.get(name)));
            rows.add(copy);
        });
        return rows;
    }

    /**
     * Many small lookups in one go: on the embedded store one read transaction instead of one per query. For
     * bounded queries only (no time limit is set on each).
     */
    public List<List<QuerySolution>> selectEach(List<Query> queries) {
        return store.read(connection -> {
            List<List<QuerySolution>> answers = new ArrayList<>();
            for (Query query : queries) {
                try (QueryExecution execution = connection.query(query)) {
                    answers.add(copy(execution.execSelect()));
                }
            }
            return answers;
        });
    }

    public List<QuerySolution> select(ParameterizedSparqlString query) {
        return select(query.asQuery());
    }

    public Model construct(Query query) {
        return store.query(query, properties.queryTimeout(),
                execution -> ModelFactory.createDefaultModel().add(execution.execConstruct()));
    }

    /**
     * The query with {@code VALUES ?variable { … }} listing the IRIs, placed first in its WHERE clause so that
     * the store looks the listed resources up instead of scanning for the pattern and joining afterwards.
     */
    public static Query withValues(String queryText, String variable, Collection<String> iris) {
        Query query = QueryFactory.create(queryText);
        Var var = Var.alloc(variable);
        ElementData data = new ElementData();
        data.add(var);
        for (String iri : iris) {
            data.add(BindingFactory.binding(var, NodeFactory.createURI(iri)));
        }
        ElementGroup where = new ElementGroup();
        where.addElement(data);
        Element pattern = query.getQueryPattern();
        if (pattern instanceof ElementGroup group) {
            group.getElements().forEach(where::addElement);
        } else {
            where.addElement(pattern);
        }
        query.setQueryPattern(where);
        return query;
    }
}
