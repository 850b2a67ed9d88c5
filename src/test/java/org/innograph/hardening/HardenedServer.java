package org.innograph.hardening;

import org.innograph.testing.EmbeddedTestStore;
import org.innograph.testing.Http;
import org.innograph.testing.LoopbackListener;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One embedded-mode server, shared by the hardening tests (one Spring context for all of them), with small
 * limits so that each can be reached quickly. A real Fuseki on loopback is the one allow-listed federation
 * endpoint; the loopback listener is what nothing may ever reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.data.directories=src/test/resources/fixtures/protocol",
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD,
        "innograph.security.writer.tokens=first-token-0123456789,{sha256}27f11cd7cbbf36c6d1b8504ef9485ac46f813bc4472d57f1f1026e8103b45444",
        "innograph.sparql.query-timeout=3s",
        "innograph.sparql.update-timeout=5s",
        "innograph.sparql.max-request-size=64KB",
        "innograph.sparql.max-text-size=64KB",
        "innograph.sparql.max-concurrent-queries=2",
        "innograph.sparql.admission-wait=0s",
        "innograph.sparql.max-result-rows=1000",
        "innograph.sparql.max-result-triples=1000",
        "innograph.store.max-rows-in-memory=2000",
        "innograph.security.cors.allowed-origins=https://notebook.example.org"})
abstract class HardenedServer {

    static final TestFuseki PARTNER = TestFuseki.start();
    static final LoopbackListener FORBIDDEN = new LoopbackListener();
    static final String SCRATCH = "https://w3id.org/innograph/graph/test-scratch";
    static final String ALL_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @LocalServerPort
    int port;
    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-hardening");
        registry.add("innograph.federation.allowed-endpoints", () -> "https://query.wikidata.org/sparql,"
                + PARTNER.datasetUrl());
    }

    @BeforeEach
    void connect() {
        http = Http.onPort(port);
        http.awaitUiWarmUp();
        http.send(Http.withWriter(http.request("/sparql/data?graph=" + Http.encode(SCRATCH)).DELETE()));
    }

    long triples() {
        var response = http.get("/sparql?query=" + Http.encode(ALL_TRIPLES), "text/csv");
        if (response.statusCode() != 200) {
            throw new AssertionError("count failed: " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(response.body().split("\r\n")[1].trim());
    }
}
