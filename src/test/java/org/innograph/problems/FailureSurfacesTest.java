package org.innograph.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.innograph.testing.TemporaryDirectories;
import org.innograph.testing.Http;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint × every kind of failure, as a client meets them: the status and the media type of the answer,
 * one error model per surface (plain text for the SPARQL protocol, problem details for the JSON APIs, a page for
 * people), and Retry-After where trying again helps. Remote mode over a real Fuseki, so that the store can go down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.data.directories=src/test/resources/fixtures/protocol",
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD,
        "innograph.sparql.query-timeout=8s",
        "innograph.sparql.max-concurrent-queries=1",
        "innograph.sparql.admission-wait=0s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureSurfacesTest {

    static final String PLAIN = "text/plain";
    static final String PROBLEM = "application/problem+json";
    static final String PAGE = "text/html";

    /** A cross product that runs until it is stopped, over the few hundred triples of the fixtures. */
    static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
            + "?m ?n1 ?o . ?q ?r ?t . ?u ?v ?w . ?x ?y ?z }";

    static final TestFuseki FUSEKI = TestFuseki.start();
    /** Clients of their own: the common pool has a single thread on a two-core machine. */
    static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    @LocalServerPort
    int port;
    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        FUSEKI.registerAsRemoteStore(registry);
        Path queries = TemporaryDirectories.removedAtExit("innograph-failure-queries");
        Files.writeString(queries.resolve("endless.rq"), "#+ summary: runs until stopped (test only)\n" + ENDLESS + "\n");
        registry.add("innograph.queries.dir", queries::toString);
    }

    @AfterAll
    static void stopStore() {
        CLIENTS.shutdownNow();
        FUSEKI.close();
    }

    @BeforeEach
    void connect() {
        http = Http.onPort(port);
        http.awaitUiWarmUp();
    }

    @Test
    @Order(1)
    void badInput() {
        SoftAssertions soft = new SoftAssertions();
        expect(soft, "sparql", get("/sparql?query=" + Http.encode("SELECT * WHERE {"), null), 400, PLAIN);
        expect(soft, "stored query", get("/api/queries/practices-by-country", "application/json"), 400, PROBLEM);
        expect(soft, "recommendations", get("/api/recommendations?region=SI03&limit=lots", "application/json"), 400,
                PROBLEM);
        expect(soft, "search", get("/api/search?q=digital&limit=0", "application/json"), 400, PROBLEM);
        expect(soft, "dump", get("/api/dump?graph=not%20an%20iri", null), 400, PROBLEM);
        expect(soft, "import", http.send(Http.withWriter(http.request("/api/imports")
                .header("Content-Type", "application/x-unknown").POST(HttpRequest.BodyPublishers.ofString("x")))),
                415, PROBLEM);
        expect(soft, "page", get("/search?q=x&theme=no-such-theme", PAGE), 400, PAGE);
        soft.assertAll();
    }

    @Test
    @Order(2)
    void unknownResource() {
        SoftAssertions soft = new SoftAssertions();
        expect(soft, "graph store", get("/sparql/data?graph=" + Http.encode("https://example.org/no-such-graph"),
                "text/turtle"), 404, null);
        expect(soft, "stored query", get("/api/queries/no-such-query", "application/json"), 404, PROBLEM);
        expect(soft, "recommendations", get("/api/recommendations?region=SE99", "application/json"), 404, PROBLEM);
        expect(soft, "page", get("/id/practice/no-such-practice", PAGE), 404, PAGE);
        soft.assertAll();
    }

    @Test
    @Order(3)
    void overTheTimeLimit() {
        SoftAssertions soft = new SoftAssertions();
        HttpResponse<String> sparql = get("/sparql?query=" + Http.encode(ENDLESS), null);
        expect(soft, "sparql", sparql, 503, PLAIN);
        soft.assertThat(sparql.body()).contains("time limit");
        HttpResponse<String> stored = get("/api/queries/endless", "application/json");
        expect(soft, "stored query", stored, 503, PROBLEM);
        soft.assertThat(stored.body()).contains("time limit");
        soft.assertAll();
    }

    @Test
    @Order(4)
    void admissionRefused() throws Exception {
        CompletableFuture<HttpResponse<String>> holder = CompletableFuture.supplyAsync(
                () -> get("/sparql?query=" + Http.encode(ENDLESS), null), CLIENTS);
        try {
            waitUntilRunning();
            // Both asked at once while the holder runs: the answer must not depend on which came first.
            CompletableFuture<HttpResponse<String>> stored = CompletableFuture.supplyAsync(
                    () -> get("/api/queries/practices-by-country?country=SI", "application/json"), CLIENTS);
            HttpResponse<String> sparql = get("/sparql?query=" + Http.encode("ASK {}"), null);
            assertThat(holder).as("the holder still runs").isNotDone();
            SoftAssertions soft = new SoftAssertions();
            expect(soft, "sparql", sparql, 503, PLAIN);
            soft.assertThat(sparql.headers().firstValue("Retry-After")).as("sparql Retry-After").hasValue("1");
            expect(soft, "stored query", stored.get(), 503, PROBLEM);
            soft.assertThat(stored.get().headers().firstValue("Retry-After")).as("stored query Retry-After")
                    .hasValue("1");
            soft.assertThat(stored.get().body()).contains("innograph.sparql.max-concurrent-queries");
            soft.assertAll();
        } finally {
            assertThat(holder.get().statusCode()).isEqualTo(503);
        }
    }

    @Test
    @Order(5)
    void cancelledByAnOperator() throws Exception {
        assertCancelled("sparql", () -> get("/sparql?query=" + Http.encode(ENDLESS), null), PLAIN);
        assertCancelled("stored query", () -> get("/api/queries/endless", "application/json"), PROBLEM);
    }

    @Test
    @Order(6)
    void storeDown() {
        FUSEKI.close();
        SoftAssertions soft = new SoftAssertions();
        expectRetry(soft, "sparql", get("/sparql?query=" + Http.encode("ASK {}"), null), PLAIN);
        expectRetry(soft, "stored query", get("/api/queries/practices-by-country?country=SI", "application/json"),
                PROBLEM);
        expectRetry(soft, "dump", get("/api/dump", null), PROBLEM);
        expectRetry(soft, "import", http.send(Http.withWriter(http.request("/api/imports")
                .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(
                        "<https://example.org/a> <https://example.org/b> \"c\"@en .")))), PROBLEM);
        expectRetry(soft, "page", get("/id/practice/house-of-digitalisation", PAGE), PAGE);
        soft.assertAll();
    }

    private void assertCancelled(String endpoint, Supplier<HttpResponse<String>> slow, String mediaType)
            throws Exception {
        CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(slow, CLIENTS);
        long id = waitUntilRunning();
        assertThat(http.send(Http.withWriter(http.request("/admin/queries/" + id).DELETE())).statusCode())
                .isEqualTo(204);
        HttpResponse<String> stopped = running.get();
        SoftAssertions soft = new SoftAssertions();
        expect(soft, endpoint, stopped, 503, mediaType);
        soft.assertThat(stopped.body()).as(endpoint + " says who stopped it").contains("cancelled by an operator");
        soft.assertAll();
    }

    private long waitUntilRunning() throws InterruptedException {
        Pattern id = Pattern.compile("\"id\":(\\d+)");
        for (int attempt = 0; attempt < 400; attempt++) {
            String listing = http.send(Http.withWriter(http.request("/admin/queries").GET())).body();
            Matcher found = id.matcher(listing);
            if (listing.contains("?n1") && found.find()) {
                return Long.parseLong(found.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the slow query never showed in /admin/queries");
    }

    private HttpResponse<String> get(String pathAndQuery, String accept) {
        return http.get(pathAndQuery, accept);
    }

    private static void expect(SoftAssertions soft, String endpoint, HttpResponse<String> response, int status,
                               String mediaType) {
        soft.assertThat(response.statusCode()).as(endpoint + " status: " + response.body()).isEqualTo(status);
        if (mediaType != null) {
            soft.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(endpoint + " media type").startsWith(mediaType);
        }
        soft.assertThat(response.body()).as(endpoint + " says what is wrong").isNotBlank();
    }

    private static void expectRetry(SoftAssertions soft, String endpoint, HttpResponse<String> response,
                                    String mediaType) {
        expect(soft, endpoint, response, 503, mediaType);
        soft.assertThat(response.headers().firstValue("Retry-After")).as(endpoint + " Retry-After").hasValue("10");
    }
}
