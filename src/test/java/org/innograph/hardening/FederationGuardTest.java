package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.update.UpdateFactory;
import org.innograph.store.GraphStore;
import org.innograph.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** SERVICE and LOAD reach the allow-list and nothing else; every refusal is proven by a listener that hears nothing. */
class FederationGuardTest extends HardenedServer {

    @Autowired
    GraphStore store;

    @AfterEach
    void nothingReachedTheListener() {
        assertThat(FORBIDDEN.connections()).as("connections to the forbidden listener").isZero();
    }

    static Stream<Arguments> refusedQueries() {
        String listener = FORBIDDEN.url("/sparql");
        int port = FORBIDDEN.port();
        return Stream.of(
                Arguments.of("SELECT * { SERVICE <" + listener + "> { ?s ?p ?o } }", "loopback"),
                Arguments.of("SELECT * { SERVICE SILENT <" + listener + "> { ?s ?p ?o } }", "loopback"),
                Arguments.of("SELECT * { SERVICE <http://localhost:" + port + "/sparql> { ?s ?p ?o } }", "loopback"),
                Arguments.of("SELECT * { SERVICE <http://[::1]:" + port + "/sparql> { ?s ?p ?o } }", "loopback"),
                Arguments.of("SELECT * { SERVICE <http://0.0.0.0:" + port + "/sparql> { ?s ?p ?o } }", "loopback"),
                Arguments.of("SELECT * { SERVICE <http://10.1.2.3/sparql> { ?s ?p ?o } }", "private network"),
                Arguments.of("SELECT * { SERVICE <http://192.168.0.10/sparql> { ?s ?p ?o } }", "private network"),
                Arguments.of("SELECT * { SERVICE <http://172.20.0.1/sparql> { ?s ?p ?o } }", "private network"),
                Arguments.of("SELECT * { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }",
                        "link-local"),
                Arguments.of("SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }", "only http and https"),
                Arguments.of("SELECT * { SERVICE <https://evil.example.org/sparql> { ?s ?p ?o } }",
                        "not on the allow-list"),
                // A prefix of an allowed endpoint on another host, and a path that climbs out of it.
                Arguments.of("SELECT * { SERVICE <https://query.wikidata.org.evil.example/sparql> { ?s ?p ?o } }",
                        "not on the allow-list"),
                Arguments.of("SELECT * { SERVICE <https://query.wikidata.org/sparqlx> { ?s ?p ?o } }",
                        "not on the allow-list"),
                Arguments.of("SELECT * { VALUES ?e { <" + listener + "> } SERVICE ?e { ?s ?p ?o } }",
                        "not a variable"),
                Arguments.of("SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <" + listener + "> { ?s ?p ?o } } }",
                        "loopback"),
                Arguments.of("SELECT * { { SELECT ?s { SERVICE <" + listener + "> { ?s ?p ?o } } LIMIT 1 } }",
                        "loopback"),
                Arguments.of("SELECT * { ?s ?p ?o OPTIONAL { SERVICE <" + listener + "> { ?s ?q ?r } } }",
                        "loopback"),
                Arguments.of("ASK { GRAPH ?g { SERVICE <" + listener + "> { ?s ?p ?o } } }", "loopback"));
    }

    @ParameterizedTest
    @MethodSource("refusedQueries")
    void aServiceOutsideTheAllowListIs400NamingTheRule(String query, String rule) {
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(query), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(rule).contains("innograph.federation.allowed-endpoints");
    }

    static Stream<Arguments> refusedUpdates() {
        String listener = FORBIDDEN.url("/data.ttl");
        return Stream.of(
                Arguments.of("LOAD <" + listener + "> INTO GRAPH <" + SCRATCH + ">", "loopback"),
                Arguments.of("LOAD SILENT <" + listener + "> INTO GRAPH <" + SCRATCH + ">", "loopback"),
                Arguments.of("LOAD <file:///etc/passwd> INTO GRAPH <" + SCRATCH + ">", "only http and https"),
                Arguments.of("LOAD <http://169.254.169.254/latest/meta-data/> INTO GRAPH <" + SCRATCH + ">",
                        "link-local"),
                Arguments.of("INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { SERVICE <" + listener
                        + "> { ?s ?p ?o } }", "loopback"));
    }

