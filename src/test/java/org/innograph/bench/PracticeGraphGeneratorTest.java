package org.innograph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeGraphGeneratorTest {

    private static PracticeGraphGenerator generator;

    @TempDir
    Path dir;

    @BeforeAll
    static void readReferenceData() {
        JenaSystem.init();
        generator = PracticeGraphGenerator.fromShippedData(Path.of("."));
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        generator.generate(300, 42, dir.resolve("a.nt"));
        generator.generate(300, 42, dir.resolve("b.nt"));
        generator.generate(300, 43, dir.resolve("c.nt"));
        assertThat(Files.mismatch(dir.resolve("a.nt"), dir.resolve("b.nt"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a.nt"), dir.resolve("c.nt"))).isNotEqualTo(-1L);
    }

    @Test
    void generatedGraphPassesTheShapesWithTheReferenceDataItPointsTo() {
        Path file = dir.resolve("synthetic.nt");
        PracticeGraphGenerator.Summary summary = generator.generate(200, 7, file);

        Graph union = GraphFactory.createDefaultGraph();
        for (String reference : List.of("ontology/innograph.ttl", "ontology/themes.ttl",
                "data/nuts-2021.ttl", "data/nuts-2024.ttl", "data/countries.ttl", "data/eurovoc.ttl")) {
            RDFDataMgr.read(union, reference);
        }
        Graph synthetic = RDFDataMgr.loadGraph(file.toString());
        assertThat(synthetic.size()).isEqualTo(summary.triples());
        synthetic.find().forEachRemaining(union::add);

        ValidationReport report = ShaclValidator.get().validate(
                Shapes.parse(RDFDataMgr.loadGraph("ontology/shapes.ttl")), union);
        String violations = report.getEntries().stream()
                .map(e -> e.focusNode() + " | " + e.resultPath() + " | " + e.message())
                .sorted().collect(Collectors.joining("\n"));
        assertThat(violations).as("SHACL violations").isEmpty();
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void graphIsShapedLikeTheRealOne() {
        Path file = dir.resolve("synthetic.nt");
        generator.generate(2000, 3, file);
        Graph graph = RDFDataMgr.loadGraph(file.toString());

        assertThat(count(graph, "SELECT (COUNT(?p) AS ?n) { ?p a ig:GoodPractice }")).isEqualTo(2000);
        // Planted learning: actions inspired by practices, mostly from another country.
        long inspirations = count(graph, "SELECT (COUNT(*) AS ?n) { ?a ig:inspiredBy ?p }");
        long foreign = count(graph, """
                SELECT (COUNT(*) AS ?n) {
                  ?plan ig:hasAction ?a ; ig:actionPlanOf ?o . ?o ig:country ?home .
                  ?a ig:inspiredBy ?p . ?p ig:country ?there FILTER (?there != ?home) }""");
        assertThat(inspirations).isGreaterThan(200);
        assertThat(foreign).isGreaterThan(inspirations * 8 / 10);
        // Zipf-like: the most common theme and region are far above the typical one.
        List<Long> perTheme = counts(graph, "SELECT (COUNT(?p) AS ?n) { ?p dct:subject ?t } GROUP BY ?t ORDER BY DESC(?n)");
        assertThat(perTheme.get(0)).isGreaterThan(5 * perTheme.get(perTheme.size() / 2));
        List<Long> perRegion = counts(graph,
                "SELECT (COUNT(?p) AS ?n) { ?p a ig:GoodPractice ; dct:spatial ?r } GROUP BY ?r ORDER BY DESC(?n)");
        assertThat(perRegion.get(0)).isGreaterThan(10 * perRegion.get(perRegion.size() / 2));
    }

    private static long count(Graph graph, String select) {
        return counts(graph, select).get(0);
    }

    private static List<Long> counts(Graph graph, String select) {
        String query = "PREFIX ig: <https://w3id.org/innograph/ontology#> PREFIX dct: <http://purl.org/dc/terms/> "
                + select;
        try (QueryExecution execution = QueryExecution.create(query,
                org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph))) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            execution.execSelect().forEachRemaining(rows::add);
            return rows.stream().map(row -> row.getLiteral("n").getLong()).toList();
        }
    }
}
