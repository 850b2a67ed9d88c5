package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;

/** Running queries can be seen and stopped; the concurrency cap and the row cap hold; the server stays responsive. */
class QueryControlTest extends HardenedServer {

    /** Runs until the 3 s time limit unless stopped. */
    static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
            + "?m ?n1 ?o . ?q ?r ?t . ?u ?v ?w . ?x ?y ?z }";

    @Test
    void anOperatorSeesARunningQueryAndCancelsIt() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> http.get("/sparql?query=" + Http.encode(SLOW), null));
        String listing = waitForListing("?n1");
        assertThat(listing).contains("\"client\":\"127.0.0.1\"").containsPattern("\"elapsedMillis\":\\d+")
                .containsPattern("\"started\":\"20\\d\\d-");
        long id = firstId(listing);

        HttpResponse<String> anonymous = http.send(http.request("/admin/queries/" + id).DELETE());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> cancel = http.send(Http.withWriter(http.request("/admin/queries/" + id).DELETE()));
        assertThat(cancel.statusCode()).isEqualTo(204);

        HttpResponse<String> stopped = slow.get();
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.body()).contains("cancelled by an operator");
        assertThat(http.send(Http.withWriter(http.request("/admin/queries/" + id).DELETE())).statusCode())
                .isEqualTo(404);
        assertThat(listing()).doesNotContain("?n1");
    }

    @Test
    void theRunningQueryListNeedsCredentials() {
        assertThat(http.get("/admin/queries", null).statusCode()).isEqualTo(401);
        assertThat(listing()).startsWith("[");
    }

    @Test
    void pastTheConcurrencyCapA503WithRetryAfterAndHealthStillAnswers() throws Exception {
        // The cap is 2 in this server: two slow queries fill it.
        List<CompletableFuture<HttpResponse<String>>> slow = List.of(
                CompletableFuture.supplyAsync(() -> http.get("/sparql?query=" + Http.encode(SLOW), null)),
                CompletableFuture.supplyAsync(() -> http.get("/sparql?query=" + Http.encode(SLOW + " LIMIT 1"), null)));
        try {
            waitUntilRunning(2);
            HttpResponse<String> third = http.get("/sparql?query=" + Http.encode("ASK {}"), null);
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(third.body()).contains("innograph.sparql.max-concurrent-queries");

            long start = System.nanoTime();
            HttpResponse<String> health = http.get("/actuator/health", "application/json");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1e9).as("health answers at once").isLessThan(2);
        } finally {
            for (CompletableFuture<HttpResponse<String>> query : slow) {
                assertThat(query.get().statusCode()).isEqualTo(503);
            }
        }
        assertThat(http.get("/sparql?query=" + Http.encode("ASK {}"), null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", "text/plain").body())
                .containsPattern("innograph_sparql_queries_rejected_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void aSelectAnswerOverTheRowCapIs422AndSaysHowToPage() {
        String big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(big), null);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("1000 rows").contains("innograph.sparql.max-result-rows")
                .contains("LIMIT");
        HttpResponse<String> paged = http.get("/sparql?query=" + Http.encode(big + " LIMIT 1000"), "text/csv");
        assertThat(paged.statusCode()).isEqualTo(200);
        assertThat(paged.body().split("\r\n")).hasSize(1001);
    }

    @Test
    void regexStillMeansRegexAfterBeingMadeInterruptible() {
        String query = "SELECT ?label WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?label "
                + "FILTER(REGEX(?label, \"^sef|HOUSE\", \"i\")) } ORDER BY ?label";
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(query), "text/csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("label\r\nHouse of Digitalisation\r\nSEF vouchers\r\n");
        // Not a string: no match and no error, as SPARQL says.
        String iri = "SELECT ?p WHERE { ?p ?q ?o FILTER(REGEX(?p, \"practice\")) }";
        HttpResponse<String> none = http.get("/sparql?query=" + Http.encode(iri), "text/csv");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("p\r\n");
        // A pattern that is not a regular expression is the client's mistake.
        String bad = "SELECT ?o WHERE { ?p ?q ?o FILTER(REGEX(STR(?o), \"(\")) }";
        HttpResponse<String> malformed = http.get("/sparql?query=" + Http.encode(bad), null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Unclosed group");
    }

    private String listing() {
        HttpResponse<String> response = http.send(Http.withWriter(http.request("/admin/queries").GET()));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String waitForListing(String fragment) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String listing = listing();
            if (listing.contains(fragment)) {
                return listing;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("query never listed: " + listing());
    }

    private void waitUntilRunning(int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Pattern.compile("\"id\":").matcher(listing()).results().count() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("queries never all running: " + listing());
    }

    private static long firstId(String listing) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(listing);
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }
}
