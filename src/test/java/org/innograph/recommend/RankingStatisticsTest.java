package org.innograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.update.UpdateFactory;
import org.innograph.ShippedGraph;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics graph as researchers and the stored queries read it: kept in step with writes on a real TDB2
 * store without writing itself in a loop, and the researcher-written ranking of docs/recommendations.md runs on it.
 */
class RankingStatisticsTest {

    private static final String PREFIXES = """
            PREFIX ig:  <https://w3id.org/innograph/ontology#>
            PREFIX igs: <https://w3id.org/innograph/statistics#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX theme: <https://w3id.org/innograph/theme/>
            """;

    @TempDir
    Path directory;

    @Test
    void followsEveryWriteAndDoesNotTriggerItself() {
        EmbeddedStore store = new EmbeddedStore(directory.resolve("tdb2"));
        try {
            GenerationSnapshots snapshots = new GenerationSnapshots(store, Duration.ofSeconds(60));
            RankingStatisticsKeeper keeper = new RankingStatisticsKeeper(store,
                    new RecommendationService(store, new RecommendProperties(10, 100, Duration.ofSeconds(60)),
                            snapshots),
                    new RecommendProperties(10, 100, Duration.ofSeconds(60)), snapshots);
            update(store, """
                    INSERT DATA { GRAPH <https://w3id.org/innograph/graph/notes> {
                      <https://w3id.org/innograph/id/practice/a> a ig:GoodPractice ; dct:subject theme:smes .
                      <https://w3id.org/innograph/id/practice/b> a ig:GoodPractice ; dct:subject theme:smes , theme:skills .
                    } }""");
            keeper.bringUpToDate();
            assertThat(number(store, "SELECT ?n { <https://w3id.org/innograph/graph/statistics> igs:practiceCount ?n }"))
                    .isEqualTo(2);
            assertThat(number(store, "SELECT ?n { theme:smes igs:practiceCount ?n }")).isEqualTo(2);
            long settled = store.generation();
            keeper.bringUpToDate();
            keeper.bringUpToDate();
            assertThat(store.generation()).as("no write when nothing changed").isEqualTo(settled);

            update(store, """
                    INSERT DATA { GRAPH <https://w3id.org/innograph/graph/notes> {
                      <https://w3id.org/innograph/id/practice/c> a ig:GoodPractice ; dct:subject theme:skills .
                    } }""");
            // A statistics query through the keeper sees the write; other queries leave the store alone.
            keeper.beforeQuery(QueryFactory.create(PREFIXES + "SELECT ?n { theme:skills igs:practiceCount ?n }"));
            assertThat(number(store, "SELECT ?n { theme:skills igs:practiceCount ?n }")).isEqualTo(2);
            assertThat(number(store, "SELECT ?n { <https://w3id.org/innograph/graph/statistics> igs:practiceCount ?n }"))
                    .isEqualTo(3);
            long after = store.generation();
            keeper.beforeQuery(QueryFactory.create(PREFIXES + "SELECT ?p { ?p a ig:GoodPractice }"));
            keeper.beforeQuery(QueryFactory.create(PREFIXES + "SELECT ?n { theme:skills igs:practiceCount ?n }"));
            assertThat(store.generation()).isEqualTo(after);

            // A write acknowledged as the service acknowledges it: the statistics are current before anyone reads.
            update(store, """
                    DELETE DATA { GRAPH <https://w3id.org/innograph/graph/notes> {
                      <https://w3id.org/innograph/id/practice/c> a ig:GoodPractice ; dct:subject theme:skills .
                    } }""");
            snapshots.awaitCurrent();
            assertThat(number(store, "SELECT ?n { <https://w3id.org/innograph/graph/statistics> igs:practiceCount ?n }"))
                    .isEqualTo(2);
            long acknowledged = store.generation();
            keeper.beforeQuery(QueryFactory.create(PREFIXES + "SELECT ?n { theme:skills igs:practiceCount ?n }"));
            assertThat(store.generation()).as("a read after the acknowledgement writes nothing").isEqualTo(acknowledged);
        } finally {
            store.close();
        }
    }