    @ParameterizedTest
    @MethodSource("refusedUpdates")
    void aLoadOrServiceInAnUpdateOutsideTheAllowListIs400AndWritesNothing(String update, String rule) {
        long before = triples();
        HttpResponse<String> response = http.post("/sparql/update", "application/sparql-update", update, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(rule);
        assertThat(triples()).isEqualTo(before);
    }

    @Test
    void jenaItselfRefusesWhatGetsPastTheRequestCheck() {
        // Straight to the store, past QueryService and UpdateService: the guard inside Jena still holds.
        String service = "SELECT * { SERVICE <" + FORBIDDEN.url("/sparql") + "> { ?s ?p ?o } }";
        assertThatThrownBy(() -> store.query(QueryFactory.create(service), Duration.ofSeconds(5),
                execution -> execution.execSelect().rewindable())).hasStackTraceContaining("loopback");
        String load = "LOAD <" + FORBIDDEN.url("/x.ttl") + "> INTO GRAPH <" + SCRATCH + ">";
        assertThatThrownBy(() -> store.update(UpdateFactory.create(load), Duration.ofSeconds(5)))
                .hasStackTraceContaining("loopback");
        String fileLoad = "LOAD <file:///etc/hostname> INTO GRAPH <" + SCRATCH + ">";
        assertThatThrownBy(() -> store.update(UpdateFactory.create(fileLoad), Duration.ofSeconds(5)))
                .hasStackTraceContaining("only http and https");
        assertThat(http.get("/sparql/data?graph=" + Http.encode(SCRATCH), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anAllowListedEndpointIsReachedByServiceAndLoad() {
        try (RDFConnection partner = RDFConnection.connect(PARTNER.datasetUrl())) {
            partner.update("INSERT DATA { GRAPH <urn:partner> { <urn:partner:x> <urn:partner:says> \"hello\" } }");
        }
        String query = "SELECT ?said { SERVICE <" + PARTNER.datasetUrl() + "/query> { ?x <urn:partner:says> ?said } }";
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(query), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("hello");

        String load = "LOAD <" + PARTNER.datasetUrl() + "/data?graph=urn:partner> INTO GRAPH <" + SCRATCH + ">";
        HttpResponse<String> loaded = http.post("/sparql/update", "application/sparql-update", load, true);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(204);
        assertThat(http.get("/sparql/data?graph=" + Http.encode(SCRATCH), "application/n-triples").body())
                .contains("hello");

        // Without INTO, LOAD addresses the default graph: the designated named graph, part of the union.
        String designated = "https://w3id.org/innograph/graph/default";
        http.send(Http.withWriter(http.request("/sparql/data?default").DELETE()));
        String loadDefault = "LOAD <" + PARTNER.datasetUrl() + "/data?graph=urn:partner>";
        HttpResponse<String> intoDefault = http.post("/sparql/update", "application/sparql-update", loadDefault, true);
        assertThat(intoDefault.statusCode()).as(intoDefault.body()).isEqualTo(204);
        assertThat(http.get("/sparql/data?graph=" + Http.encode(designated), "application/n-triples").body())
                .contains("hello");
        http.send(Http.withWriter(http.request("/sparql/data?default").DELETE()));
    }

    @Test
    void aRemoteJsonLdContextIsNeverFetched() {
        String jsonld = "{\"@context\": \"" + FORBIDDEN.url("/context.jsonld") + "\", \"@id\": \"urn:x\", "
                + "\"name\": \"x\"}";
        HttpResponse<String> response = http.send(Http.withWriter(http.request("/sparql/data?graph="
                + Http.encode(SCRATCH)).header("Content-Type", "application/ld+json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(jsonld))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("never fetched");
        assertThat(http.get("/sparql/data?graph=" + Http.encode(SCRATCH), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anImportWithARemoteJsonLdContextFetchesNothing() {
        String jsonld = "{\"@context\": \"" + FORBIDDEN.url("/context.jsonld") + "\", \"@id\": \"urn:ex:x\", "
                + "\"name\": \"x\"}";
        HttpResponse<String> response = http.send(Http.withWriter(http.request("/api/imports")
                .header("Content-Type", "application/ld+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jsonld))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    @Test
    void rdfXmlNeverResolvesExternalEntities() {
        String rdfxml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n"
                + "  <!ENTITY remote SYSTEM \"" + FORBIDDEN.url("/entity") + "\">\n"
                + "  <!ENTITY local SYSTEM \"file:///etc/hostname\">\n]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"urn:ex:\">\n"
                + "  <rdf:Description rdf:about=\"urn:x\"><ex:p>&remote;&local;</ex:p></rdf:Description>\n"
                + "</rdf:RDF>\n";
        HttpResponse<String> response = http.send(Http.withWriter(http.request("/sparql/data?graph="
                + Http.encode(SCRATCH)).header("Content-Type", "application/rdf+xml")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(rdfxml))));
        assertThat(response.statusCode()).as(response.body()).isIn(400, 201);
        if (response.statusCode() == 201) {
            String stored = http.get("/sparql/data?graph=" + Http.encode(SCRATCH), "application/n-triples").body();
            assertThat(stored).doesNotContain(hostname());
        }
    }

    private static String hostname() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
        } catch (java.io.IOException e) {
            return "no-hostname-file";
        }
    }
}
