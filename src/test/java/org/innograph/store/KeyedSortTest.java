package org.innograph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.update.UpdateFactory;
import org.innograph.testing.TemporaryDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * ORDER BY gives Jena's order to the row, whether the rows fit in memory or spill to disk: the oracle is Jena's
 * own comparator ({@link BindingComparator}) applied to the same rows read unsorted. The values are the kinds of
 * term a store holds side by side, including ones SPARQL cannot compare with each other (dates with and without
 * time zone, literals of unknown datatypes, blank nodes, triple terms) and keys that are unbound or in error.
 */
class KeyedSortTest {

    private static final String[] VALUES = {
        "1", "2", "-7", "1.5", "2.0", "3e2", "\"NaN\"^^<http://www.w3.org/2001/XMLSchema#double>",
        "\"INF\"^^<http://www.w3.org/2001/XMLSchema#double>", "\"a\"", "\"B\"", "\"a\"@en", "\"a\"@sl",
        "\"ž\"@sl", "\"Čakovec\"", "\"a\"@ar--rtl", "\"a\"@ar--ltr", "true", "false",
        "\"2020-01-01T00:00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
        "\"2020-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
        "\"2019-12-31\"^^<http://www.w3.org/2001/XMLSchema#date>", "\"x\"^^<https://example.org/own-type>",
        "<https://example.org/a>", "<https://example.org/b>", "<urn:x:1>", "_:b1", "_:b2",
        "<<( <https://example.org/a> <https://example.org/p> 1 )>>",
    };

    private static final String[] ORDERS = {
        "?v", "DESC(?v)", "?v ?s", "DESC(?v) DESC(?s)", "(?v + 1) ?s", "STR(?v)", "LANG(?v) DESC(?v)",
        "?group ?v", "DESC(?group) ?s", "?missing ?v", "?group", "DESC(?group)",
    };

    @ParameterizedTest(name = "rows in memory: {0}")
    @ValueSource(longs = {50, 1_000_000})
    void orderByGivesJenasOrderToTheRow(long rowsInMemory) {
        try (EmbeddedStore store = new EmbeddedStore(TemporaryDirectories.removedAtExit("sort"),
                QuerySupervisor.unlimited(), rowsInMemory)) {
            store.update(UpdateFactory.create(items(400)), Duration.ZERO);
            String items = "?s <https://example.org/group> ?group OPTIONAL { ?s <https://example.org/v> ?v }";
            // rows of ?group and ?v alone tie on every key and may differ only in whether ?v is bound, named after
            // ?group or before it
            for (String where : List.of(" WHERE { " + items + " }",
                    " WHERE { { SELECT ?group ?v WHERE { " + items + " } } }",
                    " WHERE { { SELECT (?v AS ?a) ?group WHERE { " + items + " } } }")) {
                for (String order : ORDERS) {
                    Query sorted = QueryFactory.create("SELECT *" + where + " ORDER BY " + order);
                    List<Binding> expected = rows(store, QueryFactory.create("SELECT *" + where));
                    sortQuietly(expected, new BindingComparator(sorted.getOrderBy()));
                    assertThat(rows(store, sorted)).as(where + " ORDER BY " + order).hasSize(400)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /**
     * Keys of some 20 KB each, computed in the ORDER BY and so not part of the rows: 2,000 of them are more text
     * than a sort holds in memory (32 MB), so the sort spills although the rows are far fewer than the threshold,
     * and the order is still Jena's.
     */
    @Test
    void longComputedKeysSpillAndKeepJenasOrder() {
        try (EmbeddedStore store = new EmbeddedStore(TemporaryDirectories.removedAtExit("sort"),
                QuerySupervisor.unlimited(), 1_000_000)) {
            store.update(UpdateFactory.create(items(2_000)), Duration.ZERO);
            String where = " WHERE { ?s <https://example.org/group> ?group OPTIONAL { ?s <https://example.org/v> ?v } }";
            String longKey = "CONCAT(STR(?group), " + String.join(", ", Collections.nCopies(600, "STR(?s)")) + ")";
            Query sorted = QueryFactory.create("SELECT ?s ?group ?v" + where + " ORDER BY DESC(" + longKey + ") ?v");
            // the oracle reads each key once, as ?key: Jena's comparator would build 20 KB per comparison
            Query keyed = QueryFactory.create("SELECT * WHERE { " + where.substring(" WHERE { ".length(),
                    where.length() - 1) + " BIND(" + longKey + " AS ?key) }");
            List<Binding> expected = rows(store, keyed);
            sortQuietly(expected, new BindingComparator(QueryFactory.create("SELECT * { } ORDER BY DESC(?key) ?v")
                    .getOrderBy()));
            assertThat(rows(store, sorted)).hasSize(2_000).isEqualTo(expected.stream()
                    .map(KeyedSortTest::withoutKey).toList());
        }
    }

    private static Binding withoutKey(Binding row) {
        BindingBuilder kept = Binding.builder();
        row.forEach((var, term) -> {
            if (!var.getVarName().equals("key")) {
                kept.add(var, term);
            }
        });
        return kept.build();
    }

    /** Jena's comparator logs every key in error, each time it compares it: thousands of lines here. */
    private static void sortQuietly(List<Binding> rows, BindingComparator comparator) {
        Logger logger = (Logger) LoggerFactory.getLogger(BindingComparator.class);
        Level level = logger.getLevel();
        logger.setLevel(Level.ERROR);
        try {
            rows.sort(comparator);
        } finally {
            logger.setLevel(level);
        }
    }

    /**
     * Items in a named graph (queries read the union of the named graphs) with values drawn from {@link #VALUES}
     * (repeats, so that keys tie), every seventh without one.
     */
    private static String items(int count) {
        SplittableRandom random = new SplittableRandom(20261207);
        StringBuilder data = new StringBuilder("INSERT DATA { GRAPH <https://example.org/graph/items> {\n");
        for (int i = 0; i < count; i++) {
            String item = "<https://example.org/item/" + random.nextInt(1_000_000) + "-" + i + ">";
            data.append(item).append(" <https://example.org/group> ").append(random.nextInt(3)).append(" .\n");
            if (i % 7 != 0) {
                data.append(item).append(" <https://example.org/v> ").append(VALUES[random.nextInt(VALUES.length)])
                        .append(" .\n");
            }
        }
        return data.append("} }").toString();
    }

    private static List<Binding> rows(EmbeddedStore store, Query query) {
        return store.query(query, Duration.ofMinutes(1), (QueryExecution execution) -> {
            List<Binding> rows = new ArrayList<>();
            for (var results = execution.execSelect(); results.hasNext(); ) {
                rows.add(Binding.builder().addAll(results.nextBinding()).build()); // read while in the transaction
            }
            return rows;
        });
    }
}
