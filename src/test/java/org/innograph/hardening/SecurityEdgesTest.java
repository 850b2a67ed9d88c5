package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;

/** Reads are public and readable cross-origin; writes need credentials and are never allowed cross-origin. */
class SecurityEdgesTest extends HardenedServer {

    static final String PAGE = "https://notebook.example.org";

    @Test
    void aBrowserPageOnAnAllowedOriginMayRead() {
        HttpResponse<String> read = http.send(http.request("/sparql?query=" + Http.encode("ASK {}"))
                .header("Origin", PAGE).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
        assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> preflight = http.send(http.request("/sparql").header("Origin", PAGE)
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
                .contains("GET").doesNotContain("POST").doesNotContain("PUT").doesNotContain("DELETE");
    }

    @Test
    void linkedDataIsReadableCrossOriginToo() {
        HttpResponse<String> resource = http.send(http.request("/id/practice/sef-vouchers").header("Origin", PAGE)
                .header("Accept", "text/turtle").GET());
        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(resource.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
    }

    @Test
    void anotherOriginMayNotRead() {
        HttpResponse<String> read = http.send(http.request("/sparql?query=" + Http.encode("ASK {}"))
                .header("Origin", "https://elsewhere.example.com").GET());
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void noOriginMayWriteEvenWithCredentials() {
        long before = triples();
        String insert = "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x> <urn:p> 1 } }";
        HttpResponse<String> preflight = http.send(http.request("/sparql/update").header("Origin", PAGE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);

        // A form post needs no preflight; with a browser's cached credentials it would write. It must not.
        HttpResponse<String> crossSite = http.send(Http.withWriter(http.request("/sparql/update")
                .header("Origin", PAGE).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + Http.encode(insert)))));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> gsp = http.send(Http.withWriter(http.request("/sparql/data?graph=" + Http.encode(SCRATCH))
                .header("Origin", PAGE).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:p> 1 ."))));
        assertThat(gsp.statusCode()).isEqualTo(403);
        assertThat(triples()).isEqualTo(before);

        // The same request from the server's own origin (or a non-browser client) writes.
        HttpResponse<String> sameOrigin = http.send(Http.withWriter(http.request("/sparql/update")
                .header("Origin", http.base()).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(insert))));
        assertThat(sameOrigin.statusCode()).isEqualTo(204);
        assertThat(triples()).isEqualTo(before + 1);
    }

    @Test
    void missingOrWrongCredentialsAre401AndReadsNeedNone() {
        assertThat(http.get("/sparql?query=" + Http.encode("ASK {}"), null).statusCode()).isEqualTo(200);
        assertThat(http.get("/sparql/data?graph=" + Http.encode("https://w3id.org/innograph/graph/practices"), null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> none = http.post("/sparql/update", "application/sparql-update", "CLEAR ALL", false);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        HttpResponse<String> wrong = http.send(Http.withCredentials(http.request("/admin/queries").GET(),
                "curator", "guess"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> unknownUser = http.send(Http.withCredentials(http.request("/admin/queries").GET(),
                "admin", "admin"));
        assertThat(unknownUser.statusCode()).isEqualTo(401);
    }

    @Test
    void bearerTokensWriteAndAWrongOneIs401() {
        long before = triples();
        String insert = "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:t> <urn:ex:p> 1 } }";
        HttpResponse<String> wrong = http.send(http.request("/sparql/update").header("Authorization", "Bearer guessed")
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(insert)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(triples()).isEqualTo(before);

        HttpResponse<String> plain = http.send(http.request("/sparql/update")
                .header("Authorization", "Bearer first-token-0123456789")
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(insert)));
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(triples()).isEqualTo(before + 1);
        // The second token is configured only as its SHA-256 hash.
        HttpResponse<String> hashed = http.send(http.request("/admin/queries")
                .header("Authorization", "Bearer second-token-0123456789").GET());
        assertThat(hashed.statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusShowsQueriesLatenciesTimeoutsAndStoreSize() {
        http.get("/sparql?query=" + Http.encode("ASK {}"), null);
        http.post("/sparql/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:m> <urn:p> 1 } }", true);
        HttpResponse<String> metrics = http.get("/actuator/prometheus", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("innograph_sparql_queries_seconds_count\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]")
                .containsPattern("innograph_sparql_queries_seconds_bucket\\{[^}]*le=")
                .containsPattern("innograph_sparql_updates_seconds_count\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]")
                .containsPattern("innograph_store_triples(\\{[^}]*\\})? [1-9]");
    }
}
