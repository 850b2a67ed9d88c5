package org.innograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.assertj.core.data.Offset;
import org.innograph.recommend.RankingOptions.Exclusion;
import org.innograph.store.EmbeddedStore;
import org.innograph.store.QuerySupervisor;
import org.innograph.store.QueryTooLargeException;
import org.innograph.vocabulary.SparqlFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored recommendation queries for regions, instruments, plans and similar practices answer on a TDB2 store
 * that holds more practices than it lets a query group (innograph.store.max-rows-in-memory): none of them groups per
 * practice, which is what refused them at 100K practices. Bound as the stored-query API binds them (VALUES blocks,
 * the first page's LIMIT), and still the API's ranking.
 */
class RecommendationQueriesBoundedGroupingTest {

    private static final int PAGE = 10;

    @TempDir
    Path directory;

    @Test
    void answerWithMorePracticesThanGroupsAllowed() {
        GeneratedGraph graph = GeneratedGraph.generate(17, 12, 40);
        RecommendationIndex index;
        try (RDFConnection connection = RDFConnection.connect(graph.dataset())) {
            index = RecommendationIndex.load(connection);
        }
        RankingStatistics.Content statistics = RankingStatistics.of(index);
        long kinds = statistics.model().listSubjectsWithProperty(RDF.type,
                statistics.model().createResource(RankingStatistics.NS + "Kind")).toList().size();
        // Room for a grouping per kind, not for one per practice.
        long bound = (kinds + index.practiceCount()) / 2;
        assertThat(kinds).as("kinds").isLessThan(bound);
        assertThat((long) index.practiceCount()).as("practices").isGreaterThan(bound);

        EmbeddedStore store = new EmbeddedStore(directory.resolve("tdb2"), QuerySupervisor.unlimited(), bound);
        try {
            store.write(connection -> {
                connection.load("https://w3id.org/innograph/graph/generated", graph.model);
                connection.put(RankingStatistics.GRAPH, statistics.model());
                return null;
            });
            // The bound bites: a grouping per practice is refused on this store.
            assertThatThrownBy(() -> run(store, QueryFactory.create("""
                    SELECT ?p (COUNT(*) AS ?n) { ?p <https://w3id.org/innograph/statistics#kind> ?k } GROUP BY ?p"""),
                    "p")).isInstanceOf(QueryTooLargeException.class);

            PracticeRanker ranker = new PracticeRanker(index);
            Targets targets = new Targets(index);
            String region = RecommendationIndex.NUTS_BASE + "AB21";
            String instrument = index.instruments.keySet().iterator().next();
            String plan = index.plans.keySet().iterator().next();
            String practice = index.practiceIri[index.practiceCount() / 2];
            RankingOptions options = RankingOptions.top(PAGE).excluding(Exclusion.COUNTRY);
            agree(ranker.rank(targets.region(region), options), run(store, bound("recommend-practices-for-region",
                    Map.of("region", SparqlFace.iri(region), "exclude", SparqlFace.text("country"))), "practice"));
            agree(ranker.rank(targets.instrument(instrument), RankingOptions.top(PAGE)), run(store,
                    bound("recommend-practices-for-instrument", Map.of("instrument", SparqlFace.iri(instrument))),
                    "practice"));
            agree(ranker.rank(targets.plan(plan), options), run(store, bound("recommend-practices-for-plan",
                    Map.of("plan", SparqlFace.iri(plan), "exclude", SparqlFace.text("country"))), "practice"));
            agree(ranker.rank(targets.practice(practice), RankingOptions.top(PAGE)), run(store,
                    bound("similar-practices", Map.of("source", SparqlFace.iri(practice))), "practice"));

            // Pages further down, as the stored-query API asks for them: the queries list practices score bucket by
            // score bucket, so a page that starts inside a bucket or spans several must still be the API's ranks,
            // with equal scores in IRI order (the API's tie-break), whatever the options.
            RankingOptions clustersOnly = new RankingOptions(Exclusion.REGION, true, 0, 4 * PAGE);
            Map<String, Node> regionOptions = Map.of("region", SparqlFace.iri(region), "exclude",
                    SparqlFace.text("region"), "requireClusters", SparqlFace.bool(true));
            List<Recommendation> deep = ranker.rank(targets.region(region), clustersOnly);
            for (int page = 0; page < 4; page++) {
                Query query = bound("recommend-practices-for-region", regionOptions);
                query.setOffset((long) page * PAGE);
                List<SparqlFace.Row> rows = run(store, query, "practice");
                inOrder(rows);
                agree(deep.subList(page * PAGE, (page + 1) * PAGE), rows);
            }
            List<Recommendation> planDeep = ranker.rank(targets.plan(plan), RankingOptions.top(3 * PAGE));
            Query secondPage = bound("recommend-practices-for-plan", Map.of("plan", SparqlFace.iri(plan)));
            secondPage.setOffset(2L * PAGE);
            List<SparqlFace.Row> planRows = run(store, secondPage, "practice");
            inOrder(planRows);
            agree(planDeep.subList(2 * PAGE, 3 * PAGE), planRows);
        } finally {
            store.close();
        }
    }

    /** The stored query with one VALUES block per parameter and the first page's LIMIT, as the API runs it. */
    private static Query bound(String name, Map<String, Node> parameters) {
        Map<Var, List<Node>> bindings = new LinkedHashMap<>();
        parameters.forEach((variable, value) -> bindings.put(Var.alloc(variable), List.of(value)));
        Query query = SparqlFiles.withValues(QueryFactory.create(SparqlFace.read(name)), bindings);
        query.setLimit(PAGE + 1);
        return query;
    }

    private static List<SparqlFace.Row> run(EmbeddedStore store, Query query, String subject) {
        return store.query(query, Duration.ofSeconds(60), execution -> {
            List<SparqlFace.Row> rows = new ArrayList<>();
            ResultSet results = execution.execSelect();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                rows.add(new SparqlFace.Row(row.getResource(subject).getURI(),
                        row.contains("score") ? row.getLiteral("score").getDouble() : 0));
            }
            return rows;
        });
    }

    /** Best first, and equal scores in IRI order, as the API breaks ties. */
    private static void inOrder(List<SparqlFace.Row> rows) {
        for (int i = 1; i < rows.size(); i++) {
            SparqlFace.Row before = rows.get(i - 1);
            SparqlFace.Row after = rows.get(i);
            assertThat(before.score()).as(rows.toString()).isGreaterThanOrEqualTo(after.score());
            if (before.score() == after.score()) {
                assertThat(before.iri()).as(rows.toString()).isLessThan(after.iri());
            }
        }
    }

    /** The first page has the API's scores rank by rank, and its practices wherever scores do not tie. */
    private static void agree(List<Recommendation> api, List<SparqlFace.Row> page) {
        String report = "api " + api.stream().map(r -> r.practice() + "=" + r.score()).toList() + "\nsparql " + page;
        assertThat(api).as(report).isNotEmpty();
        assertThat(page).as(report).hasSizeGreaterThanOrEqualTo(api.size());
        for (int i = 0; i < api.size(); i++) {
            double score = page.get(i).score();
            assertThat(api.get(i).score()).as(report).isCloseTo(score, Offset.offset(1e-9));
            String practice = api.get(i).practice();
            assertThat(page.stream().anyMatch(row -> row.iri().equals(practice) && Math.abs(row.score() - score) < 1e-9))
                    .as(report + "\nrank " + (i + 1)).isTrue();
        }
    }
}
