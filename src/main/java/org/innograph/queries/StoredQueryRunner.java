package org.innograph.queries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.innograph.linkeddata.Labels;
import org.innograph.recommend.RankingStatisticsKeeper;
import org.innograph.sparql.SparqlProperties;
import org.innograph.store.GraphStore;
import org.springframework.stereotype.Service;

/** Runs stored queries on the store: parameters bound, one page at a time, within the time limit. */
@Service
class StoredQueryRunner {

    private final GraphStore store;
    private final SparqlProperties sparql;
    private final QueriesProperties properties;
    private final RankingStatisticsKeeper statistics;
    private final Labels labels;

    StoredQueryRunner(GraphStore store, SparqlProperties sparql, QueriesProperties properties,
            RankingStatisticsKeeper statistics, Labels labels) {
        this.store = store;
        this.sparql = sparql;
        this.properties = properties;
        this.statistics = statistics;
        this.labels = labels;
    }

    StoredAnswer run(StoredQuery stored, Map<String, String[]> request) {
        PageRequest page = PageRequest.from(stored, request, properties);
        Query query = QueryBinder.bind(stored, request);
        statistics.beforeQuery(query);
        if (query.isSelectType()) {
            return select(query, page);
        }
        if (query.isAskType()) {
            return new StoredAnswer.Answer(store.query(query, sparql.queryTimeout(), execution -> execution.execAsk()));
        }
        // Graph results are not paged; the row cap bounds the solutions they are built from.
        if (!query.hasLimit() || query.getLimit() > properties.maxRows()) {
            query.setLimit(properties.maxRows());
        }
        if (query.isConstructType()) {
            return new StoredAnswer.Graph(store.query(query, sparql.queryTimeout(), execution -> execution.execConstruct()));
        }
        return new StoredAnswer.Graph(store.query(query, sparql.queryTimeout(), execution -> execution.execDescribe()));
    }

    private StoredAnswer select(Query query, PageRequest page) {
        // The page is a window inside the query's own LIMIT/OFFSET, if it has them; one row more than the page
        // tells whether there is a next page without counting them all.
        long ownLimit = query.hasLimit() ? query.getLimit() : Long.MAX_VALUE;
        long ownOffset = query.hasOffset() ? query.getOffset() : 0;
        long remaining = ownLimit - page.offset();
        if (remaining <= 0) {
            query.setLimit(0);
        } else {
            query.setLimit(Math.min(page.perPage() + 1L, remaining));
        }
        query.setOffset(ownOffset + page.offset());
        List<Binding> rows = store.query(query, sparql.queryTimeout(), execution -> {
            List<Binding> fetched = new ArrayList<>();
            ResultSet results = execution.execSelect();
            while (results.hasNext()) {
                fetched.add(resolved(results.nextBinding()));
            }
            return fetched;
        });
        boolean hasNext = rows.size() > page.perPage();
        if (hasNext) {
            rows = rows.subList(0, page.perPage());
        }
        return new StoredAnswer.Table(Var.varList(query.getResultVars()), rows, page, hasNext);
    }

    // TDB2 bindings look their terms up lazily; outside the read transaction that lookup no longer works, so
    // every term is taken out while the transaction is open.
    private static Binding resolved(Binding row) {
        BindingBuilder copy = Binding.builder();
        row.forEach(copy::add);
        return copy.build();
    }

    /** A label for each IRI that has one, by the rule all pages follow ({@link Labels}), for showing rows to people. */
    Map<Node, String> labels(Collection<Node> iris) {
        Map<Node, String> labelled = new HashMap<>();
        labels.of(iris.stream().filter(Node::isURI).map(Node::getURI).toList())
                .forEach((iri, label) -> labelled.put(NodeFactory.createURI(iri), label));
        return labelled;
    }
}
