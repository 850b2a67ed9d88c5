package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.update.UpdateAction;
import org.innograph.bench.PracticeGraphGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * learning-flows finds each linked practice's most specific regions once per practice and joins them in (a
 * quarter of its time at 100K practices went into checking them row by row). Its answer must be that of the
 * straightforward form, which checks them in every row: the same rows in the same order, on a generated graph whose
 * practices have regions of several levels on one branch.
 */
class LearningFlowsQueryTest {

    /** learning-flows as it was written first: the most specific region checked in each row. */
    private static final String ROW_BY_ROW = """
            PREFIX dct:  <http://purl.org/dc/terms/>
            PREFIX ig:   <https://w3id.org/innograph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?action ?actionPlan ?partner ?learnerCountry ?learnerRegion ?practice ?practiceCountry ?practiceRegion
                   ?certainty ?linkSource
            WHERE {
              { ?action ig:inspiredBy ?practice . BIND (ig:confirmed AS ?certainty) }
              UNION
              { ?action ig:inspirationLink ?link . ?link ig:linkedPractice ?practice .
                OPTIONAL { ?link ig:linkCertainty ?certainty } OPTIONAL { ?link dct:source ?linkSource } }
              OPTIONAL {
                ?actionPlan ig:hasAction ?action .
                OPTIONAL {
                  ?actionPlan ig:actionPlanOf ?partner .
                  OPTIONAL { ?partner ig:country ?learnerCountry }
                  OPTIONAL { ?partner dct:spatial ?learnerRegion .
                             FILTER NOT EXISTS { ?partner dct:spatial ?d . ?d skos:broader+ ?learnerRegion } }
                }
              }
              OPTIONAL { ?practice ig:country ?practiceCountry }
              OPTIONAL { ?practice dct:spatial ?practiceRegion .
                         FILTER NOT EXISTS { ?practice dct:spatial ?e . ?e skos:broader+ ?practiceRegion } }
            }
            ORDER BY ?practiceCountry ?learnerCountry ?practice ?action
            """;

    @TempDir
    Path dir;

    @Test
    void givesTheRowsOfTheRowByRowFormInItsOrder() throws IOException {
        JenaSystem.init();
        Path generated = dir.resolve("practices.nt");
        PracticeGraphGenerator.fromShippedData(Path.of(".")).generate(1_500, 5, generated);
        Graph graph = GraphFactory.createDefaultGraph();
        for (String shipped : List.of("data/nuts-2021.ttl", "data/nuts-2024.ttl", "data/countries.ttl",
                "data/inno-industry.ttl", "data/inno-industry-inferred.ttl")) {
            RDFDataMgr.read(graph, shipped);
        }
        RDFDataMgr.read(graph, generated.toString());
        Model model = ModelFactory.createModelForGraph(graph);
        // Generated practices and partners have one region each: give half of them the wider ones of their branch
        // too, and a fifth a second, unrelated region, as the shipped data (inferred locations) has.
        UpdateAction.parseExecute("""
                PREFIX dct: <http://purl.org/dc/terms/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                INSERT { ?s dct:spatial ?wider } WHERE {
                  ?s dct:spatial ?r . ?r skos:broader+ ?wider . FILTER(REGEX(STR(?s), "[02468]$")) } ;
                INSERT { ?s dct:spatial ?other } WHERE {
                  ?s dct:spatial ?r . FILTER(REGEX(STR(?s), "[05]$"))
                  ?r skos:broader ?up . ?other skos:broader ?up . FILTER(?other != ?r) }
                """, model);

        assertThat(rows(model, """
                PREFIX dct: <http://purl.org/dc/terms/> PREFIX ig: <https://w3id.org/innograph/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?p { ?a ig:inspiredBy ?p . ?p dct:spatial ?finer , ?wider . ?finer skos:broader+ ?wider }
                """)).as("linked practices with regions of more than one level (else the test shows nothing)")
                .hasSizeGreaterThan(50);

        List<Binding> expected = rows(model, ROW_BY_ROW);
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(rows(model, storedQuery())).isEqualTo(expected);
    }

    private static String storedQuery() throws IOException {
        try (InputStream in = LearningFlowsQueryTest.class.getResourceAsStream("/queries/learning-flows.rq")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Binding> rows(Model model, String query) {
        try (QueryExecution execution = QueryExecution.model(model).query(query).build()) {
            List<Binding> rows = new ArrayList<>();
            execution.execSelect().forEachRemaining(row -> rows.add(
                    BindingLib.toBinding(row)));
            return rows;
        }
    }
}
