package org.innograph.recommend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDF;
import org.innograph.vocabulary.IG;

/**
 * The statistics behind the recommendation ranking, as RDF in their own named graph, so that a ranking written in
 * SPARQL is a join over precomputed values rather than a scan of every practice per request, and so that
 * researchers can write rankings of their own on the same numbers. Made from the {@link RecommendationIndex} the
 * API ranks with, so both faces of a recommendation start from the same figures. Vocabulary (igs:) in the
 * ontology; described in docs/recommendations.md.
 *
 * <ul>
 *   <li>the graph node: {@code igs:practiceCount} N, {@code igs:contentHash} of everything below;</li>
 *   <li>themes: {@code igs:practiceCount} (df), {@code igs:idf}, {@code igs:near} (one skos:broader step up or down);</li>
 *   <li>places of practices (a practice's most specific dct:spatial): {@code igs:practiceCount}, the themes of
 *       their practices ({@code igs:themeAtPlace}) and the themes one step from those ({@code igs:nearThemeAtPlace};
 *       properties of their own, so that a query about kinds never wades through places, nor the reverse);</li>
 *   <li>kinds: practices alike in themes, evidence of success and cluster involvement ({@code igs:kind});</li>
 *   <li>situations: practices alike in places and countries ({@code igs:situation}), with per theme how many of
 *       their practices have it ({@code igs:themeCount}) and their regional context as one string
 *       ({@code igs:context}).</li>
 *   <li>practice counts per country, theme and NUTS area, which the counting stored queries read
 *       ({@link PracticeCounts}).</li>
 * </ul>
 * Kinds and situations are what make the SPARQL ranking fast: a score is a sum of a per-kind and a per-situation
 * part, each computed once per request for a few thousand nodes instead of once per practice.
 */
public final class RankingStatistics {

    public static final String GRAPH = IG.GRAPH + "statistics";
    public static final String NS = IG.STATISTICS;
    static final String BASE = IG.BASE + "statistics/";

    private static final Node PRACTICE_COUNT = property("practiceCount");
    private static final Node IDF = property("idf");
    private static final Node NEAR = property("near");
    private static final Node THEME = property("theme");
    private static final Node NEAR_THEME = property("nearTheme");
    private static final Node THEME_AT_PLACE = property("themeAtPlace");
    private static final Node NEAR_THEME_AT_PLACE = property("nearThemeAtPlace");
    private static final Node KIND = property("kind");
    private static final Node SITUATION = property("situation");
    private static final Node THEME_COUNT = property("themeCount");
    private static final Node CONTEXT = property("context");
    private static final Node COUNTED_THEME = property("countedTheme");
    private static final Node COUNT = property("count");
    private static final Node PLACE = property("place");
    private static final Node COUNTRY = property("country");
    private static final Node EVIDENCE = property("evidence");
    private static final Node CLUSTERS = property("clusters");
    static final Node CONTENT_HASH = property("contentHash");
    private static final Node KIND_CLASS = property("Kind");
    private static final Node SITUATION_CLASS = property("Situation");
    private static final Node STATISTICS_CLASS = property("RankingStatistics");
    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    /** The statistics of one index, and the hash that tells whether the store already holds them. */
    public record Content(Model model, String hash) {
    }

    private RankingStatistics() {
    }

    static Node property(String local) {
        return NodeFactory.createURI(NS + local);
    }

    /** The statistics graph for this index, with its content hash. */
    public static Content of(RecommendationIndex index) {
        Graph graph = ModelFactory.createDefaultModel().getGraph();
        themes(index, graph);
        places(index, graph);
        practices(index, graph);
        PracticeCounts.addTo(index, graph);
        String hash = hash(graph);
        Node self = NodeFactory.createURI(GRAPH);
        graph.add(Triple.create(self, RDF.Nodes.type, STATISTICS_CLASS));
        graph.add(Triple.create(self, PRACTICE_COUNT, integer(index.practiceCount())));
        graph.add(Triple.create(self, CONTENT_HASH, NodeFactory.createLiteralString(hash)));
        return new Content(ModelFactory.createModelForGraph(graph), hash);
    }

