package org.innograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.innograph.testing.Http;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Pages, dereferencing and search in front of a real Fuseki (remote mode), where jena-text could not help. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.data.directories=src/test/resources/fixtures/protocol",
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD})
class RemoteStoreUiTest {

    static final TestFuseki FUSEKI = TestFuseki.start();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        FUSEKI.registerAsRemoteStore(registry);
    }

    @AfterAll
    static void stopFuseki() {
        FUSEKI.close();
    }

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = Http.onPort(port);
    }

    @Test
    void practiceDereferencesAsPageAndTurtle() {
        HttpResponse<String> page = http.get("/id/practice/sef-vouchers", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SEF vouchers");
        Model turtle = ModelFactory.createDefaultModel();
        RDFParser.fromString(http.get("/id/practice/sef-vouchers", "text/turtle").body(), Lang.TURTLE).parse(turtle);
        assertThat(turtle.getResource("https://w3id.org/innograph/id/practice/sef-vouchers").getProperty(RDFS.label)
                .getString()).isEqualTo("SEF vouchers");
        assertThat(http.get("/dataset", "text/html").body()).contains("class-counts");
        assertThat(http.get("/", "text/html").body()).contains("area-counts").contains("/resource?uri=http%3A%2F%2Fdata.europa.eu%2Fnuts%2Fcode%2F");
    }

    @Test
    void searchFollowsWritesThroughTheService() {
        String probe = "https://w3id.org/innograph/id/practice/remote-probe";
        assertThat(http.get("/api/search?q=hackathons", null).body()).contains("/id/practice/hackathons");
        assertThat(http.get("/api/search?q=snarkwidget", null).body()).contains("\"total\":0");
        post("PREFIX ig: <https://w3id.org/innograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "INSERT DATA { GRAPH <https://w3id.org/innograph/graph/remote-test> { <" + probe
                + "> a ig:GoodPractice ; rdfs:label \"Snarkwidget platform\" } }");
        assertThat(http.get("/api/search?q=snarkwidget", null).body()).contains(probe);
        post("DROP GRAPH <https://w3id.org/innograph/graph/remote-test>");
        assertThat(http.get("/api/search?q=snarkwidget", null).body()).contains("\"total\":0").doesNotContain(probe);
    }

    private void post(String update) {
        assertThat(http.post("/sparql/update", "application/sparql-update", update, true).statusCode()).isEqualTo(204);
    }
}
