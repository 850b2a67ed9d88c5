package org.innograph.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validators, freshness and kept answers on every read, as an HTTP client sees them. */
class HttpCachingTest extends ShippedDataServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRAPH = "https://w3id.org/innograph/graph/cache-test";
    private static final String PRACTICES =
            "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/innograph/ontology#GoodPractice> }";
    private static final String NOTES = "SELECT ?o WHERE { <urn:cache-test:s> <urn:cache-test:p> ?o } ORDER BY ?o";
    private static final String JSON_RESULTS = "application/sparql-results+json";

    @AfterEach
    void dropTestGraph() {
        update("DROP SILENT GRAPH <" + GRAPH + ">");
    }

    @Test
    void aRepeatedQueryIsAnsweredWithoutEvaluatingItAndRevalidatedWithA304() {
        HttpResponse<String> first = get(PRACTICES, JSON_RESULTS);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        assertThat(first.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept"));

        long evaluated = queriesRun();
        HttpResponse<String> again = get(PRACTICES, JSON_RESULTS);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(queriesRun()).as("the repeated query was not evaluated again").isEqualTo(evaluated);

        for (String ifNoneMatch : List.of(etag, "\"other\", " + etag, "W/" + etag, "*")) {
            HttpResponse<String> notModified = http.send(http.request("/sparql?query=" + Http.encode(PRACTICES))
                    .header("Accept", JSON_RESULTS).header("If-None-Match", ifNoneMatch));
            assertThat(notModified.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        }
        assertThat(queriesRun()).isEqualTo(evaluated);
        HttpResponse<String> otherTag = http.send(http.request("/sparql?query=" + Http.encode(PRACTICES))
                .header("Accept", JSON_RESULTS).header("If-None-Match", "\"not-this-one\""));
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(first.body());
    }

    @Test
    void getAndBothPostFormsOfOneQueryShareTheirValidatorButNotAcrossFormats() {
        String etag = get(PRACTICES, JSON_RESULTS).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> body = http.send(http.request("/sparql").header("Content-Type",
                "application/sparql-query; charset=utf-8").header("Accept", JSON_RESULTS)
                .POST(HttpRequest.BodyPublishers.ofString(PRACTICES)));
        HttpResponse<String> form = http.send(http.request("/sparql/query").header("Content-Type",
                "application/x-www-form-urlencoded").header("Accept", JSON_RESULTS)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + Http.encode(PRACTICES))));
        assertThat(body.headers().firstValue("ETag")).hasValue(etag);
        assertThat(form.headers().firstValue("ETag")).hasValue(etag);
        HttpResponse<String> posted304 = http.send(http.request("/sparql").header("Content-Type",
                "application/sparql-query").header("Accept", JSON_RESULTS).header("If-None-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(PRACTICES)));
        assertThat(posted304.statusCode()).isEqualTo(304);

        HttpResponse<String> csv = get(PRACTICES, "text/csv");
        assertThat(csv.body()).startsWith("n");
        assertThat(csv.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void aWriteChangesEveryValidatorAndTheNextReadHasTheWrittenData() {
        HttpResponse<String> before = get(NOTES, JSON_RESULTS);
        assertThat(rows(before)).isEmpty();
        String etag = before.headers().firstValue("ETag").orElseThrow();
        String page = http.get("/api/search?q=cachetestword", null).headers().firstValue("ETag").orElseThrow();

        for (int i = 1; i <= 3; i++) {
            update("INSERT DATA { GRAPH <" + GRAPH + "> { <urn:cache-test:s> <urn:cache-test:p> " + i + " } }");
            HttpResponse<String> after = http.send(http.request("/sparql?query=" + Http.encode(NOTES))
                    .header("Accept", JSON_RESULTS).header("If-None-Match", etag));
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(rows(after)).as("everything written so far").hasSize(i);
            assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            etag = after.headers().firstValue("ETag").orElseThrow();
        }
        assertThat(http.get("/api/search?q=cachetestword", null).headers().firstValue("ETag"))
                .isPresent().get().isNotEqualTo(page);
    }

    @Test
    void writesErrorsAndVolatileQueriesAreNeverKept() {
        var write = http.post("/sparql/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + GRAPH + "> { <urn:cache-test:s> <urn:cache-test:p> 1 } }", true);
        assertThat(write.statusCode()).isEqualTo(204);
        assertThat(write.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(write.headers().firstValue("ETag")).isEmpty();

        HttpResponse<String> malformed = get("SELECT ?x WHERE { ?x", JSON_RESULTS);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(malformed.headers().firstValue("ETag")).isEmpty();
        HttpResponse<String> anyTag = http.send(http.request("/sparql?query=" + Http.encode("SELECT ?x WHERE { ?x"))
                .header("If-None-Match", "*"));
        assertThat(anyTag.statusCode()).as("If-None-Match: * does not hide an error").isEqualTo(400);
        assertThat(anyTag.body()).contains("Malformed query");

        assertThat(http.get("/id/practice/no-such-practice", "text/turtle").headers().firstValue("Cache-Control"))
                .hasValue("no-store");

        for (String query : List.of("SELECT (RAND() AS ?r) WHERE {}", "SELECT (STRUUID() AS ?r) WHERE {}",
                "SELECT ?now WHERE { BIND(NOW() AS ?now) }")) {
            HttpResponse<String> first = get(query, JSON_RESULTS);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("ETag")).as(query).isEmpty();
            assertThat(first.headers().firstValue("Cache-Control")).as(query).hasValue("no-store");
            long evaluated = queriesRun();
            get(query, JSON_RESULTS);
            assertThat(queriesRun()).as(query + " is evaluated every time").isEqualTo(evaluated + 1);
        }
    }

    @Test
    void anAnswerLargerThanTheCapStreamsWithItsValidatorButIsEvaluatedEachTime() {
        // Well over the default 4 MB cap in SPARQL JSON.
        String large = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 60000";
        HttpResponse<String> first = get(large, JSON_RESULTS);
        assertThat(first.body().length()).isGreaterThan(4_400_000);
        assertThat(first.headers().firstValue("ETag")).isPresent();
        long evaluated = queriesRun();
        assertThat(get(large, JSON_RESULTS).body()).isEqualTo(first.body());
        assertThat(queriesRun()).isEqualTo(evaluated + 1);
    }

    @Test
    void aRefusalTheDataDecidesIsKeptButGoesOutUncached() {
        // More groups than one query may hold (innograph.store.max-rows-in-memory): refused with 422 only after
        // tens of thousands of triples are read. Asked again at the same version, it is refused without that work.
        String refused = "SELECT ?s ?p ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ?p ?o";
        HttpResponse<String> first = get(refused, JSON_RESULTS);
        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(first.body()).contains("innograph.store.max-rows-in-memory");
        long evaluated = queriesRun();
        HttpResponse<String> again = get(refused, JSON_RESULTS);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(again.headers().firstValue("ETag")).isEmpty();
        assertThat(queriesRun()).as("the kept refusal answered it").isEqualTo(evaluated);
        HttpResponse<String> anyTag = http.send(http.request("/sparql?query=" + Http.encode(refused))
                .header("Accept", JSON_RESULTS).header("If-None-Match", "*"));
        assertThat(anyTag.statusCode()).as("If-None-Match: * has no current answer to match").isEqualTo(422);
    }

    @Test
    void storedQueriesPagesSearchAndRecommendationsAreRevalidatedToo() {
        for (String path : List.of("/api/queries/practice-counts-per-country", "/api/search?q=cluster",
                "/api/recommendations?region=SE31&limit=3", "/", "/.well-known/void", "/ontology",
                "/id/practice/active-role-of-business-support-organisation-in-cluster-support-slovakia")) {
            HttpResponse<String> first = http.get(path, null);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag")
                    .orElseThrow(() -> new AssertionError(path + " has no ETag"));
            HttpResponse<String> head = http.send(http.request(path)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.headers().firstValue("ETag")).as(path).hasValue(etag);
            HttpResponse<String> again = http.send(http.request(path).header("If-None-Match", etag));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void corsHeadersFollowEachRequestsOriginNotTheKeptAnswer() {
        get(PRACTICES, JSON_RESULTS);
        HttpResponse<String> fromPage = http.send(http.request("/sparql?query=" + Http.encode(PRACTICES))
                .header("Accept", JSON_RESULTS).header("Origin", "https://notebook.example"));
        assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(String.join(",", fromPage.headers().allValues("Vary"))).contains("Origin").contains("Accept");
        HttpResponse<String> plain = get(PRACTICES, JSON_RESULTS);
        assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> get(String query, String accept) {
        return http.get("/sparql?query=" + Http.encode(query), accept);
    }

    private static List<JsonNode> rows(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("results").path("bindings").valueStream().toList();
    }

    private long queriesRun() {
        return queriesRun(http);
    }

    /** Queries the store has run, by the service's own metrics. */
    static long queriesRun(Http http) {
        JsonNode metric = JSON.readTree(http.get("/actuator/metrics/innograph.sparql.queries", null).body());
        for (JsonNode measurement : metric.path("measurements")) {
            if (measurement.path("statistic").asString().equals("COUNT")) {
                return (long) measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }
}
