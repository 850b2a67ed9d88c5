package org.innograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdfconnection.RDFConnection;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;

/**
 * Everything the rankers need, read from the store once and kept in arrays: practices with their themes, places
 * and flags; an inverted index theme → practices; IDF per theme; the SKOS neighbours of each theme; the facts of
 * places (NUTS level, GISCO typologies, country); instruments and action plans. Immutable: a new index replaces
 * the old one when the store changes, so requests never query the store.
 *
 * <p>A practice's place is its most specific {@code dct:spatial}: a value that no other value of the same practice
 * extends (NUTS codes nest as prefixes, SE313 in SE31 in SE). Two places are on the same branch when one IRI is a
 * prefix of the other.
 */
public final class RecommendationIndex {

    static final String PRACTICE_BASE = IG.PRACTICE;
    static final String NUTS_BASE = IG.NUTS;

    /** Facts of a place (or of any resource with a country): sets, because NUTS 2021 and 2024 may both speak. */
    record PlaceFacts(int[] levels, int[] urban, int[] mountain, int[] coastal) {
        static final PlaceFacts NONE = new PlaceFacts(new int[0], new int[0], new int[0], new int[0]);
    }

    record Instrument(String iri, String label, int[] places, int[] countries, int[] typeThemes) {
    }

    record Plan(String iri, String label, int[] places, int[] countries, int[] typeThemes, int[] models) {
    }

    record Region(String iri, String label) {
    }

    // practices
    final String[] practiceIri;
    final String[] practiceLabel;
    final int[][] practiceThemes;
    final int[][] practicePlaces;
    final int[][] practiceCountries;
    final boolean[] evidence;
    final boolean[] clusters;
    final int[] inspirations;
    /** Every dct:spatial IRI of a practice, sorted, not only the most specific: what the practice counts read. */
    final String[][] practiceLocations;
    private final Map<String, Integer> practiceIds;

    // themes
    final String[] themeIri;
    final String[] themeLabel;
    final double[] idf;
    final int[][] postings;
    /** Themes one skos:broader step up or down, never the theme itself. */
    final int[][] related;
    final int[][] broader;
    private final Map<String, Integer> themeIds;
    private final Set<Integer> knownThemes;
    /** Every resource typed ig:Theme, and every skos:broader link of the store (themes and areas): for the counts. */
    final Set<String> typedThemes;
    final Map<String, Set<String>> broaderLinks;

    // places and countries
    final String[] placeIri;
    final PlaceFacts[] placeFacts;
    final String[] countryIri;
    /** Practice places with what their practices cover: the peers and the region profiles come from these. */
    final int[] practicePlaceList;
    final BitSet[] themesAtPlace;
    final int[] practicesAtPlace;
    private final Map<String, Integer> placeIds;
    private final Map<String, int[]> countriesOf;

    final Map<String, Region> regions;
    final Map<String, Instrument> instruments;
    final Map<String, Plan> plans;

    private RecommendationIndex(Loader l) {
        int n = l.practices.size();
        practiceIri = l.practices.toArray(String[]::new);
        practiceIds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            practiceIds.put(practiceIri[i], i);
        }
        practiceLabel = new String[n];
        practiceThemes = new int[n][];
        practicePlaces = new int[n][];
        practiceCountries = new int[n][];
        evidence = new boolean[n];
        clusters = new boolean[n];
        inspirations = new int[n];
        practiceLocations = new String[n][];

        themeIds = l.themeIds;
        placeIds = l.placeIds;
        for (int i = 0; i < n; i++) {
            String iri = practiceIri[i];
            practiceLabel[i] = l.labels.getOrDefault(iri, slug(iri));
            practiceThemes[i] = l.themesOf(iri);
            practicePlaces[i] = l.mostSpecificPlaces(iri);
            practiceCountries[i] = l.countryIds(iri);
            evidence[i] = l.evidenced.contains(iri);
            clusters[i] = l.clustered.contains(iri);
            practiceLocations[i] = l.spatial.getOrDefault(iri, Set.of()).toArray(String[]::new);
        }
        l.inspiredBy.values().forEach(models -> models.forEach(model -> {
            Integer id = practiceIds.get(model);
            if (id != null) {
                inspirations[id]++;
            }
        }));

