package org.innograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.innograph.ShippedGraph;
import org.innograph.recommend.RankingOptions.Exclusion;
import org.junit.jupiter.api.Test;

/**
 * The two faces of the recommendations give the same top 10 with scores equal within 1e-9: the stored SPARQL
 * queries (bound the way the stored-query API binds them) and the in-memory index behind /api/recommendations.
 * Each target is tried with one of three option sets, in turn.
 */
class RecommendationFacesAgreeTest {

    private static final int K = 10;
    private static final double EPSILON = 1e-9;
    private static final RankingOptions[] OPTIONS = {
        RankingOptions.top(K),
        RankingOptions.top(K).excluding(Exclusion.COUNTRY),
        new RankingOptions(Exclusion.REGION, true, 0, K)};

    @Test
    void onTheShippedData() {
        Faces faces = new Faces(ShippedGraph.dataset());
        List<String> regions = new ArrayList<>(faces.practicePlaces());
        regions.addAll(List.of(RecommendationIndex.NUTS_BASE + "SE31", RecommendationIndex.NUTS_BASE + "SK0",
                RecommendationIndex.NUTS_BASE + "FR10"));
        int compared = faces.compareAll(regions, 1, 2);
        assertThat(compared).as("rankings compared").isGreaterThan(90);
        assertThat(faces.nonEmpty).as("rankings with results").isGreaterThan(70);
    }

    @Test
    void onGeneratedData() {
        GeneratedGraph graph = GeneratedGraph.generate(11, 3, 6);
        Faces faces = new Faces(graph.dataset());
        int compared = faces.compareAll(new ArrayList<>(faces.practicePlaces()), 3, 6);
        assertThat(compared).as("rankings compared").isGreaterThan(40);
        assertThat(faces.nonEmpty).as("rankings with results").isGreaterThan(35);
    }

    private static final class Faces {
        final SparqlFace sparql;
        final RecommendationIndex index;
        final PracticeRanker ranker;
        final Targets targets;
        int nonEmpty;

        Faces(Dataset data) {
            try (RDFConnection connection = RDFConnection.connect(data)) {
                index = RecommendationIndex.load(connection);
            }
            // The stored queries rank on the statistics, which the service writes from this same index; a copy of
            // the data gets them (in its default graph, which is what these queries read), the shared one stays.
            Dataset dataset = DatasetFactory.createGeneral();
            dataset.getDefaultModel().add(data.getDefaultModel()).add(RankingStatistics.of(index).model());
            sparql = new SparqlFace(dataset);
            ranker = new PracticeRanker(index);
            targets = new Targets(index);
        }

        List<String> practicePlaces() {
            TreeSet<String> places = new TreeSet<>();
            for (int place : index.practicePlaceList) {
                if (index.regions.containsKey(index.placeIri[place])) {
                    places.add(index.placeIri[place]);
                }
            }
            return new ArrayList<>(places);
        }

