package org.innograph.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.innograph.testing.Http;
import org.innograph.testing.PublicEndpointStandIns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Federated queries: InnoGraph's /sparql joins its own practices with region labels from another SPARQL
 * endpoint through {@code SERVICE}. The other endpoint is a local Fuseki on loopback holding a slice shaped like
 * the EU Publications Office's NUTS data; no test calls a public endpoint.
 *
 * <p>In embedded mode InnoGraph's Jena calls the endpoint; in remote mode the store (Fuseki) does. Subclasses
 * run the same checks on each mode.
 *
 * <p>SERVICE reaches only {@code innograph.federation.allowed-endpoints}: these tests put the local Fuseki and
 * a closed loopback port (the endpoint that is down) on the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.data.directories=src/test/resources/fixtures/protocol"})
abstract class FederatedQueryContract {

    /** The public endpoints the catalogue's federated queries name. */
    static final String PUBLICATIONS_OFFICE = "http://publications.europa.eu/webapi/rdf/sparql";
    static final String WIKIDATA = "https://query.wikidata.org/sparql";

    private static FusekiServer nutsEndpoint;
    private static PublicEndpointStandIns standIns;
    private static int gonePort;

    @DynamicPropertySource
    static void allowList(DynamicPropertyRegistry registry) {
        // Read when the context starts, after @BeforeAll has started the endpoint.
        registry.add("innograph.federation.allowed-endpoints", () -> String.join(",", PUBLICATIONS_OFFICE, WIKIDATA,
                "http://127.0.0.1:" + nutsEndpoint.getPort() + "/", "http://127.0.0.1:" + gonePort + "/"));
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startNutsEndpoint() throws IOException {
        gonePort = closedLoopbackPort();
        Dataset nuts = DatasetFactory.createTxnMem();
        RDFDataMgr.read(nuts, "src/test/resources/fixtures/nuts-publications-office/nuts-labels.ttl");
        Dataset wikidata = DatasetFactory.createTxnMem();
        RDFDataMgr.read(wikidata, "src/test/resources/fixtures/wikidata-stand-in/regions.ttl");
        nutsEndpoint = FusekiServer.create().port(0).loopback(true).add("/nuts", nuts).add("/wikidata", wikidata)
                .build().start();
        standIns = PublicEndpointStandIns.install(Map.of(PUBLICATIONS_OFFICE, nutsSparql(),
                WIKIDATA, "http://127.0.0.1:" + nutsEndpoint.getPort() + "/wikidata/sparql"));
    }

    @AfterAll
    static void stopNutsEndpoint() {
        standIns.close();
        nutsEndpoint.stop();
    }

    @Test
    void aQueryNamingThePublicationsOfficeEndpointGetsEveryLanguageOfARegionsName() {
        // As the catalogue's federated-nuts-names-all-languages query asks it, answered by the local stand-in.
        List<QuerySolution> rows = select("""
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?region ?language ?name WHERE {
                  VALUES ?code { "AT12" }
                  ?region skos:notation ?code .
                  SERVICE <%s> { ?region skos:prefLabel ?name }
                  BIND (LANG(?name) AS ?language)
                } ORDER BY ?language""".formatted(PUBLICATIONS_OFFICE));

        assertThat(rows).extracting(row -> row.getLiteral("language").getString() + " "
                + row.getLiteral("name").getString())
                .containsExactly("de Niederösterreich", "en Lower Austria", "fr Basse-Autriche");
    }

    @Test
    void joinsLocalPracticesWithRegionLabelsFromTheNutsEndpoint() {
        List<QuerySolution> rows = select("""
                PREFIX dct:  <http://purl.org/dc/terms/>
                PREFIX ig:   <https://w3id.org/innograph/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?practice ?region ?name WHERE {
                  ?practice a ig:GoodPractice ; dct:spatial ?region .
                  SERVICE <%s> {
                    ?region skos:prefLabel ?name FILTER (langMatches(lang(?name), "fr"))
                  }
                } ORDER BY ?region""".formatted(nutsSparql()));

        // Only the endpoint has French names; the region without one drops out of the join.
        assertThat(rows).extracting(row -> row.getResource("practice").getLocalName() + " "
                        + row.getResource("region").getLocalName() + " " + row.getLiteral("name").getString())
                .containsExactly("house-of-digitalisation AT12 Basse-Autriche", "hackathons LV00 Lettonie");
    }

    @Test
    void theCataloguesNutsNamesQueryAnswersThroughTheApi() {
        HttpResponse<String> response = Http.onPort(port).get(
                "/api/queries/federated-nuts-names-all-languages?region=AT12", "application/sparql-results+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        assertThat(rows(response)).extracting(row -> row.getLiteral("language").getString() + " "
                        + row.getLiteral("name").getString())
                .containsExactly("de Niederösterreich", "en Lower Austria", "fr Basse-Autriche");
    }

    @Test
    void theCataloguesWikidataRegionsQueryAnswersThroughTheApi() {
        HttpResponse<String> response = Http.onPort(port).get("/api/queries/federated-wikidata-regions",
                "application/sparql-results+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        // The stand-in knows two of the three regions; the practice in the third drops out of the join.
        assertThat(rows(response)).extracting(row -> row.getLiteral("code").getString() + " "
                        + row.getLiteral("itemLabel").getString())
                .containsExactly("AT12 Lower Austria", "LV00 Latvia");
    }

    @Test
    void aStoredFederatedQueryWhoseEndpointIsDownIsABadGatewayNamingIt() throws IOException {
        String gone = "http://127.0.0.1:" + gonePort + "/nuts/sparql";
        try (PublicEndpointStandIns unreachable = PublicEndpointStandIns.install(Map.of(PUBLICATIONS_OFFICE, gone))) {
            HttpResponse<String> response = Http.onPort(port).get(
                    "/api/queries/federated-nuts-names-all-languages?region=AT12", "application/json");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
            assertThat(response.body()).contains(gone);
        }
    }

    @Test
    void bringsEveryLanguageOfARegionsNameAcrossWithItsLanguageTag() {
        List<QuerySolution> rows = select("""
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?name WHERE {
                  SERVICE <%s> { <http://data.europa.eu/nuts/code/LV00> skos:prefLabel ?name }
                } ORDER BY lang(?name)""".formatted(nutsSparql()));

        assertThat(rows).extracting(row -> row.getLiteral("name").getString() + "@" + row.getLiteral("name").getLanguage())
                .containsExactly("Lettland@de", "Latvia@en", "Lettonie@fr", "Latvija@lv");
    }

    @Test
    void aServiceThatCannotBeReachedIsReportedAsABadGatewayNamingIt() throws IOException {
        String gone = "http://127.0.0.1:" + gonePort + "/nuts/sparql";
        HttpResponse<String> response = query("SELECT * WHERE { SERVICE <" + gone + "> { ?s ?p ?o } }");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains(gone);
    }

    @Test
    void serviceSilentToAnEndpointThatCannotBeReachedStillAnswers() throws IOException {
        List<QuerySolution> rows = select("PREFIX ig: <https://w3id.org/innograph/ontology#> "
                + "SELECT ?practice ?name WHERE { ?practice a ig:GoodPractice OPTIONAL { SERVICE SILENT "
                + "<http://127.0.0.1:" + gonePort + "/nuts/sparql> { ?practice ?p ?name } } }");

        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.contains("name")).isFalse());
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String nutsSparql() {
        return "http://127.0.0.1:" + nutsEndpoint.getPort() + "/nuts/sparql";
    }

    private List<QuerySolution> select(String sparql) {
        HttpResponse<String> response = query(sparql);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return rows(response);
    }

    private static List<QuerySolution> rows(HttpResponse<String> response) {
        List<QuerySolution> rows = new ArrayList<>();
        ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON).forEachRemaining(rows::add);
        return rows;
    }

    private HttpResponse<String> query(String sparql) {
        return Http.onPort(port).get("/sparql?query=" + Http.encode(sparql), "application/sparql-results+json");
    }
}