    @Test
    void theResearcherRankingOfTheDocsRunsOnTheShippedData() throws IOException {
        Dataset dataset = shippedDataWithStatistics();
        String docs = Files.readString(Path.of("docs/recommendations.md"));
        int from = docs.indexOf("```sparql", docs.indexOf("A ranking of your own"));
        String query = docs.substring(docs.indexOf('\n', from) + 1, docs.indexOf("```", from + 9));

        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
            execution.execSelect().forEachRemaining(rows::add);
        }
        assertThat(rows).as("practices sharing a rare theme of SE31's practices").isNotEmpty().hasSizeLessThanOrEqualTo(20);
        double previous = Double.MAX_VALUE;
        for (QuerySolution row : rows) {
            double shared = row.getLiteral("rareThemesShared").getDouble();
            assertThat(shared).as("every theme counted has idf > 2").isGreaterThan(2.0 * row.getLiteral("themesShared").getInt() - 1e-9);
            assertThat(shared).as("best first").isLessThanOrEqualTo(previous);
            previous = shared;
            assertThat(row.getResource("practice").getURI()).startsWith("https://w3id.org/innograph/id/practice/");
        }
    }

    @Test
    void situationsCountTheirThemesAndSpellOutTheirContext() {
        Dataset dataset = shippedDataWithStatistics();
        // Every practice has one situation, so a theme's counts over all situations add up to its df.
        String perTheme = PREFIXES + """
                SELECT ?q ?df (SUM(?count) AS ?counted) WHERE {
                  ?q igs:practiceCount ?df ; igs:idf ?idf .
                  OPTIONAL { ?tc igs:countedTheme ?q ; igs:count ?count . ?s igs:themeCount ?tc }
                } GROUP BY ?q ?df""";
        List<QuerySolution> themes = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(perTheme).build()) {
            execution.execSelect().forEachRemaining(themes::add);
        }
        assertThat(themes).as("themes").hasSizeGreaterThan(10);
        for (QuerySolution theme : themes) {
            long df = theme.getLiteral("df").getLong();
            long counted = theme.contains("counted") ? theme.getLiteral("counted").getLong() : 0;
            assertThat(counted).as("counted over situations: " + theme.getResource("q")).isEqualTo(df);
        }
        // The context string names the situation's countries and its places' NUTS levels, as the data states them.
        String contexts = PREFIXES + """
                SELECT ?context ?country ?level WHERE {
                  ?s igs:context ?context ; igs:country ?country ; igs:place ?place .
                  ?place ig:nutsLevel ?level .
                }""";
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(contexts).build()) {
            execution.execSelect().forEachRemaining(rows::add);
        }
        assertThat(rows).as("situations with a country and a NUTS place").isNotEmpty();
        for (QuerySolution row : rows) {
            String context = row.getLiteral("context").getString();
            assertThat(context).startsWith(" ").endsWith(" ")
                    .contains(" country:" + row.getResource("country").getURI() + " ")
                    .contains(" level:" + row.getLiteral("level").getLexicalForm() + " ");
        }
    }

    /** The shipped data with their ranking statistics, in one in-memory dataset. */
    private static Dataset shippedDataWithStatistics() {
        Dataset data = ShippedGraph.dataset();
        RecommendationIndex index;
        try (RDFConnection connection = RDFConnection.connect(data)) {
            index = RecommendationIndex.load(connection);
        }
        Dataset dataset = DatasetFactory.createGeneral();
        dataset.getDefaultModel().add(data.getDefaultModel()).add(RankingStatistics.of(index).model());
        return dataset;
    }

    private static void update(EmbeddedStore store, String update) {
        store.update(UpdateFactory.create(PREFIXES + update), Duration.ofSeconds(30));
    }

    private static long number(EmbeddedStore store, String select) {
        return store.read(connection -> {
            try (QueryExecution execution = connection.query(PREFIXES + select)) {
                return execution.execSelect().next().getLiteral("n").getLong();
            }
        });
    }
}
