package org.innograph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.innograph.testing.TemporaryDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPARQL updates on the embedded store as a client sends them: sizes around the point where an update's rows
 * spill to disk ({@code innograph.store.max-rows-in-memory}), and time limits.
 */
class EmbeddedStoreUpdateTest {

    private static final String GRAPH = "https://example.org/graph/bulk";
    private static final String OTHER = "https://example.org/graph/other";

    private EmbeddedStore store;

    @BeforeEach
    void fill() {
        store = new EmbeddedStore(TemporaryDirectories.removedAtExit("update"));
        store.update(insertItems(GRAPH, 60_000), Duration.ZERO);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * Jena's bag for an update's rows failed (IndexOutOfBoundsException, a 500) when their number was exactly
     * the spill threshold: an INSERT of 50,000 rows, or deleting a graph of 50,000 triples, did nothing.
     */
    @Test
    void anUpdateOfExactlyTheRowsHeldInMemoryIsApplied() {
        long rows = EmbeddedStore.MAX_ROWS_IN_MEMORY;
        store.update(insertItems(OTHER, rows), Duration.ofMinutes(1));
        assertThat(count(OTHER)).isEqualTo(rows);
        store.update(UpdateFactory.create("DELETE WHERE { GRAPH <" + OTHER + "> { ?s ?p ?o } }"), Duration.ofMinutes(1));
        assertThat(count(OTHER)).isZero();
        assertThat(count(GRAPH)).isEqualTo(60_000);
    }

    /**
     * Zero is no time limit, as for queries. Jena reads a zero timeout as zero milliseconds, so an update given
     * {@code Duration.ZERO} was cancelled as soon as Jena's timer fired, part-way through a large DELETE WHERE.
     */
    @Test
    void zeroMeansNoTimeLimit() {
        store.update(UpdateFactory.create("DELETE WHERE { GRAPH <" + GRAPH + "> { ?s ?p ?o } }"), Duration.ZERO);
        assertThat(count(GRAPH)).isZero();
    }

    @Test
    void aTimeLimitStillStopsAnUpdateAndNothingIsWritten() {
        long before = store.generation();
        assertThatThrownBy(() -> store.update(UpdateFactory.create("DELETE { GRAPH <" + GRAPH + "> { ?s ?p ?o } } "
                + "WHERE { GRAPH <" + GRAPH + "> { ?s ?p ?o . ?x ?q ?y } }"), Duration.ofMillis(50)))
                .isInstanceOf(RuntimeException.class);
        assertThat(count(GRAPH)).isEqualTo(60_000);
        assertThat(store.generation()).isEqualTo(before);
    }

    /** An INSERT whose WHERE gives {@code rows} rows, each a new triple. */
    private static UpdateRequest insertItems(String graph, long rows) {
        return UpdateFactory.create("INSERT { GRAPH <" + graph + "> { ?s <https://example.org/n> ?n } } WHERE { "
                + "VALUES ?a { 0 1 2 3 4 5 6 7 8 9 } VALUES ?b { 0 1 2 3 4 5 6 7 8 9 } "
                + "VALUES ?c { 0 1 2 3 4 5 6 7 8 9 } VALUES ?d { 0 1 2 3 4 5 6 7 8 9 } "
                + "VALUES ?e { 0 1 2 3 4 5 6 7 8 9 } "
                + "BIND(?a + 10 * ?b + 100 * ?c + 1000 * ?d + 10000 * ?e AS ?n) FILTER(?n < " + rows + ") "
                + "BIND(IRI(CONCAT('https://example.org/item/', STR(?n))) AS ?s) }");
    }

    private long count(String graph) {
        return store.query(QueryFactory.create("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }"),
                Duration.ZERO, (QueryExecution execution) -> execution.execSelect().next().getLiteral("n").getLong());
    }
}
