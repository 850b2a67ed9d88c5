package org.innograph.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.store.GraphStore;
import org.innograph.store.StoreMode;
import org.innograph.vocabulary.SparqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps the statistics graph ({@link RankingStatistics}) in step with the data. It is brought up to date after every
 * write through InnoGraph, before the write is acknowledged ({@link GenerationSnapshots#keepDerivedData}), and
 * again before any query that mentions the statistics runs (the stored queries that read them, the pages drawn from
 * those, or a researcher's own ranking on /sparql) whenever the store has been written since, by another instance
 * or directly — so a write is never followed by a ranking or a count on old figures.
 * Nothing is written when the store already holds the same statistics (same content hash), which is what happens at
 * start-up on an unchanged store and on a remote store that another instance has already brought up to date.
 *
 * <p>Its own write moves the store's generation too; that step is remembered as its own, so it neither triggers
 * another round nor makes the recommendation index be built again. On a remote store, which other clients may
 * write to directly, the check is also repeated once {@code innograph.recommend.max-age} has passed.
 */
@Service
@Order(Ordered.LOWEST_PRECEDENCE)
public class RankingStatisticsKeeper implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RankingStatisticsKeeper.class);

    private final GraphStore store;
    private final RecommendationService recommendations;
    private final Duration maxAge;
    /** The store generation at which the statistics were last known to be current; -1 for never. */
    private long currentAt = -1;
    private Instant checkedAt = Instant.EPOCH;

    public RankingStatisticsKeeper(GraphStore store, RecommendationService recommendations,
            RecommendProperties properties, GenerationSnapshots snapshots) {
        this.store = store;
        this.recommendations = recommendations;
        this.maxAge = properties.maxAge();
        snapshots.keepDerivedData(this::bringUpToDate);
    }

    /**
     * At start-up, once the shipped data is loaded, and before the application is ready: written later, by the
     * first reader or while a page's snapshot is built, they would move the store's version under readers.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            bringUpToDate();
        } catch (RuntimeException e) {
            // e.g. a remote store that comes up after us: the first query that reads them brings them up to date
            log.error("Ranking statistics not brought up to date at start-up: {}", e.getMessage());
        }
    }

    /** Whether a query reads the statistics: it names their namespace or their graph. */
    public static boolean mentions(Query query) {
        String text = query.toString();
        return text.contains(RankingStatistics.NS) || text.contains(RankingStatistics.GRAPH);
    }

    /** Brings the statistics up to date first if the query reads them. */
    public void beforeQuery(Query query) {
        if (mentions(query)) {
            bringUpToDate();
        }
    }

    /** Makes the statistics graph match the data as it is now; cheap when nothing was written since last time. */
    public synchronized void bringUpToDate() {
        long generation = store.generation();
        boolean expired = store.mode() == StoreMode.REMOTE && checkedAt.plus(maxAge).isBefore(Instant.now());
        if (generation == currentAt && !expired) {
            return;
        }
        long started = System.nanoTime();
        RecommendationIndex index = recommendations.index();
        RankingStatistics.Content content = RankingStatistics.of(index);
        checkedAt = Instant.now();
        if (content.hash().equals(storedHash())) {
            currentAt = generation;
            return;
        }
        long before = store.generation();
        store.write(connection -> {
            connection.put(RankingStatistics.GRAPH, content.model());
            return null;
        });
        long after = store.generation();
        // Only when nobody else wrote in between is the new generation ours alone, and the statistics current at it.
        if (before == generation && after == before + 1) {
            currentAt = after;
            recommendations.unchangedBy(before, after);
        } else {
            currentAt = -1;
        }
        log.info("Ranking statistics written to {}: {} triples for {} practices in {} ms", RankingStatistics.GRAPH,
                content.model().size(), index.practiceCount(), (System.nanoTime() - started) / 1_000_000);
    }

    private String storedHash() {
        Query query = SparqlFiles.query("recommend/ranking-statistics-hash.rq", Map.of(
                "g", NodeFactory.createURI(RankingStatistics.GRAPH), "contentHash", RankingStatistics.CONTENT_HASH));
        return store.read(connection -> {
            try (QueryExecution execution = connection.query(query)) {
                ResultSet rows = execution.execSelect();
                if (!rows.hasNext()) {
                    return null;
                }
                QuerySolution row = rows.next();
                return row.get("hash").isLiteral() ? row.getLiteral("hash").getLexicalForm() : null;
            }
        });
    }
}
