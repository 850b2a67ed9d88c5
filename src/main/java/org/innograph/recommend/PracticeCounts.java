package org.innograph.recommend;

import static org.innograph.recommend.RankingStatistics.integer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The practice counts of the statistics graph, which the counting stored queries read instead of counting every
 * practice per request (practice-counts-per-country, practice-counts-per-theme, practices-per-area unfiltered,
 * headline-counts). Each count is what the stored query's former formulation counted, over the same practices
 * (resources typed ig:GoodPractice) and following skos:broader* over every link of the store:
 *
 * <ul>
 *   <li>per country of a practice: {@code igs:practicesInCountry}; on the graph node
 *       {@code igs:practicesWithoutCountry} (0 included);</li>
 *   <li>per resource typed ig:Theme: {@code igs:practicesDirect} (carrying it as such) and
 *       {@code igs:practicesWithNarrower} (carrying it or a theme below it), zeros included;</li>
 *   <li>per resource at or above a practice's dct:spatial: {@code igs:practicesAtOrBelow} and
 *       {@code igs:practicesLocatedHere} (0 included).</li>
 * </ul>
 * Each practice counts once per node, however many of its themes, countries or places lead there.
 */
final class PracticeCounts {

    private static final Node IN_COUNTRY = RankingStatistics.property("practicesInCountry");
    private static final Node WITHOUT_COUNTRY = RankingStatistics.property("practicesWithoutCountry");
    private static final Node DIRECT = RankingStatistics.property("practicesDirect");
    private static final Node WITH_NARROWER = RankingStatistics.property("practicesWithNarrower");
    private static final Node AT_OR_BELOW = RankingStatistics.property("practicesAtOrBelow");
    private static final Node LOCATED_HERE = RankingStatistics.property("practicesLocatedHere");

    private PracticeCounts() {
    }

    /** Adds the counts of this index to the statistics graph. */
    static void addTo(RecommendationIndex index, Graph graph) {
        countries(index, graph);
        themes(index, graph);
        areas(index, graph);
    }

    private static void countries(RecommendationIndex index, Graph graph) {
        int[] counts = new int[index.countryIri.length];
        int without = 0;
        for (int[] countries : index.practiceCountries) {
            for (int country : countries) {
                counts[country]++;
            }
            if (countries.length == 0) {
                without++;
            }
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                graph.add(Triple.create(NodeFactory.createURI(index.countryIri[c]), IN_COUNTRY, integer(counts[c])));
            }
        }
        graph.add(Triple.create(NodeFactory.createURI(RankingStatistics.GRAPH), WITHOUT_COUNTRY, integer(without)));
    }

    private static void themes(RecommendationIndex index, Graph graph) {
        Ancestors ancestors = new Ancestors(index.broaderLinks);
        Map<String, Integer> direct = new HashMap<>();
        Map<String, Integer> withNarrower = new HashMap<>();
        for (int[] themes : index.practiceThemes) {
            Set<String> above = new LinkedHashSet<>();
            for (int t : themes) {
                direct.merge(index.themeIri[t], 1, Integer::sum);
                above.addAll(ancestors.of(index.themeIri[t]));
            }
            above.forEach(theme -> withNarrower.merge(theme, 1, Integer::sum));
        }
        for (String theme : index.typedThemes) {
            Node node = NodeFactory.createURI(theme);
            graph.add(Triple.create(node, DIRECT, integer(direct.getOrDefault(theme, 0))));
            graph.add(Triple.create(node, WITH_NARROWER, integer(withNarrower.getOrDefault(theme, 0))));
        }
    }

    private static void areas(RecommendationIndex index, Graph graph) {
        Ancestors ancestors = new Ancestors(index.broaderLinks);
        Map<String, int[]> counts = new TreeMap<>(); // at or below, located here
        for (String[] locations : index.practiceLocations) {
            Set<String> above = new LinkedHashSet<>();
            for (String location : locations) {
                above.addAll(ancestors.of(location));
            }
            above.forEach(area -> counts.computeIfAbsent(area, k -> new int[2])[0]++);
            for (String location : locations) {
                counts.get(location)[1]++;
            }
        }
        counts.forEach((area, count) -> {
            Node node = NodeFactory.createURI(area);
            graph.add(Triple.create(node, AT_OR_BELOW, integer(count[0])));
            graph.add(Triple.create(node, LOCATED_HERE, integer(count[1])));
        });
    }

    /** The nodes skos:broader* reaches from a node, the node itself included; cycles are walked once. */
    private static final class Ancestors {
        private final Map<String, Set<String>> links;
        private final Map<String, Set<String>> known = new HashMap<>();

        Ancestors(Map<String, Set<String>> links) {
            this.links = links;
        }

        Set<String> of(String start) {
            return known.computeIfAbsent(start, key -> {
                Set<String> seen = new LinkedHashSet<>();
                Deque<String> open = new ArrayDeque<>();
                open.add(key);
                while (!open.isEmpty()) {
                    String node = open.poll();
                    if (seen.add(node)) {
                        open.addAll(links.getOrDefault(node, Set.of()));
                    }
                }
                return seen;
            });
        }
    }
}
