package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.innograph.problems.Refusal;
import org.innograph.recommend.RankingOptions;
import org.innograph.recommend.Reason;
import org.innograph.recommend.Recommendation;
import org.innograph.recommend.RecommendationService;
import org.innograph.vocabulary.IG;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The sections of practice, region and theme pages that need more than the resource's own statements: what
 * lies under a region, which practices resemble one another, what a theme covers.
 */
@Component
public class RelatedResources {

    private static final String PROLOGUE = """
            PREFIX ig: <https://w3id.org/innograph/ontology#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    private static final String INSPIRED_ACTIONS = PROLOGUE + """
            SELECT DISTINCT ?item ?note WHERE {
              # confirmed inspirations are stated plainly; likely or possible ones only as qualified links
              { ?item ig:inspiredBy ?practice }
              UNION
              { ?item ig:inspirationLink ?link . ?link ig:linkedPractice ?practice ; ig:linkCertainty ?level .
                FILTER(?level != ig:confirmed) ?level skos:prefLabel ?certainty }
              OPTIONAL { ?plan ig:hasAction ?item . ?plan rdfs:label ?plan_label }
              BIND(IF(BOUND(?certainty), CONCAT(COALESCE(STR(?plan_label), ""), " (", STR(?certainty), ")"), STR(?plan_label)) AS ?note)
            } ORDER BY ?item""";
    private static final String IN_REGION = PROLOGUE + """
            SELECT DISTINCT ?item ?note WHERE {
              ?item a ?class ; dct:spatial ?where .
              ?where skos:broader* ?region .
              OPTIONAL { ?where skos:notation ?code }
              BIND(IF(?where = ?region, "here", CONCAT("in ", COALESCE(?code, "a sub-region"))) AS ?note)
            } ORDER BY ?item""";
    private static final String THEME_PRACTICES = PROLOGUE + """
            SELECT DISTINCT ?item ?note WHERE {
              ?item a ig:GoodPractice ; dct:subject ?subject .
              ?subject skos:broader* ?theme .
              ?subject rdfs:label ?subjectLabel .
              BIND(IF(?subject = ?theme, "", CONCAT("via ", ?subjectLabel)) AS ?note)
            } ORDER BY ?item""";
    private static final String EUROVOC_MAPPING = PROLOGUE + """
            SELECT ?item ?note WHERE {
              VALUES ?match { skos:exactMatch skos:closeMatch skos:broadMatch skos:narrowMatch skos:relatedMatch }
              ?theme ?match ?item .
              BIND(REPLACE(STR(?match), "^.*#", "") AS ?note)
            } ORDER BY ?note ?item""";

    private static final int RECOMMENDED = 8;

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final RecommendationService recommendations;

    public RelatedResources(GraphReader reader, Labels labels, PublicIris iris,
            RecommendationService recommendations) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.recommendations = recommendations;
    }

    /** The recommender's similar practices, with the shared themes that make them similar. */
    public List<ResourceLink> similarPractices(String practice) {
        return recommended(() -> recommendations.similarTo(practice, RankingOptions.top(RECOMMENDED)));
    }

    public List<ResourceLink> actionsInspiredBy(String practice) {
        return links(bound(INSPIRED_ACTIONS, Map.of("practice", practice)));
    }

    /** Resources of a class located in the region or anywhere under it (skos:broader*). */
    public List<ResourceLink> locatedIn(String region, String classCurie) {
        return links(bound(IN_REGION, Map.of("region", region, "class", IG.expand(classCurie))));
    }

    /** The recommender's practices for the region, from outside it, with the reasons that rank them. */
    public List<ResourceLink> recommendedFor(String region) {
        return recommended(() -> recommendations.forRegion(region,
                RankingOptions.top(RECOMMENDED).excluding(RankingOptions.Exclusion.REGION)));
    }

    // A page still renders when the recommender knows nothing of the resource (e.g. a practice just imported);
    // any other failure (the store down, a time-out) is the page's failure and is answered as such.
    private List<ResourceLink> recommended(Supplier<RecommendationService.Recommendations> ranking) {
        try {
            return ranking.get().results().stream().map(this::link).toList();
        } catch (RuntimeException e) {
            if (e instanceof Refusal refusal && refusal.status() == HttpStatus.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    private ResourceLink link(Recommendation result) {
        String themes = result.reasons().stream().filter(reason -> reason.themeLabel() != null)
                .map(Reason::themeLabel).distinct().collect(Collectors.joining(", "));
        String note = String.format(Locale.ROOT, "score %.2f", result.score())
                + (themes.isEmpty() ? "" : " — " + themes);
        return new ResourceLink(result.practice(), iris.pageOf(result.practice()), result.label(), note);
    }

    /** Practices with the theme or a narrower one. */
    public List<ResourceLink> practicesWithTheme(String theme) {
        return links(bound(THEME_PRACTICES, Map.of("theme", theme)));
    }

    /** The EuroVoc concepts a theme is mapped to, with the kind of match. */
    public List<ResourceLink> euroVocMapping(String theme) {
        return links(bound(EUROVOC_MAPPING, Map.of("theme", theme)));
    }

    private static ParameterizedSparqlString bound(String query, Map<String, String> iriParameters) {
        ParameterizedSparqlString bound = new ParameterizedSparqlString(query);
        iriParameters.forEach(bound::setIri);
        return bound;
    }

    private List<ResourceLink> links(ParameterizedSparqlString query) {
        List<QuerySolution> rows = reader.select(query);
        Map<String, String> names = labels.of(rows.stream().map(row -> row.getResource("item").getURI()).toList());
        List<ResourceLink> links = new ArrayList<>();
        for (QuerySolution row : rows) {
            String iri = row.getResource("item").getURI();
            String note = row.contains("note") ? row.getLiteral("note").getLexicalForm() : "";
            String label = names.getOrDefault(iri, Labels.fallback(iri));
            String href = names.containsKey(iri) || iris.isMinted(iri) ? iris.pageOf(iri) : iri;
            links.add(new ResourceLink(iri, href, label, note));
        }
        return links;
    }
}
