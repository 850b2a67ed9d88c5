package org.innograph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.innograph.cache.GenerationSnapshot;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.linkeddata.GraphReader;
import org.innograph.linkeddata.Labels;
import org.innograph.linkeddata.PublicIris;
import org.innograph.queries.QueryCatalogue;
import org.innograph.queries.QueryParameterException;
import org.innograph.queries.StoredQuery;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the home page shows: the headline counts and the practices per NUTS area, both from stored queries
 * ({@code headline-counts}, {@code practices-per-area}) so a researcher can run the same queries. The
 * unfiltered answers are kept until the next write ({@link GenerationSnapshot}); filtered ones are asked each time.
 */
@Component
class PracticeMap {

    static final String AREAS_QUERY = "practices-per-area";
    static final String HEADLINE_QUERY = "headline-counts";

    /**
     * @param practices   practices located in the area or anywhere under it
     * @param locatedHere practices located in the area itself (the level the sources give)
     */
    record Area(String code, String iri, String name, int level, long practices, long locatedHere, String href) {
    }

    record Headline(long practices, long regions, long projects, long actionPlans, long learningLinks) {
    }

    /** The filters of the map, as the stored query's parameters; empty values mean no filter. */
    record Filters(List<String> themes, String country, String project) {

        boolean isEmpty() {
            return themes.isEmpty() && blank(country) && blank(project);
        }

        Map<String, String[]> parameters() {
            Map<String, String[]> parameters = new LinkedHashMap<>();
            if (!themes.isEmpty()) {
                parameters.put("theme", themes.toArray(String[]::new));
            }
            if (!blank(country)) {
                parameters.put("country", new String[] {country});
            }
            if (!blank(project)) {
                parameters.put("project", new String[] {project});
            }
            return parameters;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private record Cached(List<Area> areas, Headline headline, Map<String, String> projects) {
    }

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final QueryCatalogue catalogue;
    private final GenerationSnapshot<Cached> cached;

    PracticeMap(GraphReader reader, Labels labels, PublicIris iris, QueryCatalogue catalogue,
                GenerationSnapshots snapshots) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.catalogue = catalogue;
        this.cached = snapshots.of("home page counts",
                () -> new Cached(askAreas(Map.of()), askHeadline(), askProjects()));
    }

    List<Area> areas(Filters filters) {
        if (filters.isEmpty()) {
            return current().areas();
        }
        return askAreas(filters.parameters());
    }

    Headline headline() {
        return current().headline();
    }

    /** The text of the stored query the map draws, to open in the query editor. */
    String areasQueryText() {
        return catalogue.find(AREAS_QUERY).map(StoredQuery::text).orElse("");
    }

    /** The projects by IRI with their names, for the filter. */
    Map<String, String> projects() {
        return current().projects();
    }

    private Cached current() {
        return cached.get();
    }

    private List<Area> askAreas(Map<String, String[]> parameters) {
        List<QuerySolution> rows = reader.select(bound(AREAS_QUERY, parameters));
        Map<String, String> names = labels.of(rows.stream().map(row -> row.getResource("area").getURI()).toList());
        List<Area> areas = new ArrayList<>();
        for (QuerySolution row : rows) {
            String iri = row.getResource("area").getURI();
            areas.add(new Area(row.getLiteral("code").getLexicalForm(), iri, names.getOrDefault(iri, Labels.fallback(iri)),
                    row.getLiteral("level").getInt(), row.getLiteral("practices").getLong(),
                    row.getLiteral("locatedHere").getLong(), iris.pageOf(iri)));
        }
        return areas;
    }

    private Headline askHeadline() {
        QuerySolution row = reader.select(bound(HEADLINE_QUERY, Map.of())).get(0);
        return new Headline(row.getLiteral("practices").getLong(), row.getLiteral("regions").getLong(),
                row.getLiteral("projects").getLong(), row.getLiteral("actionPlans").getLong(),
                row.getLiteral("learningLinks").getLong());
    }

    private Map<String, String> askProjects() {
        List<String> projects = reader.select(SparqlFiles.query("web/projects.rq")).stream()
                .map(row -> row.getResource("project").getURI()).toList();
        Map<String, String> names = labels.of(projects);
        Map<String, String> byIri = new TreeMap<>();
        projects.forEach(iri -> byIri.put(iri, names.getOrDefault(iri, Labels.fallback(iri))));
        return byIri;
    }

    private Query bound(String name, Map<String, String[]> parameters) {
        StoredQuery stored = catalogue.require(name, "the home page");
        try {
            return stored.bind(parameters);
        } catch (QueryParameterException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