    private static void themes(RecommendationIndex index, Graph graph) {
        int[] df = new int[index.themeIri.length];
        for (int t = 0; t < df.length; t++) {
            df[t] = index.postings[t].length;
        }
        for (int t = 0; t < index.themeIri.length; t++) {
            if (index.theme(index.themeIri[t]) == null) {
                continue; // reached only through a skos:broader link; never matched or asked for
            }
            Node theme = NodeFactory.createURI(index.themeIri[t]);
            graph.add(Triple.create(theme, PRACTICE_COUNT, integer(df[t])));
            graph.add(Triple.create(theme, IDF, decimal(index.idf[t])));
            for (int near : index.related[t]) {
                graph.add(Triple.create(theme, NEAR, NodeFactory.createURI(index.themeIri[near])));
            }
        }
    }

    private static void places(RecommendationIndex index, Graph graph) {
        for (int place : index.practicePlaceList) {
            Node node = NodeFactory.createURI(index.placeIri[place]);
            graph.add(Triple.create(node, PRACTICE_COUNT, integer(index.practicesAtPlace[place])));
            themeSet(index, graph, node, index.themesAtPlace[place], THEME_AT_PLACE, NEAR_THEME_AT_PLACE);
        }
    }

    /** The themes of a set, and the themes one SKOS step from one of them that are not in the set themselves. */
    private static void themeSet(RecommendationIndex index, Graph graph, Node node, BitSet themes, Node has,
            Node hasNear) {
        BitSet near = new BitSet();
        for (int t = themes.nextSetBit(0); t >= 0; t = themes.nextSetBit(t + 1)) {
            graph.add(Triple.create(node, has, NodeFactory.createURI(index.themeIri[t])));
            for (int other : index.related[t]) {
                near.set(other);
            }
        }
        near.andNot(themes);
        for (int t = near.nextSetBit(0); t >= 0; t = near.nextSetBit(t + 1)) {
            graph.add(Triple.create(node, hasNear, NodeFactory.createURI(index.themeIri[t])));
        }
    }

    private static void practices(RecommendationIndex index, Graph graph) {
        Map<String, Node> kinds = new LinkedHashMap<>();
        Map<String, Node> situations = new LinkedHashMap<>();
        Map<String, int[]> themeCounts = new LinkedHashMap<>();
        for (int p = 0; p < index.practiceCount(); p++) {
            Node practice = NodeFactory.createURI(index.practiceIri[p]);
            int[] themes = index.practiceThemes[p];
            boolean evidence = index.evidence[p];
            boolean clusters = index.clusters[p];
            String kindKey = key(Arrays.stream(themes).mapToObj(t -> RecommendationIndex.slug(index.themeIri[t])))
                    + (evidence ? "/evidence" : "") + (clusters ? "/clusters" : "");
            Node kind = kinds.computeIfAbsent(kindKey, key -> {
                Node node = NodeFactory.createURI(BASE + "kind/" + key);
                graph.add(Triple.create(node, RDF.Nodes.type, KIND_CLASS));
                BitSet set = new BitSet();
                Arrays.stream(themes).forEach(set::set);
                themeSet(index, graph, node, set, THEME, NEAR_THEME);
                if (evidence) {
                    graph.add(Triple.create(node, EVIDENCE, TRUE));
                }
                if (clusters) {
                    graph.add(Triple.create(node, CLUSTERS, TRUE));
                }
                return node;
            });
            int[] places = index.practicePlaces[p];
            int[] countries = index.practiceCountries[p];
            String situationKey = key(Arrays.stream(places).mapToObj(place -> RecommendationIndex.slug(index.placeIri[place])))
                    + "/" + key(Arrays.stream(countries).mapToObj(c -> RecommendationIndex.slug(index.countryIri[c])));
            Node situation = situations.computeIfAbsent(situationKey, key -> {
                Node node = NodeFactory.createURI(BASE + "situation/" + key);
                graph.add(Triple.create(node, RDF.Nodes.type, SITUATION_CLASS));
                for (int place : places) {
                    graph.add(Triple.create(node, PLACE, NodeFactory.createURI(index.placeIri[place])));
                }
                for (int country : countries) {
                    graph.add(Triple.create(node, COUNTRY, NodeFactory.createURI(index.countryIri[country])));
                }
                graph.add(Triple.create(node, CONTEXT, NodeFactory.createLiteralString(context(index, places, countries))));
                return node;
            });
            graph.add(Triple.create(practice, KIND, kind));
            graph.add(Triple.create(practice, SITUATION, situation));
            int[] counts = themeCounts.computeIfAbsent(situationKey, key -> new int[index.themeIri.length]);
            for (int t : themes) {
                counts[t]++;
            }
        }
        // Per situation and theme, how many of its practices have the theme: a profile (tf per theme of the
        // practices on a NUTS branch) is then a sum over the few situations on the branch, since every practice has
        // exactly one situation, instead of a count over every practice there.
        themeCounts.forEach((key, counts) -> {
            Node situation = situations.get(key);
            for (int t = 0; t < counts.length; t++) {
                if (counts[t] > 0) {
                    Node count = NodeFactory.createURI(BASE + "theme-count/" + key + "/"
                            + safe(RecommendationIndex.slug(index.themeIri[t])));
                    graph.add(Triple.create(situation, THEME_COUNT, count));
                    graph.add(Triple.create(count, COUNTED_THEME, NodeFactory.createURI(index.themeIri[t])));
                    graph.add(Triple.create(count, COUNT, integer(counts[t])));
                }
            }
        });
    }

