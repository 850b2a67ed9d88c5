package org.innograph.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.innograph.testing.CachingProxy;
import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * InnoGraph behind a real HTTP cache (nginx, {@code proxy_cache} with revalidation): repeated reads come from
 * nginx's cache without InnoGraph evaluating them, and no read after a write's acknowledgement misses it.
 */
class NginxCacheTest extends ShippedDataServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRAPH = "https://w3id.org/innograph/graph/nginx-test";
    private static final String VALUES = "SELECT ?o WHERE { <urn:nginx-test:s> <urn:nginx-test:p> ?o }";

    private CachingProxy nginx;
    private Http proxy;

    @BeforeEach
    void startNginx() {
        CachingProxy.assumeInstalled();
        nginx = CachingProxy.inFrontOf(port);
        proxy = nginx.http();
    }

    @AfterEach
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
            update("DROP SILENT GRAPH <" + GRAPH + ">");
        }
    }

    @Test
    void aRepeatedQueryIsServedFromNginxsCacheUntilAWriteMakesItFetchTheNewAnswer() {
        String path = "/sparql?query=" + Http.encode("SELECT (COUNT(?p) AS ?practices) WHERE { "
                + "?p a <https://w3id.org/innograph/ontology#GoodPractice> }");
        HttpResponse<String> first = proxy.get(path, "application/sparql-results+json");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Cache-Status")).hasValue("MISS");

        long evaluated = HttpCachingTest.queriesRun(http);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = proxy.get(path, "application/sparql-results+json");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            // nginx keeps the answer and asks InnoGraph whether it is still current; InnoGraph says 304.
            assertThat(again.headers().firstValue("X-Cache-Status")).hasValue("REVALIDATED");
            assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
            assertThat(again.headers().firstValue("X-Accel-Expires")).as("nginx keeps its own header").isEmpty();
        }
        assertThat(HttpCachingTest.queriesRun(http)).as("InnoGraph evaluated nothing").isEqualTo(evaluated);

        // A write, straight to InnoGraph: nginx is not told, yet its next revalidation brings the new answer.
        update("INSERT DATA { GRAPH <" + GRAPH + "> { [] a <https://w3id.org/innograph/ontology#GoodPractice> } }");
        HttpResponse<String> after = proxy.get(path, "application/sparql-results+json");
        assertThat(after.headers().firstValue("X-Cache-Status")).hasValue("EXPIRED");
        assertThat(practices(after)).isEqualTo(practices(first) + 1);
        HttpResponse<String> repeated = proxy.get(path, "application/sparql-results+json");
        assertThat(repeated.headers().firstValue("X-Cache-Status")).hasValue("REVALIDATED");
        assertThat(repeated.body()).isEqualTo(after.body());
    }

    private static long practices(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("results").path("bindings").get(0).path("practices").path("value")
                .asLong();
    }

    @Test
    void aWriteMakesTheNextReadReturnTheNewAnswerAndNothingWrittenIsEverMissing() throws InterruptedException {
        assertThat(values(proxy.get(query(), "application/sparql-results+json"))).isEmpty();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> missing = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        // Readers through nginx all along: a read sent after the k-th acknowledgement must show k values.
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    int known = acknowledged.get();
                    List<String> seen = values(proxy.get(query(), "application/sparql-results+json"));
                    reads.incrementAndGet();
                    if (seen.size() < known) {
                        missing.add("read after " + known + " writes saw " + seen);
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        try {
            for (int i = 1; i <= 12; i++) {
                // Half the writes through nginx, half straight to InnoGraph: nginx is told nothing of either.
                Http writer = i % 2 == 0 ? proxy : http;
                HttpResponse<String> write = writer.post("/sparql/update", "application/sparql-update",
                        "INSERT DATA { GRAPH <" + GRAPH + "> { <urn:nginx-test:s> <urn:nginx-test:p> " + i + " } }",
                        true);
                assertThat(write.statusCode()).as(write.body()).isEqualTo(204);
                acknowledged.set(i);
                assertThat(values(proxy.get(query(), "application/sparql-results+json")))
                        .as("the read right after write " + i).hasSize(i);
            }
        } finally {
            writing.set(false);
            for (Thread reader : readers) {
                reader.join(60_000);
            }
        }
        assertThat(reads.get()).as("the readers read").isPositive();
        assertThat(missing).isEmpty();
    }

    private static String query() {
        return "/sparql?query=" + Http.encode(VALUES);
    }

    private static List<String> values(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("results").path("bindings").valueStream()
                .map(row -> row.path("o").path("value").asString()).toList();
    }
}
