package org.innograph.linkeddata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.innograph.cache.GenerationSnapshot;
import org.innograph.ingest.GraphNames;
import org.innograph.recommend.RankingStatisticsKeeper;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/**
 * The read side the pages use: SELECT and CONSTRUCT with a time limit, results materialised. Values from
 * users reach a query only as RDF terms bound by {@link org.innograph.vocabulary.SparqlFiles}, never as text.
 */
@Component
public class GraphReader {

    private final GraphStore store;
    private final LinkedDataProperties properties;
    private final RankingStatisticsKeeper statistics;

    public GraphReader(GraphStore store, LinkedDataProperties properties, RankingStatisticsKeeper statistics) {
        this.store = store;
        this.properties = properties;
        this.statistics = statistics;
    }

    public GraphStore store() {
        return store;
    }

    /**
     * The pages drawn from stored queries that read the statistics (the home page's counts) read them current.
     * Under a page's time limit, or the snapshot limit while building a snapshot (the search index, the home page's
     * counts, the flows), which is read once per store version and shared by every page.
     */
    public List<QuerySolution> select(Query query) {
        statistics.beforeQuery(query);
        Duration limit = GenerationSnapshot.isBuilding() ? properties.snapshotQueryTimeout()
                : properties.queryTimeout();
        return store.query(query, limit, execution -> copy(execution.execSelect()));
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
        queries.forEach(statistics::beforeQuery);
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

    /**
     * How many triples each named graph holds, by graph name, without the load-state graph (InnoGraph's own
     * bookkeeping): what the dataset page and the VoID description list.
     */
    public Map<String, Long> triplesPerGraph() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (QuerySolution row : select(SparqlFiles.query("store/triples-per-graph.rq"))) {
            String graph = row.getResource("g").getURI();
            if (!graph.equals(GraphNames.LOAD_STATE)) {
                counts.put(graph, row.getLiteral("n").getLong());
            }
        }
        return counts;
    }

    public Model construct(Query query) {
        statistics.beforeQuery(query);
        return store.query(query, properties.queryTimeout(),
                execution -> ModelFactory.createDefaultModel().add(execution.execConstruct()));
    }
}
