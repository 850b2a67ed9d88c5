package org.innograph.testing;


import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a fresh embedded store loaded with the shipped ontology and data, with writes enabled.
 * Test classes extending this share one Spring context (and one load of the data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD})
public abstract class ShippedDataServer {

    @LocalServerPort
    protected int port;
    protected Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-ui-tdb2");
    }

    @BeforeEach
    void connect() {
        http = Http.onPort(port);
    }

    /** Runs a SPARQL update as the writer and fails the test unless it succeeded. */
    protected void update(String sparql) {
        var response = http.post("/sparql/update", "application/sparql-update", sparql, true);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("update failed: " + response.statusCode() + " " + response.body());
        }
    }
}
