package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.innograph.problems.Refusal;
import org.innograph.recommend.RankingOptions;
import org.innograph.recommend.Reason;
import org.innograph.recommend.Recommendation;
import org.innograph.recommend.RecommendationService;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The sections of practice, region and theme pages that need more than the resource's own statements: what
 * lies under a region, which practices resemble one another, what a theme covers.
 */
@Component
public class RelatedResources {

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
        return links(bound("linkeddata/inspired-actions.rq", Map.of("practice", practice)));
    }

    /** Resources of a class located in the region or anywhere under it (skos:broader*). */
    public List<ResourceLink> locatedIn(String region, String classCurie) {
        return links(bound("linkeddata/located-in.rq", Map.of("region", region, "class", IG.expand(classCurie))));
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
        return links(bound("linkeddata/theme-practices.rq", Map.of("theme", theme)));
    }

    /** The EuroVoc concepts a theme is mapped to, with the kind of match. */
    public List<ResourceLink> euroVocMapping(String theme) {
        return links(bound("linkeddata/eurovoc-mapping.rq", Map.of("theme", theme)));
    }

    private static Query bound(String queryFile, Map<String, String> iriParameters) {
        Map<String, Node> terms = new HashMap<>();
        iriParameters.forEach((name, iri) -> terms.put(name, NodeFactory.createURI(iri)));
        return SparqlFiles.query(queryFile, terms);
    }

    private List<ResourceLink> links(Query query) {
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