        /**
         * Compares every kind of target; {@code stride} thins out the regions, instruments and plans tried, and
         * {@code every} the practices and themes (the SPARQL face takes a while on the larger graph).
         */
        int compareAll(List<String> regions, int stride, int every) {
            int compared = 0;
            int turn = 0;
            for (String region : thin(regions, stride)) {
                RankingOptions options = OPTIONS[turn++ % OPTIONS.length];
                compare("region " + region + " " + options, ranker.rank(targets.region(region), options),
                        sparql.rank("recommend-practices-for-region", "practice", Map.of("region",
                                List.of(SparqlFace.iri(region)), "exclude", exclude(options), "requireClusters",
                                List.of(SparqlFace.bool(options.requireClusters())))), Recommendation::practice,
                        Recommendation::score);
                compare("peers of " + region, new PeerRanker(index).rank(index.place(region), K),
                        sparql.rank("peer-regions", "peer", Map.of("region", List.of(SparqlFace.iri(region)))),
                        PeerRegion::region, PeerRegion::score);
                compared += 2;
            }
            for (String instrument : thin(new ArrayList<>(index.instruments.keySet()), stride)) {
                RankingOptions options = OPTIONS[turn++ % OPTIONS.length];
                compare("instrument " + instrument + " " + options,
                        ranker.rank(targets.instrument(instrument), options),
                        sparql.rank("recommend-practices-for-instrument", "practice", Map.of("instrument",
                                List.of(SparqlFace.iri(instrument)), "exclude", exclude(options), "requireClusters",
                                List.of(SparqlFace.bool(options.requireClusters())))), Recommendation::practice,
                        Recommendation::score);
                compared++;
            }
            for (String plan : thin(new ArrayList<>(index.plans.keySet()), stride)) {
                RankingOptions options = OPTIONS[turn++ % OPTIONS.length];
                compare("plan " + plan + " " + options, ranker.rank(targets.plan(plan), options),
                        sparql.rank("recommend-practices-for-plan", "practice", Map.of("plan",
                                List.of(SparqlFace.iri(plan)), "exclude", exclude(options), "requireClusters",
                                List.of(SparqlFace.bool(options.requireClusters())))), Recommendation::practice,
                        Recommendation::score);
                compared++;
            }
            for (int p = 0; p < index.practiceCount(); p += every) {
                RankingOptions options = OPTIONS[turn++ % OPTIONS.length];
                String practice = index.practiceIri[p];
                compare("similar to " + practice + " " + options, ranker.rank(targets.practice(practice), options),
                        sparql.rank("similar-practices", "practice", Map.of("source",
                                List.of(SparqlFace.iri(practice)), "exclude", exclude(options), "requireClusters",
                                List.of(SparqlFace.bool(options.requireClusters())))), Recommendation::practice,
                        Recommendation::score);
                compared++;
            }
            List<String> themes = new ArrayList<>();
            for (int t = 0; t < index.themeIri.length; t++) {
                if (index.theme(index.themeIri[t]) != null) {
                    themes.add(index.themeIri[t]);
                }
            }
            for (int i = 0; i < themes.size(); i += Math.max(1, every / 2)) {
                List<String> wanted = i % 2 == 0 ? List.of(themes.get(i))
                        : List.of(themes.get(i), themes.get((i * 7 + 3) % themes.size()));
                boolean clustersOnly = i % 3 == 0;
                compare("themes " + wanted, ranker.rank(targets.themes(wanted),
                        new RankingOptions(Exclusion.NONE, clustersOnly, 0, K)),
                        sparql.rank("recommend-practices-for-themes", "practice", Map.of("theme",
                                wanted.stream().distinct().map(SparqlFace::iri).toList(), "requireClusters",
                                List.of(SparqlFace.bool(clustersOnly)))),
                        Recommendation::practice, Recommendation::score);
                compared++;
            }
            return compared;
        }

        private static List<String> thin(List<String> all, int stride) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < all.size(); i += stride) {
                kept.add(all.get(i));
            }
            return kept;
        }

        private static List<Node> exclude(RankingOptions options) {
            return List.of(SparqlFace.text(options.exclude().name().toLowerCase()));
        }

        /** Same length, scores equal within EPSILON rank by rank, and the same item wherever scores do not tie. */
        private <T> void compare(String what, List<T> api, List<SparqlFace.Row> sparqlRanking,
                Function<T, String> iri, Function<T, Double> score) {
            String report = what + "\n api: " + api.stream().map(r -> iri.apply(r) + "=" + score.apply(r)).toList()
                    + "\n sparql: " + sparqlRanking.subList(0, Math.min(K + 2, sparqlRanking.size()));
            assertThat(api).as(report).hasSize(Math.min(K, sparqlRanking.size()));
            for (int i = 0; i < api.size(); i++) {
                double expected = sparqlRanking.get(i).score();
                assertThat(score.apply(api.get(i))).as(report).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(EPSILON));
                String item = iri.apply(api.get(i));
                boolean tie = sparqlRanking.stream().anyMatch(row -> row.iri().equals(item)
                        && Math.abs(row.score() - expected) < EPSILON);
                assertThat(tie).as(report + "\n rank " + (i + 1) + " " + item).isTrue();
            }
            if (!api.isEmpty()) {
                nonEmpty++;
            }
        }
    }
}