        int themeCount = l.themeIds.size();
        themeIri = new String[themeCount];
        l.themeIds.forEach((iri, id) -> themeIri[id] = iri);
        themeLabel = new String[themeCount];
        int[] df = new int[themeCount];
        List<List<Integer>> postingLists = new ArrayList<>();
        for (int t = 0; t < themeCount; t++) {
            themeLabel[t] = l.labels.getOrDefault(themeIri[t], slug(themeIri[t]));
            postingLists.add(new ArrayList<>());
        }
        for (int p = 0; p < n; p++) {
            for (int t : practiceThemes[p]) {
                df[t]++;
                postingLists.get(t).add(p);
            }
        }
        idf = new double[themeCount];
        postings = new int[themeCount][];
        related = new int[themeCount][];
        broader = new int[themeCount][];
        for (int t = 0; t < themeCount; t++) {
            idf[t] = Weights.idf(n, df[t]);
            postings[t] = postingLists.get(t).stream().mapToInt(Integer::intValue).toArray();
            Set<Integer> up = l.broader.getOrDefault(t, Set.of());
            Set<Integer> near = new TreeSet<>(up);
            near.addAll(l.narrower.getOrDefault(t, Set.of()));
            near.remove(t);
            related[t] = near.stream().mapToInt(Integer::intValue).toArray();
            broader[t] = up.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        knownThemes = l.knownThemes;
        typedThemes = Collections.unmodifiableSet(l.typedThemes);
        broaderLinks = Collections.unmodifiableMap(l.broaderLinks);

        int placeCount = l.placeIds.size();
        placeIri = new String[placeCount];
        l.placeIds.forEach((iri, id) -> placeIri[id] = iri);
        placeFacts = new PlaceFacts[placeCount];
        for (int i = 0; i < placeCount; i++) {
            placeFacts[i] = l.facts(placeIri[i]);
        }
        countryIri = new String[l.countryIds.size()];
        l.countryIds.forEach((iri, id) -> countryIri[id] = iri);
        countriesOf = new HashMap<>();
        l.countries.forEach((subject, set) -> countriesOf.put(subject, l.countryIds(subject)));

        Map<Integer, BitSet> themesByPlace = new TreeMap<>();
        Map<Integer, Integer> countByPlace = new TreeMap<>();
        for (int p = 0; p < n; p++) {
            for (int place : practicePlaces[p]) {
                BitSet set = themesByPlace.computeIfAbsent(place, k -> new BitSet());
                for (int t : practiceThemes[p]) {
                    set.set(t);
                }
                countByPlace.merge(place, 1, Integer::sum);
            }
        }
        practicePlaceList = themesByPlace.keySet().stream().mapToInt(Integer::intValue).toArray();
        themesAtPlace = new BitSet[placeCount];
        practicesAtPlace = new int[placeCount];
        themesByPlace.forEach((place, set) -> themesAtPlace[place] = set);
        countByPlace.forEach((place, count) -> practicesAtPlace[place] = count);

        regions = Collections.unmodifiableMap(l.regions);
        Map<String, Instrument> instrumentMap = new LinkedHashMap<>();
        l.instrumentNames.forEach((iri, names) -> instrumentMap.put(iri, new Instrument(iri,
                l.labels.getOrDefault(iri, slug(iri)), l.mostSpecificPlaces(iri), l.countryIds(iri),
                typeThemes(names))));
        instruments = Collections.unmodifiableMap(instrumentMap);
        Map<String, Plan> planMap = new LinkedHashMap<>();
        for (String plan : l.plans) {
            Set<Integer> places = new TreeSet<>();
            Set<Integer> countries = new TreeSet<>();
            for (String partner : l.partners.getOrDefault(plan, Set.of())) {
                Arrays.stream(l.mostSpecificPlaces(partner)).forEach(places::add);
                Arrays.stream(l.countryIds(partner)).forEach(countries::add);
            }
            Set<Integer> typeThemes = new TreeSet<>();
            for (String instrument : l.addressed.getOrDefault(plan, Set.of())) {
                Instrument known = instrumentMap.get(instrument);
                if (known != null) {
                    Arrays.stream(known.typeThemes()).forEach(typeThemes::add);
                }
            }
            int[] models = l.inspiredBy.getOrDefault(plan, Set.of()).stream().map(practiceIds::get)
                    .filter(id -> id != null).mapToInt(Integer::intValue).distinct().sorted().toArray();
            planMap.put(plan, new Plan(plan, l.labels.getOrDefault(plan, slug(plan)), ints(places), ints(countries),
                    ints(typeThemes), models));
        }
        plans = Collections.unmodifiableMap(planMap);
    }

