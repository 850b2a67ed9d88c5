package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.innograph.bench.PracticeGraphGenerator;
import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.innograph.testing.TemporaryDirectories;
import org.innograph.vocabulary.SparqlFiles;
import org.junit.jupiter.api.Test;

/**
 * The counting stored queries read the practice counts of the statistics graph; their answers must be those of the
 * formulations that counted the practices themselves (kept in src/test/resources/stored-queries/reference-queries):
 * same rows, same order, same datatypes. Over real HTTP, on the shipped data plus generated practices, for
 * parameters drawn from the data, and again after writes that change the counts, since the statistics are rebuilt on
 * every change.
 */
class PracticeCountQueriesTest extends ShippedDataServer {

    private static final String GRAPH = "https://w3id.org/innograph/graph/practice-count-test";
    private static final String RESULTS = "application/sparql-results+json";
    private static final String IG = "https://w3id.org/innograph/ontology#";
    private static final String NUTS = "http://data.europa.eu/nuts/code/";
    private static final String COUNTRY = "http://publications.europa.eu/resource/authority/country/";
    private static final String THEME = "https://w3id.org/innograph/theme/";
    private static final List<String> UNFILTERED = List.of("practice-counts-per-country", "practice-counts-per-theme",
            "headline-counts");

    @Test
    void countsFromTheStatisticsAreTheCountsOfThePracticesBeforeAndAfterWrites() throws IOException {
        Path file = TemporaryDirectories.removedAtExit("practice-count-test").resolve("generated.nt");
        PracticeGraphGenerator.fromShippedData(Path.of("")).generate(1_000, 11, file);
        HttpResponse<String> put = http.send(Http.withWriter(http.request("/sparql/data?graph=" + Http.encode(GRAPH))
                .header("Content-Type", "application/n-triples").PUT(HttpRequest.BodyPublishers.ofFile(file))));
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 204);
        try {
            allAgree(new SplittableRandom(5), 10);
            long practices = practices();

            // A practice with a narrower theme, two places in two countries (one place twice over, through a
            // region above it), another with no country at all, and one generated practice gone.
            String removed = values("SELECT ?v { GRAPH <" + GRAPH + "> { ?v a <" + IG + "GoodPractice> } } "
                    + "ORDER BY ?v LIMIT 1").get(0);
            update("PREFIX ig: <" + IG + "> PREFIX dct: <http://purl.org/dc/terms/> INSERT DATA { GRAPH <" + GRAPH
                    + "> { <urn:count-test:two-places> a ig:GoodPractice ; dct:subject <" + THEME
                    + "sme-digitalisation>, <" + THEME + "clusters> ; dct:spatial <" + NUTS + "AT123>, <" + NUTS
                    + "AT12>, <" + NUTS + "SE313> ; ig:country <" + COUNTRY + "AUT>, <" + COUNTRY + "SWE> ; "
                    + "ig:sharedInProject <urn:count-test:project> . "
                    + "<urn:count-test:nowhere> a ig:GoodPractice ; dct:subject <" + THEME + "clusters> ; "
                    + "dct:spatial <" + NUTS + "SE313> ; ig:sharedInProject <urn:count-test:project> } }");
            update("DELETE WHERE { GRAPH <" + GRAPH + "> { <" + removed + "> ?p ?o } }");
            assertThat(practices()).as("two practices added, one removed").isEqualTo(practices + 1);
            for (String query : UNFILTERED) {
                agree(query, Map.of());
            }
            agree("practices-per-area", Map.of());
            agree("practices-per-area", Map.of(Var.alloc("project"), List.of(iri("urn:count-test:project"))));
            agree("practices-per-area", Map.of(Var.alloc("theme"), List.of(iri(THEME + "digital-transformation")),
                    Var.alloc("country"), List.of(iri(COUNTRY + "SWE"))));
            allAgree(new SplittableRandom(6), 5);
        } finally {
            update("DROP SILENT GRAPH <" + GRAPH + ">");
        }
    }

    /** The unfiltered queries, and practices-per-area for {@code draws} random choices of its three filters. */
    private void allAgree(SplittableRandom random, int draws) {
        for (String query : UNFILTERED) {
            assertThat(agree(query, Map.of())).as(query + " has rows to compare").isPositive();
        }
        List<String> themes = values("SELECT ?v { ?p a <" + IG + "GoodPractice> ; "
                + "<http://purl.org/dc/terms/subject> ?v "
                + "FILTER(STRSTARTS(STR(?v), \"" + THEME + "\")) }");
        List<String> countries = values("SELECT ?v { ?p a <" + IG + "GoodPractice> ; <" + IG + "country> ?v }");
        List<String> projects = values("SELECT ?v { ?p a <" + IG + "GoodPractice> ; <" + IG + "sharedInProject> ?v }");
        int answered = 0;
        for (int i = 0; i < draws; i++) {
            Map<Var, List<Node>> filters = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                // one theme, or two (a practice with either counts once)
                List<Node> chosen = new ArrayList<>(List.of(iri(pick(themes, random))));
                if (random.nextBoolean()) {
                    Node other = iri(pick(themes, random));
                    if (!chosen.contains(other)) {
                        chosen.add(other);
                    }
                }
                filters.put(Var.alloc("theme"), chosen);
            }
            if (random.nextBoolean()) {
                filters.put(Var.alloc("country"), List.of(iri(pick(countries, random))));
            }
            if (random.nextBoolean()) {
                filters.put(Var.alloc("project"), List.of(iri(pick(projects, random))));
            }
            answered += agree("practices-per-area", filters) > 0 ? 1 : 0;
        }
        assertThat(answered).as("draws of practices-per-area with rows to compare").isGreaterThan(draws / 2);
    }

    /** The stored query through the stored-query API, and its reference formulation on /sparql, bound alike. */
    private int agree(String name, Map<Var, List<Node>> filters) {
        StringBuilder parameters = new StringBuilder("per_page=10000");
        filters.forEach((variable, nodes) -> parameters.append('&').append(variable.getVarName()).append('=')
                .append(Http.encode(String.join(",", nodes.stream().map(node -> variable.getVarName().equals("theme")
                        ? node.getURI().substring(THEME.length()) : node.getURI()).toList()))));
        HttpResponse<String> stored = http.get("/api/queries/" + name + "?" + parameters, RESULTS);
        assertThat(stored.statusCode()).as(name + " " + parameters + ": " + stored.body()).isEqualTo(200);
        Query reference = SparqlFiles.withValues(QueryFactory.create(reference(name)), filters);
        List<Binding> expected = rows(select(reference.serialize()));
        assertThat(rows(stored.body())).as(name + " " + filters).containsExactlyElementsOf(expected);
        return expected.size();
    }

    /** The practices as the headline counts them, through the stored-query API. */
    private long practices() {
        HttpResponse<String> headline = http.get("/api/queries/headline-counts", RESULTS);
        return Long.parseLong(rows(headline.body()).get(0).get(Var.alloc("practices")).getLiteralLexicalForm());
    }

    private String select(String query) {
        HttpResponse<String> response = http.send(http.request("/sparql").header("Content-Type",
                "application/sparql-query").header("Accept", RESULTS).POST(HttpRequest.BodyPublishers.ofString(query)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private List<String> values(String query) {
        List<String> values = new ArrayList<>();
        rows(select(query)).forEach(row -> values.add(row.get(Var.alloc("v")).getURI()));
        return values;
    }

    private static List<Binding> rows(String json) {
        ResultSet results = ResultSetMgr.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<Binding> rows = new ArrayList<>();
        results.forEachRemaining(solution -> rows.add(toBinding(solution)));
        return rows;
    }

    private static Binding toBinding(org.apache.jena.query.QuerySolution solution) {
        var builder = Binding.builder();
        solution.varNames().forEachRemaining(name -> builder.add(Var.alloc(name), solution.get(name).asNode()));
        return builder.build();
    }

    private static String reference(String name) {
        String path = "/stored-queries/reference-queries/" + name + ".rq";
        try (InputStream in = PracticeCountQueriesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
