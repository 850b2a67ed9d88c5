package org.innograph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.innograph.cache.GenerationSnapshot;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.linkeddata.GraphReader;
import org.innograph.linkeddata.Labels;
import org.innograph.linkeddata.PublicIris;
import org.innograph.queries.QueryCatalogue;
import org.innograph.queries.StoredQuery;
import org.innograph.vocabulary.IG;
import org.springframework.stereotype.Component;

/**
 * Who learned what from whom: the links between actions of action plans and the good practices that inspired
 * them, as the stored query {@code learning-flows} gives them, grouped into arcs (practice's region → partner's
 * region) and country pairs. Kept until the next write.
 */
@Component
class LearningFlows {

    static final String QUERY = "learning-flows";

    /** Certainty levels from strongest to weakest; a link stated twice keeps its strongest. */
    static final List<String> CERTAINTIES = List.of("confirmed", "likely", "possible", "unstated");

    /** The place of a certainty in {@link #CERTAINTIES}; a level we do not know ranks after all of them. */
    static int rank(String certainty) {
        int index = CERTAINTIES.indexOf(certainty);
        return index < 0 ? CERTAINTIES.size() : index;
    }

    record Place(String code, String iri, String name, String href) {
    }

    record Resource(String iri, String name, String href) {
    }

    /** One action inspired by one practice. */
    record Link(Resource action, Resource actionPlan, Resource partner, Resource practice, Place practiceCountry,
                Place practiceRegion, Place learnerCountry, Place learnerRegion, String certainty, String source) {
    }

    /** The links between two places (regions or countries), counted by certainty. */
    record Flow(Place from, Place to, List<Link> links, Map<String, Integer> byCertainty, String href) {

        public int count() {
            return links.size();
        }

        /** The weakest certainty among the links: what a reader must keep in mind about the whole flow. */
        public String weakest() {
            String weakest = CERTAINTIES.get(0);
            for (Link link : links) {
                if (rank(link.certainty()) > rank(weakest)) {
                    weakest = link.certainty();
                }
            }
            return weakest;
        }

        public String certaintyText() {
            List<String> parts = new ArrayList<>();
            byCertainty.forEach((certainty, n) -> parts.add(n + " " + certainty));
            return String.join(", ", parts);
        }
    }

    record Snapshot(List<Link> links, List<Flow> arcs, List<Flow> countryPairs, List<Place> fromCountries,
                    List<Place> toCountries) {

        public Flow cell(Place from, Place to) {
            return countryPairs.stream().filter(f -> f.from().code().equals(from.code()) && f.to().code().equals(to.code()))
                    .findFirst().orElse(null);
        }
    }

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final QueryCatalogue catalogue;
    private final GenerationSnapshot<Snapshot> snapshot;