    /** A type theme that no practice has, nor any narrower theme of, cannot match: it is left out. */
    private int[] typeThemes(Set<String> names) {
        return InstrumentTypeThemes.of(names).stream().map(themeIds::get).filter(id -> id != null)
                .mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    /** Reads the index through one connection (one read transaction on the embedded store). */
    public static RecommendationIndex load(RDFConnection connection) {
        return new RecommendationIndex(new Loader(connection));
    }

    public int practiceCount() {
        return practiceIri.length;
    }

    Integer practice(String iri) {
        return practiceIds.get(iri);
    }

    Integer theme(String iri) {
        Integer id = themeIds.get(iri);
        return id != null && knownThemes.contains(id) ? id : null;
    }

    Integer place(String iri) {
        return placeIds.get(iri);
    }

    int[] countries(String iri) {
        return countriesOf.getOrDefault(iri, new int[0]);
    }

    /** A theme profile: theme ids, sorted, and per theme how many of the profile's practices have it. */
    record Profile(int[] themes, double[] weights) {
    }

    /**
     * The themes of the practices whose place is on the branch of one of these places, or that are among the
     * extra practices; each practice counts once, however many of its places are on the branch.
     */
    Profile profileOf(int[] places, int[] extraPractices) {
        boolean[] onBranch = new boolean[placeIri.length];
        for (int place : practicePlaceList) {
            for (int target : places) {
                onBranch[place] |= sameBranch(placeIri[place], placeIri[target]);
            }
        }
        int[] counts = new int[themeIri.length];
        for (int p = 0; p < practiceIri.length; p++) {
            boolean member = SharedContext.contains(extraPractices, p);
            for (int place : practicePlaces[p]) {
                member |= onBranch[place];
            }
            if (member) {
                for (int t : practiceThemes[p]) {
                    counts[t]++;
                }
            }
        }
        int[] themes = IntStream.range(0, counts.length).filter(t -> counts[t] > 0).toArray();
        double[] weights = Arrays.stream(themes).mapToDouble(t -> counts[t]).toArray();
        return new Profile(themes, weights);
    }

    static boolean sameBranch(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    static String slug(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return iri.substring(cut + 1);
    }

    private static int[] ints(Set<Integer> set) {
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reads the store; kept apart so the index itself holds only the arrays. */
    private static final class Loader {
        final Set<String> practices = new TreeSet<>();
        final Map<String, String> labels = new HashMap<>();
        final Map<String, Set<String>> subjects = new HashMap<>();
        final Map<String, Set<String>> spatial = new HashMap<>();
        final Map<String, Set<String>> countries = new HashMap<>();
        final Map<String, Map<String, Set<Integer>>> numbers = new HashMap<>();
        final Set<String> evidenced = new LinkedHashSet<>();
        final Set<String> clustered = new LinkedHashSet<>();
        final Map<Integer, Set<Integer>> broader = new HashMap<>();
        final Map<Integer, Set<Integer>> narrower = new HashMap<>();
        final Set<Integer> knownThemes = new LinkedHashSet<>();
        final Map<String, Integer> themeIds = new LinkedHashMap<>();
        final Map<String, Integer> placeIds = new LinkedHashMap<>();
        final Map<String, Integer> countryIds = new LinkedHashMap<>();
        final Map<String, Region> regions = new HashMap<>();
        final Map<String, Set<String>> instrumentNames = new TreeMap<>();
        final Set<String> plans = new TreeSet<>();
        final Map<String, Set<String>> partners = new HashMap<>();
        final Map<String, Set<String>> addressed = new HashMap<>();
        final Map<String, Set<String>> inspiredBy = new HashMap<>();
        final Set<String> typedThemes = new TreeSet<>();
        final Map<String, Set<String>> broaderLinks = new HashMap<>();
        private final RDFConnection connection;

        Loader(RDFConnection connection) {
            this.connection = connection;
            select("recommend/practices.rq", row -> iri(row, "p", practices::add));
            select("recommend/labels.rq", row -> label(row.getResource("s").getURI(), row, "label"));
            select("recommend/practice-themes.rq", row -> {
                if (row.get("t").isURIResource()) {
                    subjects.computeIfAbsent(row.getResource("p").getURI(), k -> new TreeSet<>())
                            .add(row.getResource("t").getURI());
                }
            });
            new TreeSet<>(subjects.values().stream().flatMap(Set::stream).toList())
                    .forEach(t -> knownThemes.add(themeId(t)));
            select("recommend/themes.rq", row -> {
                        String theme = row.getResource("t").getURI();
                        knownThemes.add(themeId(theme));
                        label(theme, row, "label");
                    });
            // Only links that touch a theme some practice has can change a match.
            select("recommend/broader-themes.rq", row -> {
                        if (row.get("a").isURIResource() && row.get("b").isURIResource()) {
                            int a = themeId(row.getResource("a").getURI());
                            int b = themeId(row.getResource("b").getURI());
                            broader.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                            narrower.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
                        }
                    });
            select("recommend/typed-themes.rq", row -> iri(row, "t", typedThemes::add));
            select("recommend/broader-links.rq", row -> {
                if (row.get("a").isURIResource()) {
                    iri(row, "b", up -> broaderLinks.computeIfAbsent(row.getResource("a").getURI(),
                            k -> new TreeSet<>()).add(up));
                }
            });
            select("recommend/places.rq", row -> {
                if (row.get("place").isURIResource()) {
                    spatial.computeIfAbsent(row.getResource("s").getURI(), k -> new TreeSet<>())
                            .add(row.getResource("place").getURI());
                }
            });
            select("recommend/countries.rq", row -> {
                if (row.get("c").isURIResource()) {
                    String country = row.getResource("c").getURI();
                    countries.computeIfAbsent(row.getResource("s").getURI(), k -> new TreeSet<>()).add(country);
                    countryIds.computeIfAbsent(country, k -> countryIds.size());
                }
            });
            select("recommend/place-facts.rq", row -> {
                        RDFNode value = row.get("value");
                        if (value.isLiteral() && row.get("s").isURIResource()) {
                            Integer number = integer(value.asLiteral());
                            if (number != null) {
                                numbers.computeIfAbsent(row.getResource("s").getURI(), k -> new HashMap<>())
                                        .computeIfAbsent(row.getResource("property").getURI(), k -> new TreeSet<>())
                                        .add(number);
                            }
                        }
                    });
            select("recommend/evidenced-practices.rq",
                    row -> iri(row, "p", evidenced::add));
            select("recommend/clustered-practices.rq",
                    row -> iri(row, "p", clustered::add));
            select("recommend/regions.rq", row -> {
                String region = row.getResource("r").getURI();
                String label = row.contains("label") ? row.get("label").asLiteral().getLexicalForm() : null;
                Region known = regions.get(region);
                if (known == null || (label != null && (known.label() == null || label.compareTo(known.label()) < 0))) {
                    regions.put(region, new Region(region, label));
                }
            });
            select("recommend/instruments.rq", row -> {
                        Set<String> names = instrumentNames.computeIfAbsent(row.getResource("i").getURI(),
                                k -> new TreeSet<>());
                        if (row.contains("name") && row.get("name").isLiteral()) {
                            names.add(row.get("name").asLiteral().getLexicalForm());
                        }
                    });
            select("recommend/action-plans.rq", row -> iri(row, "plan", plans::add));
            select("recommend/plan-partners.rq",
                    row -> link(partners, row, "plan", "partner"));
            select("recommend/plan-instruments.rq",
                    row -> link(addressed, row, "plan", "instrument"));
            select("recommend/plan-models.rq",
                    row -> link(inspiredBy, row, "plan", "model"));
            // Places: every place of a practice, instrument or partner, and every region.
            spatial.keySet().forEach(this::mostSpecificPlaces);
            new TreeSet<>(regions.keySet()).forEach(this::placeId);
        }

        private void select(String queryFile, Consumer<QuerySolution> row) {
            connection.querySelect(SparqlFiles.query(queryFile), row);
        }

        private static void iri(QuerySolution row, String variable, Consumer<String> sink) {
            RDFNode node = row.get(variable);
            if (node != null && node.isURIResource()) {
                sink.accept(node.asResource().getURI());
            }
        }

        private static void link(Map<String, Set<String>> links, QuerySolution row, String from, String to) {
            if (row.get(to).isURIResource()) {
                links.computeIfAbsent(row.getResource(from).getURI(), k -> new TreeSet<>())
                        .add(row.getResource(to).getURI());
            }
        }

        private void label(String iri, QuerySolution row, String variable) {
            if (row.contains(variable) && row.get(variable).isLiteral()) {
                String label = row.get(variable).asLiteral().getLexicalForm();
                labels.merge(iri, label, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }

        private static Integer integer(Literal literal) {
            try {
                return Integer.valueOf(literal.getLexicalForm().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        int themeId(String iri) {
            return themeIds.computeIfAbsent(iri, k -> themeIds.size());
        }

        int placeId(String iri) {
            return placeIds.computeIfAbsent(iri, k -> placeIds.size());
        }

        int[] themesOf(String practice) {
            return subjects.getOrDefault(practice, Set.of()).stream().mapToInt(this::themeId).sorted().toArray();
        }

        int[] countryIds(String subject) {
            return countries.getOrDefault(subject, Set.of()).stream().mapToInt(countryIds::get).sorted().toArray();
        }

        /** The values of dct:spatial that no other value of the same resource extends. */
        int[] mostSpecificPlaces(String subject) {
            Set<String> all = spatial.getOrDefault(subject, Set.of());
            List<Integer> places = new ArrayList<>();
            for (String place : all) {
                boolean finerExists = all.stream().anyMatch(other -> !other.equals(place) && other.startsWith(place));
                if (!finerExists) {
                    places.add(placeId(place));
                }
            }
            return places.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        PlaceFacts facts(String place) {
            Map<String, Set<Integer>> values = numbers.get(place);
            if (values == null) {
                return PlaceFacts.NONE;
            }
            return new PlaceFacts(values(values, "nutsLevel"), values(values, "urbanType"),
                    values(values, "mountainType"), values(values, "coastalType"));
        }

        private static int[] values(Map<String, Set<Integer>> values, String property) {
            return values.getOrDefault(IG.NS + property, Set.of()).stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
