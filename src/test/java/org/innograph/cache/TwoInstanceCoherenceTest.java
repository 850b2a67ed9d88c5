package org.innograph.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.innograph.InnoGraphApplication;
import org.innograph.testing.Http;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two InnoGraph instances over one real Fuseki, as several stateless instances behind a load balancer run:
 * each keeps answers and hands out validators, and neither serves an answer older than its check interval
 * after a write made through the other.
 */
class TwoInstanceCoherenceTest {

    /** Shorter than the default 500 ms only to keep the test quick; the bound it proves is the same. */
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(300);
    private static final Duration OUTSIDE_WRITES_WITHIN = Duration.ofSeconds(3);
    private static final String GRAPH = "https://w3id.org/innograph/graph/coherence-test";
    private static final String VALUES = "SELECT ?o WHERE { <urn:coherence:s> <urn:coherence:p> ?o } ORDER BY ?o";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestFuseki fuseki;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void start() {
        fuseki = TestFuseki.start();
        first = instance();
        second = instance();
        a = Http.onPort(port(first));
        b = Http.onPort(port(second));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        if (fuseki != null) {
            fuseki.close();
        }
    }

    @Test
    void aWriteThroughOneInstanceIsSeenByTheOtherWithinItsCheckInterval() throws InterruptedException {
        HttpResponse<String> before = query(b);
        assertThat(values(before)).isEmpty();
        String etag = before.headers().firstValue("ETag").orElseThrow();

        write(a, 1);
        // Whatever b read before, a request that arrives one check interval after the acknowledgement makes b
        // read the store's marker again before answering.
        Thread.sleep(CHECK_INTERVAL.toMillis());
        HttpResponse<String> after = send(b, etag);
        assertThat(after.statusCode()).as("the old validator no longer matches").isEqualTo(200);
        assertThat(values(after)).containsExactly("1");
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(sameValidatorOnBoth()).as("both instances name the same state alike").isTrue();

        // And the other way round; a's own write is seen by a at once.
        write(b, 2);
        assertThat(values(query(b))).containsExactly("1", "2");
        Thread.sleep(CHECK_INTERVAL.toMillis());
        assertThat(values(query(a))).containsExactly("1", "2");
    }

    @Test
    void aWriteThatBypassesInnoGraphIsSeenWithinTheOutsideWritesBound() throws InterruptedException {
        assertThat(values(query(b))).doesNotContain("99");
        HttpResponse<String> direct = new Http(fuseki.datasetUrl()).post("/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + GRAPH + "> { <urn:coherence:s> <urn:coherence:p> 99 } }", false);
        assertThat(direct.statusCode() / 100).as("written to Fuseki directly").isEqualTo(2);
        Thread.sleep(OUTSIDE_WRITES_WITHIN.plus(CHECK_INTERVAL).toMillis());
        assertThat(values(query(b))).contains("99");
    }

    /**
     * Validators name the outside-writes window too, so two readings can straddle its boundary; three in a row
     * cannot, with requests this quick and a window of seconds.
     */
    private static boolean sameValidatorOnBoth() {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (query(a).headers().firstValue("ETag").equals(query(b).headers().firstValue("ETag"))) {
                return true;
            }
        }
        return false;
    }

    private static void write(Http instance, int value) {
        HttpResponse<String> response = instance.post("/sparql/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + GRAPH + "> { <urn:coherence:s> <urn:coherence:p> " + value + " } }", true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static HttpResponse<String> query(Http instance) {
        return send(instance, null);
    }

    private static HttpResponse<String> send(Http instance, String ifNoneMatch) {
        // As a load balancer in front of both would send it: answers may carry links to the public address.
        HttpRequest.Builder request = instance.request("/sparql?query=" + Http.encode(VALUES))
                .header("Accept", "application/sparql-results+json")
                .header("X-Forwarded-Host", "innograph.example").header("X-Forwarded-Proto", "https");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return instance.send(request);
    }

    private static List<String> values(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("results").path("bindings").valueStream()
                .map(row -> row.path("o").path("value").asString()).toList();
    }

    private static ConfigurableApplicationContext instance() {
        String dataset = fuseki.datasetUrl();
        // Command-line arguments, so that they win over application.yml (the builder's properties would not).
        return new SpringApplicationBuilder(InnoGraphApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--innograph.store.mode=remote",
                "--innograph.store.remote.query-url=" + dataset + "/query",
                "--innograph.store.remote.update-url=" + dataset + "/update",
                "--innograph.store.remote.gsp-url=" + dataset + "/data",
                "--innograph.store.remote.change-check-interval=" + CHECK_INTERVAL.toMillis() + "ms",
                "--innograph.store.remote.outside-writes-within=" + OUTSIDE_WRITES_WITHIN.toMillis() + "ms",
                "--innograph.data.load-on-start=false",
                "--innograph.security.writer.username=" + Http.WRITER,
                "--innograph.security.writer.password=" + Http.WRITER_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

}