    LearningFlows(GraphReader reader, Labels labels, PublicIris iris, QueryCatalogue catalogue,
                  GenerationSnapshots snapshots) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.catalogue = catalogue;
        this.snapshot = snapshots.of("learning flows", () -> build(reader.select(query().bind(Map.of()))));
    }

    StoredQuery query() {
        return catalogue.require(QUERY, "/flows");
    }

    Snapshot current() {
        return snapshot.get();
    }

    private Snapshot build(List<QuerySolution> rows) {
        Set<String> named = new HashSet<>();
        for (QuerySolution row : rows) {
            row.varNames().forEachRemaining(name -> {
                RDFNode node = row.get(name);
                if (node.isURIResource()) {
                    named.add(node.asResource().getURI());
                }
            });
        }
        Map<String, String> names = labels.of(named);
        // One link per action and practice: a link stated twice (plainly and qualified) keeps its strongest
        // certainty; a practice or partner in two regions at the same depth keeps the first in code order.
        Map<String, Link> links = new LinkedHashMap<>();
        for (QuerySolution row : rows) {
            Link link = new Link(resource(row, "action", names), resource(row, "actionPlan", names),
                    resource(row, "partner", names), resource(row, "practice", names),
                    place(row, "practiceCountry", names), place(row, "practiceRegion", names),
                    place(row, "learnerCountry", names), place(row, "learnerRegion", names), certainty(row),
                    row.contains("linkSource") ? row.get("linkSource").toString() : null);
            String key = link.action().iri() + " " + link.practice().iri();
            Link known = links.get(key);
            if (known == null || rank(link.certainty()) < rank(known.certainty())) {
                links.put(key, known == null ? link : merged(link, known));
            }
        }
        List<Link> all = List.copyOf(links.values());
        List<Flow> arcs = group(all, Link::practiceRegion, Link::learnerRegion, "region");
        List<Flow> pairs = group(all, Link::practiceCountry, Link::learnerCountry, "country");
        List<Place> from = pairs.stream().map(Flow::from).distinct().sorted(Comparator.comparing(Place::name)).toList();
        List<Place> to = pairs.stream().map(Flow::to).distinct().sorted(Comparator.comparing(Place::name)).toList();
        return new Snapshot(all, arcs, pairs, from, to);
    }

    /** The stronger link, with the places of the other where it has none. */
    private static Link merged(Link stronger, Link other) {
        return new Link(stronger.action(), or(stronger.actionPlan(), other.actionPlan()),
                or(stronger.partner(), other.partner()), stronger.practice(),
                or(stronger.practiceCountry(), other.practiceCountry()), or(stronger.practiceRegion(), other.practiceRegion()),
                or(stronger.learnerCountry(), other.learnerCountry()), or(stronger.learnerRegion(), other.learnerRegion()),
                stronger.certainty(), stronger.source() != null ? stronger.source() : other.source());
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }

    private static List<Flow> group(List<Link> links, Function<Link, Place> from,
                                    Function<Link, Place> to, String kind) {
        Map<String, List<Link>> grouped = new TreeMap<>();
        Map<String, Place[]> ends = new LinkedHashMap<>();
        for (Link link : links) {
            Place a = from.apply(link);
            Place b = to.apply(link);
            if (a == null || b == null) {
                continue;
            }
            String key = a.code() + ">" + b.code();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(link);
            ends.putIfAbsent(key, new Place[] {a, b});
        }
        List<Flow> flows = new ArrayList<>();
        grouped.forEach((key, members) -> {
            Place[] pair = ends.get(key);
            Map<String, Integer> byCertainty = new LinkedHashMap<>();
            members.stream().sorted(Comparator.comparingInt(link -> rank(link.certainty())))
                    .forEach(link -> byCertainty.merge(link.certainty(), 1, Integer::sum));
            String href = "/flows?" + ("region".equals(kind) ? "fromRegion=" : "fromCountry=") + pair[0].code()
                    + ("region".equals(kind) ? "&toRegion=" : "&toCountry=") + pair[1].code() + "#links";
            flows.add(new Flow(pair[0], pair[1], List.copyOf(members), byCertainty, href));
        });
        flows.sort(Comparator.comparing(Flow::count).reversed().thenComparing(f -> f.from().code())
                .thenComparing(f -> f.to().code()));
        return flows;
    }

    private Resource resource(QuerySolution row, String variable, Map<String, String> names) {
        if (!row.contains(variable) || !row.get(variable).isURIResource()) {
            return null;
        }
        String iri = row.getResource(variable).getURI();
        return new Resource(iri, names.getOrDefault(iri, Labels.fallback(iri)), iris.pageOf(iri));
    }

    private Place place(QuerySolution row, String variable, Map<String, String> names) {
        Resource resource = resource(row, variable, names);
        if (resource == null) {
            return null;
        }
        return new Place(code(resource.iri()), resource.iri(), resource.name(), resource.href());
    }

    /** NUTS code for regions, ISO alpha-3 for countries (the last segment of the country authority IRI). */
    private static String code(String iri) {
        return iri.startsWith(IG.NUTS) ? iri.substring(IG.NUTS.length()) : Labels.fallback(iri);
    }

    private static String certainty(QuerySolution row) {
        // A qualified link that does not say how certain it is stays "unstated": we do not guess a level.
        if (!row.contains("certainty")) {
            return "unstated";
        }
        RDFNode node = row.get("certainty");
        return node.isURIResource() ? Labels.fallback(node.asResource().getURI())
                : node.asLiteral().getLexicalForm().toLowerCase(Locale.ROOT);
    }
}
