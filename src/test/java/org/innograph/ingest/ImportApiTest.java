package org.innograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/imports} over real HTTP, against a real TDB2 store. */
class ImportApiTest extends ApiTestSupport {

    private static final String PRACTICE = "https://w3id.org/innograph/id/practice/digital-innovation-vouchers-vienna";
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "imports/practice.ttl, text/turtle",
            "imports/practice.nt, application/n-triples",
            "imports/practice.nq, application/n-quads",
            "imports/practice.trig, application/trig",
            "imports/practice.jsonld, application/ld+json",
            "imports/practice.rdf, application/rdf+xml"})
    void everyRdfSyntaxIsImportedIntoItsOwnGraph(String file, String type) {
        String batch = "format-" + file.substring(file.lastIndexOf('.') + 1);
        HttpResponse<String> response = post("/api/imports?batch=" + batch + "&name=" + encode(file), type,
                fixture(file), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode outcome = json.readTree(response.body());
        assertThat(outcome.path("result").asString()).isEqualTo("created");
        assertThat(outcome.path("batch").path("graph").asString())
                .isEqualTo("https://w3id.org/innograph/graph/import/" + batch);
        assertThat(outcome.path("batch").path("triples").asLong()).isEqualTo(9);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/imports/" + batch);
        assertThat(titleIn("https://w3id.org/innograph/graph/import/" + batch))
                .isEqualTo("Digital innovation vouchers, Vienna");
        assertThat(delete("/api/imports/" + batch, true).statusCode()).isEqualTo(204);
    }

    @Test
    void provenanceSaysWhenWhoWhichFileWhichContentAndWhichTool() throws Exception {
        byte[] content = fixture("imports/practice.ttl");
        HttpResponse<String> response = post("/api/imports?batch=provenance&name=vouchers.ttl", "text/turtle",
                content, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        ParameterizedSparqlString query = new ParameterizedSparqlString("""
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX ig: <https://w3id.org/innograph/ontology#>
                SELECT ?user ?file ?hash ?tool ?started ?ended WHERE { GRAPH ?g {
                  ?g prov:wasGeneratedBy ?import ; prov:wasDerivedFrom ?source .
                  ?import a prov:Activity ; prov:used ?source ; prov:startedAtTime ?started ; prov:endedAtTime ?ended ;
                          prov:wasAssociatedWith [ foaf:accountName ?user ] , [ a prov:SoftwareAgent ; rdfs:label ?tool ] .
                  ?source dct:title ?file ; ig:contentHash ?hash .
                } }""");
        query.setIri("g", "https://w3id.org/innograph/graph/import/provenance");
        List<String> row = store.read(connection -> {
            try (var execution = connection.query(query.asQuery())) {
                var solution = execution.execSelect().next();
                return List.of(solution.getLiteral("user").getString(), solution.getLiteral("file").getString(),
                        solution.getLiteral("hash").getString(), solution.getLiteral("tool").getString(),
                        solution.getLiteral("started").getLexicalForm(), solution.getLiteral("ended").getLexicalForm());
            }
        });
        assertThat(row.get(0)).isEqualTo(USER);
        assertThat(row.get(1)).isEqualTo("vouchers.ttl");
        assertThat(row.get(2)).isEqualTo(ImportService.sha256(content)).hasSize(64);
        assertThat(row.get(3)).startsWith("InnoGraph ");
        // As instants: xsd:dateTime drops trailing zeros of the fraction, so the texts do not sort as times do.
        assertThat(java.time.Instant.parse(row.get(4))).isBeforeOrEqualTo(java.time.Instant.parse(row.get(5)));

        JsonNode listed = json.readTree(get("/api/imports").body());
        JsonNode batch = null;
        for (JsonNode each : listed) {
            if (each.path("id").asString().equals("provenance")) {
                batch = each;
            }
        }
        assertThat(batch).as(listed.toString()).isNotNull();
        assertThat(batch.path("user").asString()).isEqualTo(USER);
        assertThat(batch.path("fileName").asString()).isEqualTo("vouchers.ttl");
        assertThat(batch.path("format").asString()).isEqualTo("text/turtle");
        delete("/api/imports/provenance", true);
    }

    @Test
    void importingTheSameContentAgainChangesNothing() {
        byte[] content = fixture("imports/practice.nt");
        HttpResponse<String> first = post("/api/imports", "application/n-triples", content, true);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String id = json.readTree(first.body()).path("batch").path("id").asString();
        assertThat(id).isEqualTo(ImportService.sha256(content).substring(0, 16));
        DatasetGraph before = snapshot();
        long generation = store.generation();

        HttpResponse<String> again = post("/api/imports", "application/n-triples", content, true);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("result").asString()).isEqualTo("unchanged");
        assertThat(store.generation()).as("no write at all").isEqualTo(generation);
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
        delete("/api/imports/" + id, true);
    }

    @Test
    void replacingABatchReplacesItsGraph() {
        String first = new String(fixture("imports/practice.ttl"), StandardCharsets.UTF_8);
        assertThat(post("/api/imports?batch=replace-me", "text/turtle", first.getBytes(StandardCharsets.UTF_8), true)
                .statusCode()).isEqualTo(201);
        String second = first.replace("Digital innovation vouchers, Vienna", "Digital vouchers for Vienna");

        HttpResponse<String> response = post("/api/imports?batch=replace-me", "text/turtle",
                second.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("result").asString()).isEqualTo("replaced");
        assertThat(titleIn("https://w3id.org/innograph/graph/import/replace-me")).isEqualTo("Digital vouchers for Vienna");
        assertThat(countIn("https://w3id.org/innograph/graph/import/replace-me", "Digital innovation vouchers, Vienna"))
                .isZero();
        assertThat(delete("/api/imports/replace-me", true).statusCode()).isEqualTo(204);
        assertThat(delete("/api/imports/replace-me", true).statusCode()).isEqualTo(404);
        assertThat(titleIn("https://w3id.org/innograph/graph/import/replace-me")).isNull();
    }

    @Test
    void csvTemplateRowsBecomePracticesWithThemesAndRegions() {
        HttpResponse<String> response = post("/api/imports?batch=template&name=practices.csv", "text/csv",
                fixture("imports/practices.csv"), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        ParameterizedSparqlString query = new ParameterizedSparqlString("""
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX ig: <https://w3id.org/innograph/ontology#>
                SELECT ?id (GROUP_CONCAT(DISTINCT STR(?theme); separator=" ") AS ?themes)
                       (GROUP_CONCAT(DISTINCT STR(?place); separator=" ") AS ?places) ?clusters WHERE {
                  GRAPH ?g { ?p a ig:GoodPractice ; dct:identifier ?id ; dct:subject ?theme ; dct:spatial ?place .
                             OPTIONAL { ?p ig:involvesClusters ?clusters } } }
                GROUP BY ?id ?clusters ORDER BY ?id""");
        query.setIri("g", "https://w3id.org/innograph/graph/import/template");
        List<String> rows = store.read(connection -> {
            List<String> out = new java.util.ArrayList<>();
            connection.querySelect(query.asQuery(), row -> out.add(row.getLiteral("id").getString() + " | "
                    + sorted(row.getLiteral("themes").getString()) + " | " + sorted(row.getLiteral("places").getString())
                    + " | " + row.getLiteral("clusters").getBoolean()));
            return out;
        });
        assertThat(rows).containsExactly(
                "T-10 | clusters digital-transformation smes | AT AT12 | true",
                "T-11 | skills smes | EL EL30 | false");
        delete("/api/imports/template", true);
    }

    @Test
    void csvCellsThatCannotBeMappedAreReportedByRowAndColumnAndNothingIsWritten() {
        DatasetGraph before = snapshot();

        HttpResponse<String> response = post("/api/imports", "text/csv", fixture("imports/practices-bad-cells.csv"), true);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problems = json.readTree(response.body()).path("problems");
        assertThat(problems.size()).as(response.body()).isEqualTo(2);
        assertThat(problems.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(problems.get(0).path("column").asString()).isEqualTo("country");
        assertThat(problems.get(0).path("value").asString()).isEqualTo("XY");
        assertThat(problems.get(1).path("row").asInt()).isEqualTo(3);
        assertThat(problems.get(1).path("column").asString()).isEqualTo("topics");
        assertThat(problems.get(1).path("message").asString()).contains("topic_themes.csv");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void shaclViolationsOfCsvRowsArePlacedInTheirCell() {
        DatasetGraph before = snapshot();

        HttpResponse<String> response = post("/api/imports", "text/csv", fixture("imports/practices-no-source.csv"), true);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body()).path("problems").get(0);
        assertThat(problem.path("row").asInt()).isEqualTo(2);
        assertThat(problem.path("column").asString()).isEqualTo("source_url");
        assertThat(problem.path("focusNode").asString())
                .isEqualTo("https://w3id.org/innograph/id/practice/practice-without-a-source");
        assertThat(problem.path("message").asString()).contains("dct:source");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void shaclViolationsNameFocusNodePathValueAndMessageAndNothingIsWritten() {
        String practice = new String(fixture("imports/practice.ttl"), StandardCharsets.UTF_8)
                .replace("<http://data.europa.eu/nuts/code/AT13>", "<http://data.europa.eu/nuts/code/AT99>")
                .replace("    ig:summary \"Small grants that let SMEs buy digitalisation advice.\"@en ;\n", "");
        DatasetGraph before = snapshot();

        HttpResponse<String> response = post("/api/imports", "text/turtle", practice.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json.readTree(response.body());
        assertThat(report.path("detail").asString()).contains("SHACL");
        List<String> problems = new java.util.ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.path("focusNode").asString() + " " + p.path("path").asString()
                + " " + p.path("value").asString("-") + " " + p.path("message").asString()));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(PRACTICE + " <https://w3id.org/innograph/ontology#summary>"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("<http://data.europa.eu/nuts/code/AT99>")
                .contains("not a labelled region"));
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void malformedRdfIs400WithItsLineAndNothingIsWritten() {
        DatasetGraph before = snapshot();

        HttpResponse<String> response = post("/api/imports", "text/turtle",
                "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e ex:f ex:g .\n"
                        .getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("Turtle").contains("line 3");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void csvThatIsNotTheTemplateOrNotCsvIsRefusedAndNothingIsWritten() {
        DatasetGraph before = snapshot();

        HttpResponse<String> wrongHeader = post("/api/imports", "text/csv",
                "gp_id,title,sumary\nT-1,A practice,Text\n".getBytes(StandardCharsets.UTF_8), true);
        HttpResponse<String> unclosedQuote = post("/api/imports", "text/csv",
                (String.join(",", PracticeTemplate.COLUMNS) + "\nT-1,\"A practice,AT\n").getBytes(StandardCharsets.UTF_8), true);

        assertThat(wrongHeader.statusCode()).isEqualTo(422);
        JsonNode problems = json.readTree(wrongHeader.body()).path("problems");
        List<String> columns = new java.util.ArrayList<>();
        problems.forEach(problem -> {
            assertThat(problem.path("row").asInt()).isEqualTo(1);
            columns.add(problem.path("column").asString());
        });
        assertThat(columns).contains("sumary", "summary_own_words", "source_url");
        assertThat(unclosedQuote.statusCode()).as(unclosedQuote.body()).isEqualTo(400);
        assertThat(json.readTree(unclosedQuote.body()).path("detail").asString()).startsWith("Malformed CSV");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void tooLargeIs413AndNothingIsWritten() {
        DatasetGraph before = snapshot();
        byte[] big = new byte[65 * 1024];
        java.util.Arrays.fill(big, (byte) '#');

        HttpResponse<String> response = post("/api/imports", "text/turtle", big, true);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("innograph.imports.max-size");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void unknownMediaTypeIs415AndNothingIsWritten() {
        DatasetGraph before = snapshot();

        HttpResponse<String> response = post("/api/imports", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("text/turtle").contains("text/csv");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void withoutCredentialsNothingIsImportedOrDeleted() {
        DatasetGraph before = snapshot();

        assertThat(post("/api/imports", "text/turtle", fixture("imports/practice.ttl"), false).statusCode()).isEqualTo(401);
        assertThat(delete("/api/imports/anything", false).statusCode()).isEqualTo(401);
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
        assertThat(get("/api/imports").statusCode()).as("listing is a read").isEqualTo(200);
    }

    @Test
    void jsonLdRemoteContextsAreNeverFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"@context\":{\"title\":\"http://purl.org/dc/terms/title\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String document = "{\"@context\": \"http://127.0.0.1:" + server.getAddress().getPort() + "/context.jsonld\","
                    + " \"@id\": \"https://example.org/x\", \"title\": \"x\"}";
            DatasetGraph before = snapshot();

            HttpResponse<String> response = post("/api/imports", "application/ld+json",
                    document.getBytes(StandardCharsets.UTF_8), true);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("does not fetch remote JSON-LD");
            assertThat(requests.get()).as("requests the server received").isZero();
            assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rdfXmlExternalEntitiesAreNotResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dct=\"http://purl.org/dc/terms/\">"
                + "<rdf:Description rdf:about=\"https://example.org/x\"><dct:title>&secret;</dct:title></rdf:Description>"
                + "</rdf:RDF>";

        HttpResponse<String> response = post("/api/imports?batch=xxe", "application/rdf+xml",
                document.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.body()).doesNotContain("TOP-SECRET-CONTENT");
        boolean leaked = store.read(connection -> connection.queryAsk(
                "ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"TOP-SECRET\")) } }"));
        assertThat(leaked).isFalse();
        delete("/api/imports/xxe", true);
    }

    private String titleIn(String graph) {
        ParameterizedSparqlString query = new ParameterizedSparqlString(
                "SELECT ?t WHERE { GRAPH ?g { ?p a <https://w3id.org/innograph/ontology#GoodPractice> ; "
                        + "<http://purl.org/dc/terms/title> ?t } }");
        query.setIri("g", graph);
        return store.read(connection -> {
            try (var execution = connection.query(query.asQuery())) {
                var rows = execution.execSelect();
                return rows.hasNext() ? rows.next().getLiteral("t").getString() : null;
            }
        });
    }

    private long countIn(String graph, String title) {
        ParameterizedSparqlString query = new ParameterizedSparqlString(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p <http://purl.org/dc/terms/title> ?t } }");
        query.setIri("g", graph);
        query.setLiteral("t", title);
        return store.read(connection -> {
            try (var execution = connection.query(query.asQuery())) {
                return execution.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static String sorted(String words) {
        return String.join(" ", java.util.Arrays.stream(words.split(" "))
                .map(w -> w.substring(w.lastIndexOf('/') + 1)).sorted().toList());
    }
}
