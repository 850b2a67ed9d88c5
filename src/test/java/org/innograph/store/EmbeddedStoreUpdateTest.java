package org.innograph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /**
     * {@code GRAPH ?g { … ?x <p>? ?g }} makes Jena name the inner {@code ?g} {@code *g0}; rows holding it that
     * spilled to disk could not be read back ("VARS requires a list of variables", a 500: fuzzer seed
     * 40809391776846 case 445). Here a store that holds 100 rows in memory and an update of 300 such rows.
     */
    @Test
    void anUpdateWhoseRowsSpillWithJenasOwnVariablesIsApplied() {
        try (EmbeddedStore small = smallStoreWithSelfNamedGraph()) {
            small.update(UpdateFactory.create("INSERT { GRAPH <" + OTHER + "> { ?s <https://example.org/copy> ?n } } "
                    + "WHERE { GRAPH ?g { ?s <https://example.org/n> ?n . ?x (<urn:x>)? ?g } }"), Duration.ofMinutes(1));
            assertThat(count(small, OTHER)).isEqualTo(300);

            // a ground template, whose WHERE uses a variable of any name, is applied once as well
            small.update(UpdateFactory.create("INSERT { GRAPH <" + OTHER + "> { <urn:a> <urn:b> <urn:c> } } "
                    + "WHERE { GRAPH ?g { ?matched <https://example.org/n> ?n . ?x (<urn:x>)? ?g } }"),
                    Duration.ofMinutes(1));
            assertThat(count(small, OTHER)).isEqualTo(301);

            small.update(UpdateFactory.create(
                    "DELETE WHERE { GRAPH ?g { ?s <https://example.org/n> ?n . ?g <urn:x> ?y } }"), Duration.ofMinutes(1));
            assertThat(count(small, GRAPH)).isZero();
            assertThat(count(small, OTHER)).isEqualTo(301);
        }
    }

    /** The same rows sorted and made distinct by a query: both spill, and every row comes back, in order. */
    @Test
    void aQueryWhoseRowsSpillWithJenasOwnVariablesAnswers() {
        try (EmbeddedStore small = smallStoreWithSelfNamedGraph()) {
            String where = "WHERE { GRAPH ?g { ?s <https://example.org/n> ?n . ?x (<urn:x>)? ?g } }";
            List<Integer> sorted = small.query(QueryFactory.create("SELECT ?n ?g " + where + " ORDER BY DESC(?n)"),
                    Duration.ofMinutes(1), (QueryExecution execution) -> {
                        List<Integer> values = new ArrayList<>();
                        execution.execSelect().forEachRemaining(row -> {
                            assertThat(row.getResource("g").getURI()).isEqualTo(GRAPH);
                            values.add(row.getLiteral("n").getInt());
                        });
                        return values;
                    });
            assertThat(sorted).hasSize(300).isSortedAccordingTo(Comparator.reverseOrder());
            long distinct = rowCount(small, "SELECT DISTINCT ?s ?g " + where);
            assertThat(distinct).isEqualTo(300);
            // with *, the rows DISTINCT spills hold Jena's own *g0 as well (a 500 without the renaming)
            assertThat(rowCount(small, "SELECT DISTINCT * " + where)).isEqualTo(300);
        }
    }

    private static long rowCount(EmbeddedStore store, String select) {
        return store.query(QueryFactory.create(select), Duration.ofMinutes(1), (QueryExecution execution) -> {
            long rows = 0;
            for (var results = execution.execSelect(); results.hasNext(); results.next()) {
                rows++;
            }
            return rows;
        });
    }

    /** 300 items and the graph's own IRI as a subject in it, in a store that holds 100 rows in memory. */
    private static EmbeddedStore smallStoreWithSelfNamedGraph() {
        EmbeddedStore small = new EmbeddedStore(TemporaryDirectories.removedAtExit("spill"),
                QuerySupervisor.unlimited(), 100);
        small.update(insertItems(GRAPH, 300), Duration.ZERO);
        small.update(UpdateFactory.create("INSERT DATA { GRAPH <" + GRAPH + "> { <" + GRAPH + "> <urn:x> <urn:y> } }"),
                Duration.ZERO);
        return small;
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
        return count(store, graph);
    }

    private static long count(EmbeddedStore store, String graph) {
        return store.query(QueryFactory.create("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }"),
                Duration.ZERO, (QueryExecution execution) -> execution.execSelect().next().getLiteral("n").getLong());
    }
}
