package org.innograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.innograph.testing.EmbeddedTestStore;
import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search index and the home page's counts read the whole graph once per store version, in the background, and
 * every page shares them: they run under {@code innograph.linked-data.snapshot-query-timeout}, not under a page's
 * own limit. At 100K practices the search index's queries took 2–14 s each, and under the 10 s page limit search
 * and the home page answered 503 after 30 s, on every request. Here the page limit is made far shorter than the
 * search index's queries on the shipped data, as the page limit was against them at 100K.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.linked-data.query-timeout=1ms"})
class SnapshotQueryLimitTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-snapshot-limit");
    }

    @Test
    void searchAndTheHomePageAreBuiltUnderTheSnapshotLimitNotAPages() {
        Http http = Http.onPort(port);
        HttpResponse<String> search = http.get("/api/search?q=cluster", "application/json");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("/id/practice/");
        HttpResponse<String> home = http.get("/", "text/html");
        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.body()).contains("InnoGraph");
    }
}
