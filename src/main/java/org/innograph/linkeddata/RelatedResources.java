package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
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
    // Practices sharing themes, most shared first: a plain, explainable stand-in for recommendations.
    private static final String SIMILAR_PRACTICES = PROLOGUE + """
            SELECT ?item (COUNT(DISTINCT ?theme) AS ?shared) (GROUP_CONCAT(DISTINCT ?themeLabel; separator=", ") AS ?note)
            WHERE {
              ?practice dct:subject ?theme .
              ?item a ig:GoodPractice ; dct:subject ?theme .
              ?theme rdfs:label ?themeLabel .
              FILTER(?item != ?practice)
            } GROUP BY ?item ORDER BY DESC(?shared) ?item LIMIT 8""";
    // For a region: practices elsewhere that share themes with the practices located in it.
    private static final String PRACTICES_ELSEWHERE = PROLOGUE + """
            SELECT ?item (COUNT(DISTINCT ?theme) AS ?shared) (GROUP_CONCAT(DISTINCT ?themeLabel; separator=", ") AS ?note)
            WHERE {
              ?local a ig:GoodPractice ; dct:spatial/skos:broader* ?region ; dct:subject ?theme .
              ?item a ig:GoodPractice ; dct:subject ?theme .
              ?theme rdfs:label ?themeLabel .
              FILTER NOT EXISTS { ?item dct:spatial/skos:broader* ?region }
            } GROUP BY ?item ORDER BY DESC(?shared) ?item LIMIT 8""";
    private static final String INSPIRED_ACTIONS = PROLOGUE + """
            SELECT DISTINCT ?item ?note WHERE {
              ?item ig:inspiredBy ?practice .
              OPTIONAL { ?plan ig:hasAction ?item . ?plan rdfs:label ?note }
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

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;

    public RelatedResources(GraphReader reader, Labels labels, PublicIris iris) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
    }

    public List<ResourceLink> similarPractices(String practice) {
        return links(bound(SIMILAR_PRACTICES, Map.of("practice", practice)));
    }

    public List<ResourceLink> actionsInspiredBy(String practice) {
        return links(bound(INSPIRED_ACTIONS, Map.of("practice", practice)));
    }

    /** Resources of a class located in the region or anywhere under it (skos:broader*). */
    public List<ResourceLink> locatedIn(String region, String classCurie) {
        return links(bound(IN_REGION, Map.of("region", region, "class", Vocabulary.expand(classCurie))));
    }

    /** Practices located outside the region on the themes of the practices inside it, most shared themes first. */
    public List<ResourceLink> practicesElsewhereOnSameThemes(String region) {
        return links(bound(PRACTICES_ELSEWHERE, Map.of("region", region)));
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
