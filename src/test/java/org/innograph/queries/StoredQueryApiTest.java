package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;
import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored-query API over real HTTP, on a small fixture graph in embedded TDB2: catalogue, typed binding,
 * representations, errors, paging, the OpenAPI document, and a query file added while the service runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredQueryApiTest {

    private static final Path STORE = temporaryFolder("stored-queries-tdb2");
    private static final Path QUERIES = temporaryFolder("stored-queries-dir");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        for (String file : List.of("typed-echo.rq", "numbers.rq", "broken-header.rq", "is-practice.rq")) {
            try (InputStream in = StoredQueryApiTest.class.getResourceAsStream("/stored-queries/" + file)) {
                Files.copy(in, QUERIES.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("innograph.store.directory", STORE::toString);
        registry.add("innograph.data.directories", () -> Path.of("src/test/resources/stored-queries/data").toString());
        registry.add("innograph.queries.dir", QUERIES::toString);
    }

    @LocalServerPort
    int port;


    @Test
    void catalogueListsShippedAndExternalQueriesWithTypedParameters() {
        JsonNode catalogue = json(get("/api/queries", "application/json"));
        List<String> names = new ArrayList<>();
        catalogue.get("queries").forEach(query -> names.add(query.get("name").asString()));
        assertThat(names).contains("practices-by-theme", "practices-by-region", "nuts-children", "datasets",
                "typed-echo", "numbers");
        assertThat(names.stream().filter(name -> !name.equals("typed-echo") && !name.equals("numbers")))
                .hasSizeGreaterThanOrEqualTo(15);

        JsonNode byTheme = entry(catalogue, "practices-by-theme");
        assertThat(byTheme.get("origin").asString()).isEqualTo("shipped");
        assertThat(byTheme.get("form").asString()).isEqualTo("SELECT");
        assertThat(byTheme.get("per_page").asInt()).isEqualTo(50);
        assertThat(byTheme.get("sparql").asString()).contains("skos:broader*");
        JsonNode theme = byTheme.get("parameters").get(0);
        assertThat(theme.get("name").asString()).isEqualTo("theme");
        assertThat(theme.get("type").asString()).isEqualTo("theme");
        assertThat(theme.get("required").asBoolean()).isTrue();
        assertThat(theme.get("multi").asBoolean()).isTrue();

        JsonNode version = entry(catalogue, "nuts-children").get("parameters").get(1);
        assertThat(version.get("default").asString()).isEqualTo("2021");
        assertThat(version.get("values").toString()).isEqualTo("[\"2021\",\"2024\"]");

        assertThat(entry(catalogue, "federated-wikidata-regions").get("federated").asBoolean()).isTrue();
        assertThat(entry(catalogue, "numbers").get("origin").asString()).isEqualTo("external");
    }

    @Test
    void malformedHeaderIsReportedWithFileAndLineAndTheQueryIsSkipped() {
        JsonNode catalogue = json(get("/api/queries", "application/json"));
        JsonNode skipped = null;
        for (JsonNode file : catalogue.get("skipped")) {
            if (file.get("file").asString().endsWith("broken-header.rq")) {
                skipped = file;
            }
        }
        assertThat(skipped).as("broken-header.rq is listed as skipped").isNotNull();
        assertThat(skipped.get("line").asInt()).isEqualTo(3);
        assertThat(skipped.get("problem").asString()).contains("'integr' is not understood");
        assertThat(get("/api/queries/broken-header", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void practicesByThemeIncludeNarrowerThemesAsTypedJsonWithLabels() {
        HttpResponse<String> response = get("/api/queries/practices-by-theme?theme=digital-transformation",
                "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode page = json(response);
        assertThat(page.get("columns").toString()).isEqualTo("[\"practice\",\"title\",\"matchedTheme\",\"country\"]");
        assertThat(page.get("rows")).hasSize(1);
        JsonNode row = page.get("rows").get(0);
        assertThat(row.get("practice").get("type").asString()).isEqualTo("iri");
        assertThat(row.get("practice").get("value").asString())
                .isEqualTo("https://w3id.org/innograph/id/practice/smart-factory");
        assertThat(row.get("practice").get("label").asString()).isEqualTo("Smart factory");
        assertThat(row.get("matchedTheme").get("label").asString()).isEqualTo("Industry 4.0");
        assertThat(row.get("title").get("value").asString()).isEqualTo("Smart factory");

        JsonNode both = json(get("/api/queries/practices-by-theme?theme=industry-4-0&theme=clusters", "application/json"));
        assertThat(both.get("rows")).hasSize(2);
        JsonNode commaSeparated = json(get("/api/queries/practices-by-theme?theme=industry-4-0,clusters", "application/json"));
        assertThat(commaSeparated.get("rows")).hasSize(2);
    }

    @Test
    void iriCellsAreLabelledByTheRuleThePagesFollow() {
        assertThat(labelOf("label-rule-preferred")).isEqualTo("Z preferred");
        assertThat(labelOf("label-rule-title")).isEqualTo("Only a title");
        assertThat(labelOf("label-rule-language")).isEqualTo("untagged title");
    }

    private String labelOf(String organisation) {
        String iri = "https://w3id.org/innograph/id/organisation/" + organisation;
        HttpResponse<String> response = get("/api/queries/typed-echo?iri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8),
                "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode cell = json(response).get("rows").get(0).get("iri");
        assertThat(cell.get("value").asString()).isEqualTo(iri);
        return cell.get("label").asString();
    }

    @Test
    void regionRollsUpThroughTheNutsHierarchy() {
        JsonNode country = json(get("/api/queries/practices-by-region?region=AT", "application/json"));
        assertThat(values(country, "practice")).containsExactlyInAnyOrder(
                "https://w3id.org/innograph/id/practice/cluster-programme",
                "https://w3id.org/innograph/id/practice/smart-factory");
        JsonNode level1 = json(get("/api/queries/practices-by-region?region=at1", "application/json"));
        assertThat(values(level1, "practice")).containsExactly("https://w3id.org/innograph/id/practice/smart-factory");
    }

    @Test
    void everyParameterTypeIsBoundAsATypedTerm() {
        String injection = "x\" } ; DROP ALL ; SELECT * { \"";
        JsonNode row = json(get("/api/queries/typed-echo?i=42&d=0.5&b=TRUE&day=2020-06-30&ls=Wien@de"
                + "&iri=https://example.org/a&region=at12&t=industry-4-0&colour=red&s=" + encode(injection),
                "application/json")).get("rows").get(0);
        assertThat(row.get("i").get("value").isNumber()).isTrue();
        assertThat(row.get("i").get("value").asInt()).isEqualTo(42);
        assertThat(row.get("i").get("datatype").asString()).isEqualTo("http://www.w3.org/2001/XMLSchema#integer");
        assertThat(row.get("d").get("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(row.get("b").get("value").asBoolean()).isTrue();
        assertThat(row.get("day").get("value").asString()).isEqualTo("2020-06-30");
        assertThat(row.get("day").get("datatype").asString()).isEqualTo("http://www.w3.org/2001/XMLSchema#date");
        assertThat(row.get("ls").get("value").asString()).isEqualTo("Wien");
        assertThat(row.get("ls").get("lang").asString()).isEqualTo("de");
        assertThat(row.get("iri").get("type").asString()).isEqualTo("iri");
        assertThat(row.get("region").get("value").asString()).isEqualTo("http://data.europa.eu/nuts/code/AT12");
        assertThat(row.get("region").get("label").asString()).isEqualTo("Niederösterreich");
        assertThat(row.get("t").get("value").asString()).isEqualTo("https://w3id.org/innograph/theme/industry-4-0");
        // A value that looks like SPARQL stays a literal: it cannot change the query.
        assertThat(row.get("s").get("value").asString()).isEqualTo(injection);
    }

    @Test
    void wrongTypeUnknownAndMissingParametersAre400NamingTheParameter() {
        HttpResponse<String> wrongType = get("/api/queries/typed-echo?i=forty-two", "application/json");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(wrongType);
        assertThat(problem.get("parameter").asString()).isEqualTo("i");
        assertThat(problem.get("expected").asString()).contains("whole number");
        assertThat(problem.get("detail").asString()).contains("'forty-two'");

        JsonNode unknown = json(get("/api/queries/practices-by-theme?theme=clusters&colour=red", "application/json"));
        assertThat(unknown.get("status").asInt()).isEqualTo(400);
        assertThat(unknown.get("parameter").asString()).isEqualTo("colour");
        assertThat(unknown.get("detail").asString()).contains("Unknown parameter 'colour'").contains("takes theme");

        JsonNode missing = json(get("/api/queries/practices-by-theme", "application/json"));
        assertThat(missing.get("parameter").asString()).isEqualTo("theme");
        assertThat(missing.get("detail").asString()).contains("Missing required parameter 'theme'");

        JsonNode notAllowed = json(get("/api/queries/typed-echo?colour=blue", "application/json"));
        assertThat(notAllowed.get("parameter").asString()).isEqualTo("colour");
        assertThat(notAllowed.get("expected").asString()).isEqualTo("one of red, green");

        JsonNode repeated = json(get("/api/queries/typed-echo?i=1&i=2", "application/json"));
        assertThat(repeated.get("detail").asString()).contains("takes one value");

        HttpResponse<String> badNuts = get("/api/queries/practices-by-region?region=Lower+Austria", "text/csv");
        assertThat(badNuts.statusCode()).as("errors are problem JSON even when CSV was asked for").isEqualTo(400);
        assertThat(json(badNuts).get("parameter").asString()).isEqualTo("region");

        assertThat(json(get("/api/queries/numbers?per_page=0", "application/json")).get("parameter").asString())
                .isEqualTo("per_page");
        assertThat(get("/api/queries/no-such-query", "application/json").statusCode()).isEqualTo(404);
        assertThat(get("/api/queries/numbers", "image/png").statusCode()).isEqualTo(406);
    }

    @Test
    void pagesCarryRfc8288LinksToFirstPreviousAndNext() {
        HttpResponse<String> first = get("/api/queries/numbers", "application/json");
        assertThat(numbers(json(first))).containsExactly(1, 2, 3);
        assertThat(json(first).get("has_next").asBoolean()).isTrue();
        String links = first.headers().firstValue("Link").orElseThrow();
        assertThat(links).contains("page=1>; rel=\"first\"").contains("page=2>; rel=\"next\"").doesNotContain("prev");

        HttpResponse<String> last = get("/api/queries/numbers?page=3", "application/json");
        assertThat(numbers(json(last))).containsExactly(7);
        assertThat(last.headers().firstValue("Link").orElseThrow())
                .contains("page=2>; rel=\"prev\"").doesNotContain("rel=\"next\"");

        HttpResponse<String> sized = get("/api/queries/numbers?per_page=5&page=2&from=2", "text/csv");
        assertThat(sized.body().strip().split("\\R")).containsExactly("n", "7");
        assertThat(sized.headers().firstValue("Link").orElseThrow())
                .contains("/api/queries/numbers?per_page=5&from=2&page=1>; rel=\"first\"");

        assertThat(numbers(json(get("/api/queries/numbers?only=2&only=6,7&per_page=10", "application/json"))))
                .containsExactly(2, 6, 7);
        assertThat(json(get("/api/queries/numbers?page=9", "application/json")).get("rows")).isEmpty();
    }

    @Test
    void selectResultsComeAsCsvTsvAndSparqlJsonByAccept() {
        HttpResponse<String> csv = get("/api/queries/numbers?per_page=2", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().strip().split("\\R")).containsExactly("n", "1", "2");

        HttpResponse<String> tsv = get("/api/queries/numbers?per_page=1", "text/tab-separated-values");
        assertThat(tsv.body().strip().split("\\R")).containsExactly("?n", "1");

        JsonNode sparqlJson = json(get("/api/queries/numbers?per_page=1", "application/sparql-results+json"));
        assertThat(sparqlJson.get("head").get("vars").toString()).isEqualTo("[\"n\"]");
        assertThat(sparqlJson.get("results").get("bindings").get(0).get("n").get("value").asString()).isEqualTo("1");

        assertThat(get("/api/queries/numbers?per_page=1&format=csv", "application/json").body())
                .startsWith("n");
    }

    @Test
    void constructResultsComeAsTurtleJsonLdAndNTriples() {
        String path = "/api/queries/practice-description?practice=" + encode("https://w3id.org/innograph/id/practice/smart-factory");
        for (String[] format : new String[][] {{"text/turtle", "TTL"}, {"application/ld+json", "JSON-LD"},
                {"application/n-triples", "N-TRIPLES"}}) {
            HttpResponse<String> response = get(path, format[0]);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(format[0]);
            Model graph = ModelFactory.createDefaultModel();
            RDFParser.fromString(response.body(), org.apache.jena.riot.RDFLanguages.nameToLang(format[1]))
                    .parse(graph);
            assertThat(graph.contains(graph.createResource("https://w3id.org/innograph/id/practice/smart-factory"),
                    graph.createProperty("http://purl.org/dc/terms/title"), "Smart factory")).isTrue();
            assertThat(graph.contains(graph.createResource("https://w3id.org/innograph/theme/industry-4-0"),
                    graph.createProperty("http://www.w3.org/2000/01/rdf-schema#label"),
                    graph.createLiteral("Industry 4.0", "en"))).isTrue();
        }
        assertThat(json(get(path + "&page=2", "text/turtle")).get("parameter").asString()).isEqualTo("page");
    }

    @Test
    void askResultsComeAsJsonAndSparqlJson() {
        String path = "/api/queries/is-practice?resource=";
        JsonNode yes = json(get(path + encode("https://w3id.org/innograph/id/practice/smart-factory"), "application/json"));
        assertThat(yes.get("boolean").asBoolean()).isTrue();
        JsonNode no = json(get(path + encode("https://w3id.org/innograph/theme/clusters"), "application/sparql-results+json"));
        assertThat(no.get("boolean").asBoolean()).isFalse();
    }

    @Test
    void openApiHasOneTypedOperationPerStoredQuery() {
        JsonNode api = json(get("/v3/api-docs", "application/json"));
        JsonNode catalogue = json(get("/api/queries", "application/json"));
        JsonNode paths = api.get("paths");
        for (JsonNode query : catalogue.get("queries")) {
            String name = query.get("name").asString();
            JsonNode operation = paths.get("/api/queries/" + name).get("get");
            assertThat(operation.get("operationId").asString()).isEqualTo(name);
            assertThat(operation.get("summary").asString()).isEqualTo(query.get("summary").asString());
        }
        assertThat(paths.has("/api/queries/{name}")).as("the generic mapping is not documented").isFalse();

        JsonNode echo = paths.get("/api/queries/typed-echo").get("get");
        assertThat(parameter(echo, "i").get("schema").get("type").asString()).isEqualTo("integer");
        assertThat(parameter(echo, "d").get("schema").get("type").asString()).isEqualTo("number");
        assertThat(parameter(echo, "b").get("schema").get("type").asString()).isEqualTo("boolean");
        assertThat(parameter(echo, "day").get("schema").get("format").asString()).isEqualTo("date");
        assertThat(parameter(echo, "iri").get("schema").get("format").asString()).isEqualTo("uri");
        assertThat(parameter(echo, "colour").get("schema").get("enum").toString()).isEqualTo("[\"red\",\"green\"]");

        JsonNode byTheme = paths.get("/api/queries/practices-by-theme").get("get");
        JsonNode theme = parameter(byTheme, "theme");
        assertThat(theme.get("required").asBoolean()).isTrue();
        assertThat(theme.get("schema").get("type").asString()).isEqualTo("array");
        assertThat(theme.get("explode").asBoolean()).isTrue();
        assertThat(parameter(byTheme, "per_page").get("schema").get("default").asInt()).isEqualTo(50);
        assertThat(byTheme.get("responses").get("200").get("content").propertyNames())
                .contains("application/json", "text/csv", "text/tab-separated-values", "application/sparql-results+json");
        assertThat(byTheme.get("responses").get("400").get("content").has("application/problem+json")).isTrue();

        JsonNode construct = paths.get("/api/queries/practice-description").get("get");
        assertThat(construct.get("responses").get("200").get("content").propertyNames())
                .contains("text/turtle", "application/ld+json", "application/n-triples");
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> ui = get("/swagger-ui/index.html", "text/html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(get("/swagger-ui", "text/html").statusCode()).isEqualTo(302);
    }

    @Test
    void aQueryFileDroppedIntoTheFolderIsServedWithoutRestart() throws IOException {
        assertThat(get("/api/queries/themes-by-label", "application/json").statusCode()).isEqualTo(404);
        Files.writeString(QUERIES.resolve("themes-by-label.rq"), """
                #+ summary: Themes whose English label contains a word
                #+ param: word string required — part of the label
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?theme WHERE {
                  ?theme skos:prefLabel ?label
                  FILTER (CONTAINS(LCASE(?label), LCASE(?word)))
                }
                """);
        JsonNode answer = json(get("/api/queries/themes-by-label?word=industry", "application/json"));
        assertThat(values(answer, "theme")).containsExactly("https://w3id.org/innograph/theme/industry-4-0");
        assertThat(names(json(get("/api/queries", "application/json")))).contains("themes-by-label");
        assertThat(json(get("/v3/api-docs", "application/json")).get("paths").has("/api/queries/themes-by-label"))
                .isTrue();
    }

    private HttpResponse<String> get(String path, String accept) {
        return Http.onPort(port).get(path, accept);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode entry(JsonNode catalogue, String name) {
        for (JsonNode query : catalogue.get("queries")) {
            if (query.get("name").asString().equals(name)) {
                return query;
            }
        }
        throw new AssertionError("no query " + name + " in the catalogue");
    }

    private static List<String> names(JsonNode catalogue) {
        List<String> names = new ArrayList<>();
        catalogue.get("queries").forEach(query -> names.add(query.get("name").asString()));
        return names;
    }

    private static List<String> values(JsonNode page, String column) {
        List<String> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get(column).get("value").asString()));
        return values;
    }

    private static List<Integer> numbers(JsonNode page) {
        List<Integer> numbers = new ArrayList<>();
        page.get("rows").forEach(row -> numbers.add(row.get("n").get("value").asInt()));
        return numbers;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(folder);
                } catch (IOException e) {
                    // a leftover temporary folder is not worth failing the build for
                }
            }));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
