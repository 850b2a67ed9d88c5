package org.innograph.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.innograph.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SPARQL 1.1 Protocol and Graph Store Protocol as a client sees them, over real HTTP. Subclasses run it
 * against each store mode; the answers must be the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.data.directories=src/test/resources/fixtures/protocol",
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD,
        "innograph.sparql.query-timeout=2s",
        "innograph.sparql.max-request-size=64KB",
        "innograph.sparql.max-text-size=16KB",
        // Port 9 on loopback is allow-listed so that a LOAD from it passes the federation check and fails
        // when it runs (nothing listens there): the update must then leave nothing behind.
        "innograph.federation.allowed-endpoints=http://127.0.0.1:9/"})
abstract class SparqlProtocolContract {

    static final String PRACTICES = "https://w3id.org/innograph/graph/practices";
    static final String REGIONS = "https://w3id.org/innograph/graph/regions";
    static final String LABELS = "SELECT ?label WHERE { ?p a <https://w3id.org/innograph/ontology#GoodPractice> ; "
            + "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label";
    static final String SCRATCH = "https://w3id.org/innograph/graph/test-scratch";
    /** Where writes addressed to the default graph go (innograph.sparql.default-write-graph's default). */
    static final String DESIGNATED = "https://w3id.org/innograph/graph/default";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = Http.onPort(port);
        // Every test starts without the scratch graph that writing tests create.
        http.send(Http.withWriter(http.request("/sparql/data?graph=" + Http.encode(SCRATCH)).DELETE()));
        http.send(Http.withWriter(http.request("/sparql/data?default").DELETE()));
    }

    // --- query operation ---

    @Test
    void getQueryAnswersSparqlJsonByDefault() {
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(LABELS), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/sparql-results+json"));
        assertThat(column(json(response), "label"))
                .containsExactly("Hackathons as cooperation platform", "House of Digitalisation", "SEF vouchers");
    }

    @Test
    void postFormAndPostSparqlQueryGiveTheSameAnswerAsGet() {
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + Http.encode(LABELS), false);
        HttpResponse<String> direct = http.post("/sparql", "application/sparql-query", LABELS, false);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(column(json(form), "label")).hasSize(3).isEqualTo(column(json(direct), "label"));
    }

    @Test
    void defaultGraphUriRestrictsTheDefaultGraphAndSeveralAreMerged() {
        String count = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }";
        HttpResponse<String> practicesOnly = http.get("/sparql?query=" + Http.encode(count)
                + "&default-graph-uri=" + Http.encode(PRACTICES), null);
        HttpResponse<String> both = http.get("/sparql?query=" + Http.encode(count)
                + "&default-graph-uri=" + Http.encode(PRACTICES) + "&default-graph-uri=" + Http.encode(REGIONS), null);
        assertThat(column(json(practicesOnly), "n")).containsExactly("3");
        assertThat(column(json(both), "n")).containsExactly("7");
    }

    @Test
    void namedGraphUriNamesExactlyTheGraphsAQueryCanSee() {
        String graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(graphs)
                + "&named-graph-uri=" + Http.encode(REGIONS), null);
        assertThat(column(json(response), "g")).containsExactly(REGIONS);
    }

    @Test
    void protocolDatasetOverridesFromInTheQuery() {
        String fromRegions = "SELECT (COUNT(DISTINCT ?s) AS ?n) FROM <" + REGIONS + "> WHERE { ?s ?p ?o }";
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(fromRegions)
                + "&default-graph-uri=" + Http.encode(PRACTICES), null);
        assertThat(column(json(response), "n")).containsExactly("3");
    }

    @Test
    void acceptWithQualityValuesPicksTheBestRepresentation() {
        String query = "/sparql?query=" + Http.encode(LABELS);
        assertThat(http.get(query, "text/csv;q=0.5, application/sparql-results+xml").headers()
                .firstValue("Content-Type").orElseThrow()).startsWith("application/sparql-results+xml");
        assertThat(http.get(query, "application/sparql-results+xml;q=0.2, text/tab-separated-values;q=0.9")
                .headers().firstValue("Content-Type").orElseThrow()).startsWith("text/tab-separated-values");
        HttpResponse<String> csv = http.get(query, "text/csv");
        assertThat(csv.body()).startsWith("label\r\n").contains("SEF vouchers");
        assertThat(http.get(query, "*/*").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/sparql-results+json");
    }

    @Test
    void xmlAndTsvResultsParseBackToTheSameRows() {
        String query = "/sparql?query=" + Http.encode(LABELS);
        ResultSet xml = ResultSetMgr.read(stream(http.get(query, "application/sparql-results+xml")),
                ResultSetLang.RS_XML);
        assertThat(column(xml, "label")).hasSize(3);
        HttpResponse<String> tsv = http.get(query, "text/tab-separated-values");
        assertThat(tsv.body()).startsWith("?label").contains("\"SEF vouchers\"@en");
    }

    @Test
    void formatParametersThatClientsSendAreUnderstoodOrIgnored() {
        String query = "/sparql?query=" + Http.encode(LABELS);
        assertThat(http.get(query + "&format=csv", "application/sparql-results+json").headers()
                .firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(http.get(query + "&output=json", null).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/sparql-results+json");
        HttpResponse<String> unknown = http.get(query + "&results=no-such-format", null);
        assertThat(unknown.statusCode()).isEqualTo(200);
    }

    @Test
    void askAnswersInJsonAndXml() {
        String ask = "/sparql?query=" + Http.encode("ASK { ?s ?p \"SEF vouchers\"@en }");
        assertThat(http.get(ask, null).body()).contains("\"boolean\"").contains("true");
        assertThat(http.get(ask, "application/sparql-results+xml").body()).contains("<boolean>true</boolean>");
    }

    @Test
    void constructAnswersTurtleByDefaultAndEveryOfferedSyntax() {
        String construct = "/sparql?query=" + Http.encode("CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }");
        HttpResponse<String> turtle = http.get(construct, null);
        assertThat(turtle.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        assertThat(parse(turtle.body(), Lang.TURTLE).size()).isEqualTo(3);
        assertThat(parse(http.get(construct, "application/n-triples").body(), Lang.NTRIPLES).size()).isEqualTo(3);
        assertThat(parse(http.get(construct, "application/ld+json").body(), Lang.JSONLD).size()).isEqualTo(3);
        assertThat(parse(http.get(construct, "application/rdf+xml").body(), Lang.RDFXML).size()).isEqualTo(3);
    }

    @Test
    void describeAnswersAGraph() {
        String describe = "/sparql?query="
                + Http.encode("DESCRIBE <https://w3id.org/innograph/id/practice/sef-vouchers>");
        Model described = parse(http.get(describe, "text/turtle").body(), Lang.TURTLE);
        assertThat(described.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void nothingAcceptableIs406() {
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(LABELS), "image/png");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).contains("image/png").contains("application/sparql-results+json");
        HttpResponse<String> graph = http.get("/sparql?query=" + Http.encode("CONSTRUCT WHERE { ?s ?p ?o }"),
                "application/sparql-results+json");
        assertThat(graph.statusCode()).isEqualTo(406);
    }

    @Test
    void malformedQueryIs400WithLineAndColumn() {
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode("SELECT * WHERE {\n ?s ?p }"), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("line 2").contains("column");
    }

    @Test
    void missingQueryIs400AndABrowserIsSentToTheEditor() {
        HttpResponse<String> response = http.get("/sparql", "application/sparql-results+json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'query'");
        HttpResponse<String> browser = http.get("/sparql", "text/html,application/xhtml+xml");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/query");
    }

    @Test
    void theBareEndpointDescribesItselfToAClientThatAsksForRdf() {
        HttpResponse<String> response = http.get("/sparql", "text/turtle");
        assertThat(response.statusCode()).isEqualTo(200);
        Model description = parse(response.body(), Lang.TURTLE);
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        assertThat(description.contains(null, description.createProperty(sd, "feature"),
                description.createResource(sd + "UnionDefaultGraph"))).isTrue();
        assertThat(description.contains(null, description.createProperty(sd, "endpoint"),
                description.createResource(http.base() + "/sparql"))).isTrue();
    }

    @Test
    void anUpdateSentAsAQueryIs400AndViceVersa() {
        String update = "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> <urn:c> } }";
        HttpResponse<String> asQuery = http.get("/sparql?query=" + Http.encode(update), null);
        assertThat(asQuery.statusCode()).isEqualTo(400);
        assertThat(asQuery.body()).contains("/sparql/update");
        HttpResponse<String> updateParameter = http.post("/sparql", "application/x-www-form-urlencoded",
                "update=" + Http.encode(update), false);
        assertThat(updateParameter.statusCode()).isEqualTo(400);
        HttpResponse<String> queryAsUpdate = http.post("/sparql/update", "application/sparql-update", LABELS, true);
        assertThat(queryAsUpdate.statusCode()).isEqualTo(400);
        assertThat(queryAsUpdate.body()).contains("/sparql");
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isZero();
    }

    @Test
    void unsupportedMediaTypeIs415() {
        // Only a query body is public at /sparql; with credentials, another body is 415 naming what works.
        HttpResponse<String> anonymous = http.post("/sparql", "application/json", "{\"query\":\"ASK{}\"}", false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("application/sparql-query");
        HttpResponse<String> response = http.post("/sparql", "application/json", "{\"query\":\"ASK{}\"}", true);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("application/sparql-query");
        assertThat(http.post("/sparql/update", "text/plain", "CLEAR ALL", true).statusCode()).isEqualTo(415);
    }

    @Test
    void queryAndUpdateTextsHaveTheirOwnLimitApartFromData() {
        String longQuery = "# " + "x".repeat(20 * 1024) + "\nASK {}";
        HttpResponse<String> body = http.post("/sparql", "application/sparql-query", longQuery, false);
        assertThat(body.statusCode()).isEqualTo(413);
        assertThat(body.body()).contains("16 KB").contains("innograph.sparql.max-text-size");
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + Http.encode(longQuery), false);
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.body()).contains("innograph.sparql.max-text-size");
        String longUpdate = "# " + "x".repeat(20 * 1024) + "\nINSERT DATA { GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> 1 } }";
        HttpResponse<String> update = http.post("/sparql/update", "application/sparql-update", longUpdate, true);
        assertThat(update.statusCode()).isEqualTo(413);
        assertThat(update.body()).contains("innograph.sparql.max-text-size");
        // A multi-byte text is measured in UTF-8 bytes: 6,000 × 3 bytes is over 16 KB.
        HttpResponse<String> wide = http.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + Http.encode("# " + "\u20ac".repeat(6000) + "\nASK {}"), false);
        assertThat(wide.statusCode()).isEqualTo(413);

        // Data is held to the body limit instead: 20 KB of Turtle is fine, 70 KB is not.
        StringBuilder turtle = new StringBuilder();
        for (int i = 0; turtle.length() < 20 * 1024; i++) {
            turtle.append("<urn:example:").append(i).append("> <urn:example:p> ").append(i).append(" .\n");
        }
        assertThat(put("/sparql/data?graph=" + Http.encode(SCRATCH), turtle.toString()).statusCode()).isEqualTo(201);
        HttpResponse<String> tooMuch = put("/sparql/data?graph=" + Http.encode(SCRATCH),
                "# " + "x".repeat(70 * 1024) + "\n<urn:a> <urn:b> 1 .");
        assertThat(tooMuch.statusCode()).isEqualTo(413);
        assertThat(tooMuch.body()).contains("64 KB").contains("innograph.sparql.max-request-size");
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isGreaterThan(100);
    }

    // --- what clients send: media-type parameters, charsets, bytes, repeated parameters ---

    @Test
    void mediaTypesWithParametersAreUnderstoodOnEveryEndpointThatReadsABody() {
        String target = "/sparql/data?graph=" + Http.encode(SCRATCH);
        assertThat(send(target, "PUT", "text/turtle; charset=utf-8", "<urn:example:1> <urn:example:p> 1 .")
                .statusCode()).isEqualTo(201);
        assertThat(send(target, "POST", "Text/Turtle;Charset=\"UTF-8\"", "<urn:example:2> <urn:example:p> 2 .")
                .statusCode()).isEqualTo(204);
        assertThat(send(target, "POST", "application/n-triples ; charset=UTF-8", "<urn:example:3> <urn:example:p> \"3\" .\n")
                .statusCode()).isEqualTo(204);
        assertThat(http.post("/sparql/update", "application/sparql-update; charset=UTF-8",
                "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:4> <urn:example:p> 4 } }", true).statusCode())
                .isEqualTo(204);
        assertThat(http.post("/sparql/update", "application/x-www-form-urlencoded;charset=UTF-8",
                "update=" + Http.encode("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:5> <urn:example:p> 5 } }"),
                true).statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isEqualTo(5);

        HttpResponse<String> direct = http.post("/sparql", "APPLICATION/SPARQL-QUERY; charset=utf-8", LABELS, false);
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded; charset=\"utf-8\"",
                "query=" + Http.encode(LABELS), false);
        assertThat(column(json(direct), "label")).hasSize(3);
        assertThat(column(json(form), "label")).hasSize(3);
    }

    @Test
    void aCharsetOtherThanUtf8Is415NamingIt() {
        String target = "/sparql/data?graph=" + Http.encode(SCRATCH);
        HttpResponse<String> latin = send(target, "PUT", "text/turtle; charset=ISO-8859-1", "<urn:a> <urn:b> 1 .");
        assertThat(latin.statusCode()).isEqualTo(415);
        assertThat(latin.body()).contains("ISO-8859-1").contains("UTF-8");
        HttpResponse<String> update = http.post("/sparql/update", "application/sparql-update;charset=windows-1252",
                "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> 1 } }", true);
        assertThat(update.statusCode()).isEqualTo(415);
        assertThat(update.body()).contains("windows-1252");
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded; charset=UTF-16",
                "query=" + Http.encode(LABELS), false);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("UTF-16");
        HttpResponse<String> unknown = http.post("/sparql", "application/sparql-query; charset=klingon", LABELS, false);
        assertThat(unknown.statusCode()).isEqualTo(415);
        assertThat(unknown.body()).contains("klingon");
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isZero();
    }

    @Test
    void invalidUtf8Is400NamingTheByteAndLine() {
        byte[] update = ("INSERT DATA {\n GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> \"caf")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> badUpdate = http.send(Http.withWriter(http.request("/sparql/update")
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(update, new byte[] {(byte) 0xE9, '"', ' ', '}', ' ', '}'})))));
        assertThat(badUpdate.statusCode()).isEqualTo(400);
        assertThat(badUpdate.body()).contains("UTF-8").contains("byte " + update.length).contains("line 2");

        byte[] turtle = "<urn:a> <urn:b> 1 .\n<urn:a> <urn:b> \"".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> badTurtle = http.send(Http.withWriter(http.request("/sparql/data?graph="
                + Http.encode(SCRATCH)).header("Content-Type", "text/turtle; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(concat(turtle, new byte[] {(byte) 0xFF, '"', ' ', '.'})))));
        assertThat(badTurtle.statusCode()).isEqualTo(400);
        assertThat(badTurtle.body()).contains("UTF-8").contains("line 2");

        HttpResponse<String> badForm = http.post("/sparql/update", "application/x-www-form-urlencoded",
                "update=" + Http.encode("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> \"x") + "%FF"
                        + Http.encode("\" } }"), true);
        assertThat(badForm.statusCode()).as(badForm.body()).isEqualTo(400);
        assertThat(badForm.body()).contains("UTF-8").contains("[update]");
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isZero();
    }

    @Test
    void exactlyOneQueryOrUpdateAndOneGraphPerRequest() {
        String ask = Http.encode("ASK {}");
        HttpResponse<String> twiceInUrl = http.get("/sparql?query=" + ask + "&query=" + ask, null);
        assertThat(twiceInUrl.statusCode()).isEqualTo(400);
        assertThat(twiceInUrl.body()).contains("'query'").contains("exactly one");
        HttpResponse<String> twiceInForm = http.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + ask + "&query=" + ask, false);
        assertThat(twiceInForm.statusCode()).isEqualTo(400);
        HttpResponse<String> urlAndForm = http.post("/sparql?query=" + ask, "application/x-www-form-urlencoded",
                "query=" + ask, false);
        assertThat(urlAndForm.statusCode()).isEqualTo(400);
        HttpResponse<String> urlAndBody = http.post("/sparql?query=" + ask, "application/sparql-query", "ASK {}", false);
        assertThat(urlAndBody.statusCode()).isEqualTo(400);

        String insert = Http.encode("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> 1 } }");
        HttpResponse<String> twoUpdates = http.post("/sparql/update", "application/x-www-form-urlencoded",
                "update=" + insert + "&update=" + insert, true);
        assertThat(twoUpdates.statusCode()).isEqualTo(400);
        assertThat(twoUpdates.body()).contains("'update'").contains("exactly one");
        HttpResponse<String> updateInUrlAndForm = http.post("/sparql/update?update=" + insert,
                "application/x-www-form-urlencoded", "update=" + insert, true);
        assertThat(updateInUrlAndForm.statusCode()).isEqualTo(400);
        HttpResponse<String> updateInUrlAndBody = http.post("/sparql/update?update=" + insert,
                "application/sparql-update", "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:a> <urn:b> 2 } }", true);
        assertThat(updateInUrlAndBody.statusCode()).isEqualTo(400);
        HttpResponse<String> twoGraphs = put("/sparql/data?graph=" + Http.encode(SCRATCH) + "&graph="
                + Http.encode(PRACTICES), "<urn:a> <urn:b> 1 .");
        assertThat(twoGraphs.statusCode()).isEqualTo(400);
        assertThat(twoGraphs.body()).contains("'graph'");
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isZero();
        assertThat(count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }")).isEqualTo(9);
    }

    @Test
    void aQueryOverTheTimeLimitIs503NamingTheLimit() {
        String explosion = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . "
                + "?q ?r ?t . ?u ?v ?w }";
        long start = System.nanoTime();
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(explosion), null);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("2 s").contains("query-timeout");
        assertThat(seconds).as("answered soon after the limit").isLessThan(15);
        // The stopped query leaves the endpoint free for the next one.
        assertThat(column(json(http.get("/sparql?query=" + Http.encode(LABELS), null)), "label")).hasSize(3);
    }

    @Test
    void anOperatorListsAndCancelsARunningQuery() throws Exception {
        String slow = "SELECT (COUNT(*) AS ?count) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . "
                + "?q ?r ?t . ?u ?v ?w . ?x ?y ?z }";
        java.util.concurrent.CompletableFuture<HttpResponse<String>> running = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> http.get("/sparql?query=" + Http.encode(slow), null));
        java.util.regex.Matcher id = null;
        for (int i = 0; i < 200 && (id == null || !id.find()); i++) {
            Thread.sleep(10);
            String listing = http.send(Http.withWriter(http.request("/admin/queries").GET())).body();
            id = listing.contains("?count") ? java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(listing) : null;
        }
        assertThat(id).as("the query was listed while it ran").isNotNull();
        HttpResponse<String> cancel = http.send(Http.withWriter(http.request("/admin/queries/" + id.group(1)).DELETE()));
        assertThat(cancel.statusCode()).isEqualTo(204);
        HttpResponse<String> stopped = running.get();
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.body()).contains("cancelled by an operator");
    }

    // --- update operation ---

    @Test
    void updateByFormAndByBodyWithCredentials() {
        HttpResponse<String> form = http.post("/sparql/update", "application/x-www-form-urlencoded",
                "update=" + Http.encode("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:1> <urn:example:p> 1 } }"), true);
        assertThat(form.statusCode()).isEqualTo(204);
        HttpResponse<String> body = http.post("/sparql/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:2> <urn:example:p> 2 } }", true);
        assertThat(body.statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isEqualTo(2);
    }

    @Test
    void writesWithoutOrWithWrongCredentialsAre401AndChangeNothing() {
        String insert = "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:1> <urn:example:p> 1 } }";
        HttpResponse<String> anonymous = http.post("/sparql/update", "application/sparql-update", insert, false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        HttpResponse<String> wrong = http.send(Http.withCredentials(http.request("/sparql/update")
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(insert)), Http.WRITER, "not-the-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isZero();
    }

    @Test
    void usingGraphUriSetsTheUpdateDatasetAndConflictsWithUsingInTheUpdate() {
        String copyLabels = "INSERT { GRAPH <" + SCRATCH + "> { ?s <urn:example:copied> ?l } } WHERE { ?s "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?l }";
        HttpResponse<String> response = http.post("/sparql/update?using-graph-uri=" + Http.encode(PRACTICES),
                "application/sparql-update", copyLabels, true);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isEqualTo(3);

        String withUsing = "INSERT { GRAPH <" + SCRATCH + "> { ?s <urn:example:again> ?l } } USING <" + REGIONS
                + "> WHERE { ?s ?p ?l }";
        HttpResponse<String> conflict = http.post("/sparql/update?using-graph-uri=" + Http.encode(PRACTICES),
                "application/sparql-update", withUsing, true);
        assertThat(conflict.statusCode()).isEqualTo(400);
        assertThat(conflict.body()).contains("USING");
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s <urn:example:again> ?o } }")).isZero();
    }

    @Test
    void aFailedUpdateChangesNothing() {
        // The second operation fails when it runs (nothing listens on port 9), after the first has been applied.
        String update = "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:1> <urn:example:p> 1 } } ;\n"
                + "LOAD <http://127.0.0.1:9/missing.ttl> INTO GRAPH <" + SCRATCH + ">";
        HttpResponse<String> response = http.post("/sparql/update", "application/sparql-update", update, true);
        assertThat(response.statusCode()).isBetween(400, 599);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isZero();
    }

    @Test
    void malformedUpdateIs400WithItsLine() {
        HttpResponse<String> malformed = http.post("/sparql/update", "application/sparql-update",
                "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:example:1> <urn:example:p> } }", true);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("line 1");
    }

    // --- writes addressed to the default graph go to the designated named graph ---

    @Test
    void theTutorialsUpdatesWriteTheDesignatedGraphAndQueriesSeeThem() {
        int practiceTriples = count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }");
        assertThat(update("INSERT DATA { <urn:example:s> <urn:example:p> \"o\" }").statusCode()).isEqualTo(204);
        assertThat(ask("ASK { <urn:example:s> <urn:example:p> \"o\" }")).as("visible in the default graph").isTrue();
        assertThat(ask("ASK { GRAPH <" + DESIGNATED + "> { <urn:example:s> <urn:example:p> \"o\" } }")).isTrue();

        // A template outside GRAPH writes there too; its WHERE reads the union.
        assertThat(update("INSERT { ?p <urn:example:seen> true } WHERE { ?p a "
                + "<https://w3id.org/innograph/ontology#GoodPractice> }").statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + DESIGNATED + "> { ?s <urn:example:seen> ?o } }")).isEqualTo(3);

        // DELETE DATA of a triple that another graph holds too removes it from the designated graph only.
        String label = "<https://w3id.org/innograph/id/practice/sef-vouchers> "
                + "<http://www.w3.org/2000/01/rdf-schema#label> \"SEF vouchers\"@en";
        assertThat(update("INSERT DATA { " + label + " }").statusCode()).isEqualTo(204);
        assertThat(update("DELETE DATA { " + label + " }").statusCode()).isEqualTo(204);
        assertThat(ask("ASK { GRAPH <" + DESIGNATED + "> { " + label + " } }")).isFalse();
        assertThat(ask("ASK { GRAPH <" + PRACTICES + "> { " + label + " } }")).isTrue();

        assertThat(update("DELETE WHERE { ?s <urn:example:seen> ?o }").statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { ?s <urn:example:seen> ?o }")).isZero();
        assertThat(update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").statusCode()).as("only the designated graph")
                .isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }")).isEqualTo(practiceTriples);
        assertThat(ask("ASK { GRAPH <" + DESIGNATED + "> { ?s ?p ?o } }")).isFalse();

        for (String emptying : List.of("CLEAR DEFAULT", "DROP DEFAULT")) {
            assertThat(update("INSERT DATA { <urn:example:s> <urn:example:p> 1 }").statusCode()).isEqualTo(204);
            assertThat(update(emptying).statusCode()).as(emptying).isEqualTo(204);
            assertThat(ask("ASK { <urn:example:s> <urn:example:p> 1 }")).as(emptying).isFalse();
            assertThat(count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }")).isEqualTo(practiceTriples);
        }
        assertThat(update("CLEAR DEFAULT").statusCode()).as("clearing an empty default graph").isEqualTo(204);

        // DEFAULT in COPY and MOVE names the designated graph too.
        assertThat(update("INSERT DATA { <urn:example:s> <urn:example:p> 2 }").statusCode()).isEqualTo(204);
        assertThat(update("COPY DEFAULT TO <" + SCRATCH + ">").statusCode()).isEqualTo(204);
        assertThat(ask("ASK { GRAPH <" + SCRATCH + "> { <urn:example:s> <urn:example:p> 2 } }")).isTrue();
        assertThat(update("CLEAR DEFAULT").statusCode()).isEqualTo(204);
        assertThat(update("MOVE <" + SCRATCH + "> TO DEFAULT").statusCode()).isEqualTo(204);
        assertThat(ask("ASK { GRAPH <" + DESIGNATED + "> { <urn:example:s> <urn:example:p> 2 } }")).isTrue();
        assertThat(ask("ASK { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isFalse();
        assertThat(count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }")).isEqualTo(practiceTriples);
    }

    @Test
    void graphStoreWritesToTheDefaultGraphActOnTheDesignatedGraphOnly() {
        int practiceTriples = count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }");
        assertThat(send("/sparql/data?default", "POST", "text/turtle", "<urn:example:1> <urn:example:p> 1 .")
                .statusCode()).isEqualTo(204);
        assertThat(send("/sparql/data?default", "POST", "text/turtle", "<urn:example:2> <urn:example:p> 2 .")
                .statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { ?s <urn:example:p> ?o }")).isEqualTo(2);
        assertThat(put("/sparql/data?default", "<urn:example:3> <urn:example:p> 3 .").statusCode()).isEqualTo(204);
        assertThat(count("SELECT ?o WHERE { ?s <urn:example:p> ?o }")).as("PUT replaced the designated graph")
                .isEqualTo(1);
        assertThat(http.get("/sparql/data?graph=" + Http.encode(DESIGNATED), "application/n-triples").body())
                .contains("<urn:example:3>");
        assertThat(http.send(Http.withWriter(http.request("/sparql/data?default").DELETE())).statusCode())
                .isEqualTo(204);
        assertThat(count("SELECT * WHERE { ?s <urn:example:p> ?o }")).isZero();
        assertThat(count("SELECT * WHERE { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }")).isEqualTo(practiceTriples);
        assertThat(http.send(Http.withWriter(http.request("/sparql/data?default").DELETE())).statusCode())
                .as("the default graph always exists").isEqualTo(204);
        HttpResponse<String> anonymous = http.send(http.request("/sparql/data?default")
                .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> 1 .")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void jenaRdfConnectionLoadsPutsAndUpdatesTheDefaultGraph() {
        Model model = parse("<urn:example:loaded> <urn:example:p> \"from load(model)\" .", Lang.TURTLE);
        // As a researcher would: the endpoint as in the README, the password registered with Jena.
        java.net.URI endpoint = java.net.URI.create(http.base() + "/sparql");
        AuthEnv.get().registerUsernamePassword(endpoint, Http.WRITER, Http.WRITER_PASSWORD);
        try (RDFConnection connection = RDFConnection.connect(endpoint.toString())) {
            connection.load(model);
            List<String> found = new ArrayList<>();
            connection.querySelect("SELECT ?o WHERE { <urn:example:loaded> <urn:example:p> ?o }",
                    row -> found.add(row.getLiteral("o").getString()));
            assertThat(found).containsExactly("from load(model)");

            connection.put(parse("<urn:example:put> <urn:example:p> 1 .", Lang.TURTLE));
            assertThat(connection.queryAsk("ASK { <urn:example:loaded> ?p ?o }")).as("put replaced it").isFalse();
            assertThat(connection.queryAsk("ASK { <urn:example:put> ?p ?o }")).isTrue();

            connection.update("INSERT DATA { <urn:example:updated> <urn:example:p> 2 }");
            assertThat(connection.queryAsk("ASK { <urn:example:updated> <urn:example:p> 2 }")).isTrue();
            assertThat(connection.fetch(DESIGNATED).size()).isEqualTo(2);

            connection.delete();
            assertThat(connection.queryAsk("ASK { GRAPH <" + DESIGNATED + "> { ?s ?p ?o } }")).isFalse();
            assertThat(connection.queryAsk("ASK { GRAPH <" + PRACTICES + "> { ?s ?p ?o } }")).isTrue();
        } finally {
            AuthEnv.get().unregisterUsernamePassword(endpoint);
        }
    }

    // --- Graph Store HTTP Protocol ---

    @Test
    void graphStoreReadsNamedAndDefaultGraphs() {
        HttpResponse<String> named = http.get("/sparql/data?graph=" + Http.encode(REGIONS), "text/turtle");
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(parse(named.body(), Lang.TURTLE).size()).isEqualTo(9);
        HttpResponse<String> union = http.get("/sparql/data?default", "application/n-triples");
        assertThat(parse(union.body(), Lang.NTRIPLES).size()).isGreaterThanOrEqualTo(18);
        HttpResponse<String> head = http.send(http.request("/sparql/data?graph=" + Http.encode(REGIONS))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(http.get("/sparql/data?graph=" + Http.encode(SCRATCH), null).statusCode()).isEqualTo(404);
    }

    @Test
    void graphStoreWritesCreateReplaceAddAndDelete() {
        String target = "/sparql/data?graph=" + Http.encode(SCRATCH);
        HttpResponse<String> anonymous = http.send(http.request(target).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:example:1> <urn:example:p> 1 .")));
        assertThat(anonymous.statusCode()).isEqualTo(401);

        assertThat(put(target, "<urn:example:1> <urn:example:p> 1 .").statusCode()).isEqualTo(201);
        assertThat(put(target, "<urn:example:1> <urn:example:p> 2 . <urn:example:2> <urn:example:p> 3 .").statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isEqualTo(2);

        HttpResponse<String> post = http.send(Http.withWriter(http.request(target)
                .header("Content-Type", "application/n-triples")
                .POST(HttpRequest.BodyPublishers.ofString("<urn:example:3> <urn:example:p> \"4\" .\n"))));
        assertThat(post.statusCode()).isEqualTo(204);
        assertThat(count("SELECT * WHERE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }")).isEqualTo(3);

        assertThat(http.send(Http.withWriter(http.request(target).DELETE())).statusCode()).isEqualTo(204);
        assertThat(http.send(Http.withWriter(http.request(target).DELETE())).statusCode()).isEqualTo(404);
    }

    @Test
    void graphStoreRejectsBadBodies() {
        String target = "/sparql/data?graph=" + Http.encode(SCRATCH);
        HttpResponse<String> malformed = put(target, "<urn:example:1> <urn:example:p> .");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("line: 1");
        HttpResponse<String> unknownType = http.send(Http.withWriter(http.request(target)
                .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofString("%PDF"))));
        assertThat(unknownType.statusCode()).isEqualTo(415);
        assertThat(put("/sparql/data?graph=not-absolute", "<urn:example:1> <urn:example:p> 1 .").statusCode()).isEqualTo(400);
        assertThat(http.get(target, null).statusCode()).isEqualTo(404);
    }

    @Test
    void postToTheServiceCreatesANewGraphAndSaysWhere() {
        HttpResponse<String> created = http.send(Http.withWriter(http.request("/sparql/data")
                .header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString("<urn:example:new> <urn:example:p> 1 ."))));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(http.get(location, "application/n-triples").body()).contains("<urn:example:new>");
        http.send(Http.withWriter(http.request(location).DELETE()));
    }

    @Test
    void getWithoutAGraphReturnsTheWholeDatasetWithItsGraphNames() {
        HttpResponse<String> response = http.get("/sparql/data", "application/n-quads");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFParser.fromString(response.body(), Lang.NQUADS).parse(dataset);
        assertThat(dataset.getGraph(NodeFactory.createURI(PRACTICES)).size()).isEqualTo(9);
        assertThat(dataset.getGraph(NodeFactory.createURI(REGIONS)).size()).isEqualTo(9);
    }

    // --- clients and operations ---

    @Test
    void jenaRdfConnectionWorksUnchanged() {
        try (RDFConnection connection = RDFConnection.connect(http.base() + "/sparql")) {
            List<String> labels = new ArrayList<>();
            connection.querySelect(LABELS, row -> labels.add(row.getLiteral("label").getString()));
            assertThat(labels).hasSize(3).contains("SEF vouchers");
            Model regions = connection.fetch(REGIONS);
            assertThat(regions.size()).isEqualTo(9);
        }
    }

    @Test
    void healthShowsModeReachabilityAndTripleCount() {
        HttpResponse<String> health = http.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mode\":\"" + expectedMode() + "\"").contains("\"reachable\":true")
                .containsPattern("\"triples\":\\d+");
    }

    abstract String expectedMode();

    HttpResponse<String> update(String update) {
        return http.post("/sparql/update", "application/sparql-update", update, true);
    }

    boolean ask(String ask) {
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(ask), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().contains("true");
    }

    HttpResponse<String> send(String target, String method, String contentType, String body) {
        return http.send(Http.withWriter(http.request(target).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body))));
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    HttpResponse<String> put(String target, String turtle) {
        return http.send(Http.withWriter(http.request(target).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(turtle))));
    }

    int count(String select) {
        ResultSet rows = json(http.get("/sparql?query=" + Http.encode(select), null));
        return ResultSetFormatter.consume(rows);
    }

    static ResultSet json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ResultSetMgr.read(stream(response), ResultSetLang.RS_JSON);
    }

    static List<String> column(ResultSet rows, String variable) {
        List<String> values = new ArrayList<>();
        rows.forEachRemaining(row -> {
            var node = row.get(variable);
            values.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
        });
        return values;
    }

    static Model parse(String body, Lang lang) {
        return RDFParser.fromString(body, lang).toModel();
    }

    static ByteArrayInputStream stream(HttpResponse<String> response) {
        return new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8));
    }

}
