package org.innograph.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.json.JsonMapper;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.innograph.InnoGraphApplication;
import org.innograph.ingest.GraphNames;
import org.innograph.recommend.RankingStatistics;
import org.innograph.testing.Http;
import org.innograph.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server deployment of docker/docker-compose.yml without containers: the standalone Fuseki server
 * (target/fuseki/fuseki-server.jar, copied there by the build) running docker/fuseki/config.ttl unchanged, and
 * InnoGraph as a second JVM in remote mode in front of it. Everything goes through real HTTP between real
 * processes on loopback, including Fuseki going away and coming back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoProcessTopologyTest {

    private static final Path FUSEKI_JAR = Path.of("target/fuseki/fuseki-server.jar");
    private static final Path FUSEKI_CONFIG = Path.of("docker/fuseki/config.ttl");
    private static final List<Path> SHIPPED_DATA = List.of(Path.of("ontology"), Path.of("data"));

    private static final String FUSEKI_PASSWORD = "fuseki-writer-secret";
    private static final String EDITED_GRAPH = "https://w3id.org/innograph/graph/deployment-check";

    private static final String FUSEKI_QUERY = "/innograph/query";
    private static final String SPARQL_UPDATE = "application/sparql-update";

    @TempDir
    static Path workDirectory;

    private Path fusekiDirectory;
    private int fusekiPort;
    private ServerProcess fuseki;
    private ServerProcess innograph;
    private Http innographHttp;
    private Http fusekiHttp;

    @BeforeAll
    void startBothServers() throws Exception {
        assertThat(FUSEKI_JAR).as("the build copies the Fuseki server jar (maven-dependency-plugin)").exists();
        fusekiDirectory = Files.createDirectories(workDirectory.resolve("fuseki"));
        // The same password file the container's entrypoint writes from FUSEKI_WRITER_PASSWORD.
        Files.writeString(fusekiDirectory.resolve("passwd"), "writer: MD5:" + md5(FUSEKI_PASSWORD) + "\n");
        fusekiPort = ServerProcess.freeLoopbackPort();
        long start = System.nanoTime();
        fuseki = startFuseki();
        long fusekiReady = System.nanoTime();

        int innographPort = ServerProcess.freeLoopbackPort();
        String fusekiBase = "http://127.0.0.1:" + fusekiPort + "/innograph/";
        List<String> command = ServerProcess.java(List.of("-Xmx512m",
                "-XX:TieredStopAtLevel=1"), "-cp", applicationClassPath(), InnoGraphApplication.class.getName(),
                "--server.port=" + innographPort, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--innograph.store.mode=remote",
                "--innograph.store.remote.query-url=" + fusekiBase + "query",
                "--innograph.store.remote.update-url=" + fusekiBase + "update",
                "--innograph.store.remote.gsp-url=" + fusekiBase + "data",
                "--innograph.store.remote.username=writer",
                "--innograph.store.remote.password=" + FUSEKI_PASSWORD,
                "--innograph.security.writer.username=" + Http.WRITER,
                "--innograph.security.writer.password=" + Http.WRITER_PASSWORD,
                // one argument, comma-separated: Spring joins repeated arguments into one path (STACK.md, trap 9)
                "--innograph.data.directories=" + SHIPPED_DATA.stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining(",")));
        innograph = ServerProcess.startIn(workDirectory, "innograph", command);
        // Readiness turns UP once start-up (and so the shipped-data load) is over.
        innograph.awaitAnswer(URI.create("http://127.0.0.1:" + innographPort + "/actuator/health/readiness"),
                response -> response.statusCode() == 200, Duration.ofSeconds(75));
        long innographReady = System.nanoTime();
        System.out.printf("Two-process topology: Fuseki ready in %.1f s, InnoGraph ready with data loaded in %.1f s%n",
                (fusekiReady - start) / 1e9, (innographReady - fusekiReady) / 1e9);

        innographHttp = Http.onPort(innographPort);
        fusekiHttp = Http.onPort(fusekiPort);
    }

    @AfterAll
    void stopBothServers() {
        try (ServerProcess store = fuseki; ServerProcess service = innograph) {
            // try-with-resources closes in reverse order: InnoGraph first, then Fuseki
        }
    }

    @Test
    @Order(1)
    void startUpLoadsEachShippedFileIntoFusekiAsOneNamedGraph() throws IOException {
        Map<String, Long> shipped = new TreeMap<>();
        for (Path directory : SHIPPED_DATA) {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(GraphNames::isShippedGraphFile).forEach(file -> {
                    Model content = RDFDataMgr.loadModel(file.toString());
                    shipped.put(GraphNames.forShippedFile(file, content), content.size());
                });
            }
        }
        assertThat(shipped).isNotEmpty();
        String sizes = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        Map<String, Long> inFuseki = graphSizes(select(fusekiHttp, FUSEKI_QUERY, sizes));
        inFuseki.remove(GraphNames.LOAD_STATE);
        // beside the files, InnoGraph's statistics kept from them, written at start-up
        assertThat(inFuseki.remove(RankingStatistics.GRAPH)).as("the statistics graph").isPositive();
        assertThat(inFuseki).as("every shipped file, whole, in Fuseki").isEqualTo(shipped);
        assertThat(graphSizes(select(innographHttp, "/sparql", sizes))).as("what InnoGraph sees")
                .containsAllEntriesOf(shipped);

        // Fuseki's default graph is the union of the named graphs, as InnoGraph's embedded store's is.
        assertThat(select(innographHttp, "/sparql",
                "SELECT ?practice WHERE { ?practice a <https://w3id.org/innograph/ontology#GoodPractice> }"))
                .isNotEmpty();
    }

    @Test
    @Order(2)
    void updatesNeedTheWritersCredentialsAndReachFusekiWithInnoGraphsOwn() {
        String insert = "INSERT DATA { GRAPH <" + EDITED_GRAPH + "> { <https://w3id.org/innograph/id/practice/x> "
                + "<http://www.w3.org/2000/01/rdf-schema#label> \"written through InnoGraph\" } }";
        assertThat(innographHttp.post("/sparql/update", SPARQL_UPDATE, insert, false).statusCode())
                .as("an update without credentials").isEqualTo(401);
        assertThat(fusekiHttp.post("/innograph/update", SPARQL_UPDATE, insert, false).statusCode())
                .as("Fuseki's own update endpoint without its password").isEqualTo(401);

        HttpResponse<String> update = innographHttp.post("/sparql/update", SPARQL_UPDATE, insert, true);
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);
        assertThat(select(fusekiHttp, FUSEKI_QUERY, "SELECT ?label WHERE { GRAPH <" + EDITED_GRAPH + "> { ?s ?p ?label } }"))
                .extracting(row -> row.getLiteral("label").getString()).containsExactly("written through InnoGraph");
    }

    @Test
    @Order(3)
    void graphStoreWritesReadsAndDeletesANamedGraphInFuseki() {
        String graph = "/sparql/data?graph=" + Http.encode(EDITED_GRAPH + "-gsp");
        String turtle = "<https://w3id.org/innograph/id/practice/y> <http://www.w3.org/2000/01/rdf-schema#label> "
                + "\"put through the graph store\" .";
        assertThat(innographHttp.send(putTurtle(graph, turtle)).statusCode()).isEqualTo(401);
        HttpResponse<String> put = innographHttp.send(Http.withWriter(putTurtle(graph, turtle)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        HttpResponse<String> read = innographHttp.get(graph, "text/turtle");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("put through the graph store");
        assertThat(fusekiHttp.get("/innograph/get?graph=" + Http.encode(EDITED_GRAPH + "-gsp"), "application/n-triples")
                .body()).contains("put through the graph store");

        assertThat(innographHttp.send(Http.withWriter(innographHttp.request(graph).DELETE())).statusCode())
                .isEqualTo(204);
        assertThat(innographHttp.get(graph, "text/turtle").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void storedQueriesRunOnFusekiAndAnswerAsTheSameSparqlSentToFusekiDirectly() throws IOException {
        HttpResponse<String> catalogue = innographHttp.get("/api/queries", "application/json");
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.body()).contains("\"practice-counts-per-country\"");

        // The query file has no parameters, and its header lines are SPARQL comments: Fuseki can run it as it is.
        String file = Files.readString(Path.of("src/main/resources/queries/practice-counts-per-country.rq"));
        HttpResponse<String> stored = innographHttp.get("/api/queries/practice-counts-per-country",
                "application/sparql-results+json");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        List<String> throughInnoGraph = countsPerCountry(rows(stored));
        assertThat(throughInnoGraph).isNotEmpty()
                .isEqualTo(countsPerCountry(select(fusekiHttp, FUSEKI_QUERY, file)));
    }

    @Test
    @Order(5)
    void aDumpThroughInnoGraphHoldsWhatFusekiHolds() throws IOException {
        String graph = "https://w3id.org/innograph/graph/inno-industry";
        HttpResponse<byte[]> dump = download(URI.create(innographHttp.base() + "/api/dump?graph="
                + Http.encode(graph)));
        assertThat(dump.statusCode()).isEqualTo(200);
        DatasetGraph quads = DatasetGraphFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(dump.body()))).lang(Lang.NQUADS).parse(quads);
        long inFuseki = select(fusekiHttp, FUSEKI_QUERY, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph
                + "> { ?s ?p ?o } }").get(0).getLiteral("n").getLong();
        assertThat(quads.getGraph(NodeFactory.createURI(graph)).size()).isPositive().isEqualTo(inFuseki);
    }

    @Test
    @Order(6)
    void recommendationsAreBuiltFromFusekiAndAgreeWithTheirSparqlFace() {
        HttpResponse<String> api = innographHttp.get("/api/recommendations?region=AT12&limit=5", "application/json");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        List<String> ranked = new ArrayList<>();
        JsonMapper.builder().build().readTree(api.body()).get("results")
                .forEach(result -> ranked.add(result.get("practice").asString()));

        HttpResponse<String> sparql = innographHttp.get("/api/queries/recommend-practices-for-region?region=AT12"
                + "&per_page=5", "application/sparql-results+json");
        assertThat(sparql.statusCode()).as(sparql.body()).isEqualTo(200);
        List<String> sparqlFace = rows(sparql).stream().map(row -> row.getResource("practice").getURI()).toList();
        assertThat(ranked).hasSize(5).isEqualTo(sparqlFace);
    }

    @Test
    @Order(10)
    void whenFusekiStopsInnoGraphAnswers503AndRecoversWhenItIsBackWithoutARestart() throws Exception {
        fuseki.close();
        long stopped = System.nanoTime();

        HttpResponse<String> health = innographHttp.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"reachable\":false");

        String ask = Http.encode("ASK { ?s ?p ?o }");
        String graph = "/sparql/data?graph=" + Http.encode(EDITED_GRAPH);
        String triple = "<https://w3id.org/innograph/id/practice/z> <http://www.w3.org/2000/01/rdf-schema#label> \"z\"";
        Map<String, HttpResponse<String>> duringOutage = new LinkedHashMap<>();
        duringOutage.put("query (GET)", innographHttp.get("/sparql?query=" + ask, "application/sparql-results+json"));
        duringOutage.put("query (POST form)", innographHttp.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + ask, false));
        duringOutage.put("update", innographHttp.post("/sparql/update", SPARQL_UPDATE,
                "INSERT DATA { GRAPH <" + EDITED_GRAPH + "> { " + triple + " } }", true));
        duringOutage.put("graph store GET", innographHttp.get(graph, "text/turtle"));
        duringOutage.put("graph store GET, whole dataset", innographHttp.get("/sparql/data", "application/n-quads"));
        duringOutage.put("graph store PUT", innographHttp.send(Http.withWriter(putTurtle(graph, triple + " ."))));
        duringOutage.put("graph store POST", innographHttp.send(Http.withWriter(innographHttp.request(graph)
                .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(triple + " .")))));
        duringOutage.put("stored query", innographHttp.get("/api/queries/practice-counts-per-country",
                "application/json"));
        duringOutage.put("import", innographHttp.post("/api/imports?name=outage.ttl", "text/turtle",
                triple + " .", true));
        duringOutage.put("linked-data page (Turtle)", innographHttp.get("/id/practice/bits-it-school-latvia",
                "text/turtle"));
        duringOutage.put("linked-data page (HTML)", innographHttp.get("/id/practice/bits-it-school-latvia",
                "text/html"));
        duringOutage.put("dump", innographHttp.get("/api/dump", "application/n-quads"));
        duringOutage.put("graph store DELETE", innographHttp.send(Http.withWriter(innographHttp.request(graph).DELETE())));
        String unreachable = "127.0.0.1:" + fusekiPort + " cannot be reached";
        duringOutage.forEach((request, response) -> {
            assertThat(response.statusCode()).as(request + ": " + response.body()).isEqualTo(503);
            assertThat(response.body()).as(request).contains(unreachable);
            assertThat(response.headers().firstValue("Retry-After")).as(request).isPresent();
        });

        fuseki = startFuseki();
        long restarted = System.nanoTime();
        innograph.awaitAnswer(URI.create(innographHttp.base() + "/actuator/health"),
                response -> response.statusCode() == 200 && response.body().contains("\"reachable\":true"),
                Duration.ofSeconds(20));
        long recovered = System.nanoTime();
        System.out.printf("Two-process topology: outage checks and Fuseki restart in %.1f s; InnoGraph healthy "
                + "%.2f s after Fuseki was back%n", (restarted - stopped) / 1e9, (recovered - restarted) / 1e9);

        // Same port, same database: what was written before the outage is there again, through InnoGraph.
        assertThat(select(innographHttp, "/sparql", "SELECT ?label WHERE { GRAPH <" + EDITED_GRAPH + "> { ?s ?p ?label } }"))
                .extracting(row -> row.getLiteral("label").getString()).containsExactly("written through InnoGraph");
        assertThat(innograph.isAlive()).as("InnoGraph was never restarted").isTrue();
    }

    private ServerProcess startFuseki() throws Exception {
        ServerProcess server = ServerProcess.startIn(fusekiDirectory, "fuseki", ServerProcess.java(List.of("-Xmx384m",
                "-XX:TieredStopAtLevel=1"), "-jar", FUSEKI_JAR.toAbsolutePath().toString(),
                "--config=" + FUSEKI_CONFIG.toAbsolutePath(), "--port=" + fusekiPort, "--localhost"));
        server.awaitAnswer(URI.create("http://127.0.0.1:" + fusekiPort + "/$/ping"),
                response -> response.statusCode() == 200, Duration.ofSeconds(120));
        return server;
    }

    /**
     * The test JVM's class path without the test classes, so that InnoGraph's component scan in the second
     * JVM sees what a packaged InnoGraph sees. Surefire may hand the JVM a manifest-only jar; its Class-Path
     * is read then.
     */
    private static String applicationClassPath() throws IOException, URISyntaxException {
        Path testClasses = Path.of(TwoProcessTopologyTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (var jar = new java.util.jar.JarFile(entries.get(0))) {
                String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries.clear();
                    for (String url : manifestPath.trim().split("\\s+")) {
                        entries.add(Path.of(URI.create(url)).toString());
                    }
                }
            }
        }
        return entries.stream().filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private HttpRequest.Builder putTurtle(String path, String turtle) {
        return innographHttp.request(path).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(turtle));
    }

    /** The rows of a SELECT answered with 200; anything else fails with the status and message. */
    private static List<QuerySolution> select(Http server, String endpoint, String query) {
        HttpResponse<String> response = server.get(endpoint + "?query=" + Http.encode(query),
                "application/sparql-results+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return rows(response);
    }

    private static List<QuerySolution> rows(HttpResponse<String> response) {
        List<QuerySolution> rows = new ArrayList<>();
        ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON).forEachRemaining(rows::add);
        return rows;
    }

    private static List<String> countsPerCountry(List<QuerySolution> rows) {
        return rows.stream().map(row -> (row.contains("country") ? row.getResource("country").getURI() : "none")
                + " " + row.getLiteral("practices").getLong()).toList();
    }

    /** A binary download (the shared test client reads text), within a time limit. */
    private static HttpResponse<byte[]> download(URI url) throws IOException {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Map<String, Long> graphSizes(List<QuerySolution> rows) {
        Map<String, Long> sizes = new TreeMap<>();
        rows.forEach(row -> sizes.put(row.getResource("g").getURI(), row.getLiteral("n").getLong()));
        return sizes;
    }

    private static String md5(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