    /**
     * The regional context of a situation as one string of space-separated tokens, with a space at each end:
     * {@code country:<IRI>}, and from its places {@code level:<n>} and the GISCO types {@code urban:<n>},
     * {@code mountain:<n>}, {@code coastal:<n>} (0, not classified, left out as it never counts). A ranking tests
     * a shared feature with one CONTAINS on a value it already holds, instead of joins through the places per
     * practice.
     */
    private static String context(RecommendationIndex index, int[] places, int[] countries) {
        TreeSet<String> tokens = new TreeSet<>();
        for (int country : countries) {
            tokens.add("country:" + index.countryIri[country]);
        }
        for (int place : places) {
            RecommendationIndex.PlaceFacts facts = index.placeFacts[place];
            Arrays.stream(facts.levels()).forEach(v -> tokens.add("level:" + v));
            Arrays.stream(facts.urban()).filter(v -> v > 0).forEach(v -> tokens.add("urban:" + v));
            Arrays.stream(facts.mountain()).filter(v -> v > 0).forEach(v -> tokens.add("mountain:" + v));
            Arrays.stream(facts.coastal()).filter(v -> v > 0).forEach(v -> tokens.add("coastal:" + v));
        }
        StringJoiner joined = new StringJoiner(" ", " ", " ");
        tokens.forEach(joined::add);
        return joined.toString();
    }

    /** Sorted slugs joined by "+", or "-" for none: readable and the same for the same set. */
    private static String key(java.util.stream.Stream<String> slugs) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(slugs.map(RankingStatistics::safe).toList()));
        if (sorted.isEmpty()) {
            return "-";
        }
        StringJoiner joined = new StringJoiner("+");
        sorted.forEach(joined::add);
        return joined.toString();
    }

    /** Slugs come from IRIs already; anything outside the unreserved characters is percent-encoded. */
    private static String safe(String slug) {
        StringBuilder out = new StringBuilder();
        for (byte b : slug.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** SHA-256 over the sorted N-Triples lines: the same statistics give the same hash in any order. */
    private static String hash(Graph graph) {
        List<String> lines = new ArrayList<>();
        graph.find().forEachRemaining(t -> lines.add(t.getSubject() + " " + t.getPredicate() + " " + t.getObject()));
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Node integer(long value) {
        return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
    }

    private static Node decimal(double value) {
        return NodeFactory.createLiteralDT(Double.toString(value), XSDDatatype.XSDdouble);
    }
}
