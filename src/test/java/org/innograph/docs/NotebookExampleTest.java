package org.innograph.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.innograph.testing.TemporaryDirectories;
import org.innograph.testing.EmbeddedTestStore;
import org.innograph.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/notebooks/example.py, the Python example of docs/notebooks.md, run as a researcher runs it (Debian's
 * python3 with python3-sparqlwrapper and python3-pandas) against the service with the shipped data. Its
 * federated join goes to a local Fuseki standing in for the EU Publications Office's NUTS endpoint (the
 * federation tests' fixture), given to the script as its --nuts-endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotebookExampleTest {

    static final Path SCRIPT = Path.of("docs/notebooks/example.py");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static FusekiServer nutsEndpoint;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-notebook-tdb2");
        // Read when the context starts, after @BeforeAll has started the stand-in.
        registry.add("innograph.federation.allowed-endpoints", () -> nutsSparql());
    }

    @BeforeAll
    static void startNutsStandIn() {
        boolean ready = Files.isExecutable(PYTHON) && modulesPresent();
        // CI installs the packages (.ci/run), so there a missing one is a failure; elsewhere a hint to install.
        if (!ready && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's python3-sparqlwrapper and python3-pandas");
        }
        Assumptions.assumeTrue(ready, "Notebook example skipped: apt-get install python3-sparqlwrapper python3-pandas");
        Dataset nuts = DatasetFactory.createTxnMem();
        RDFDataMgr.read(nuts, "src/test/resources/fixtures/nuts-publications-office/nuts-labels.ttl");
        nutsEndpoint = FusekiServer.create().port(0).loopback(true).add("/nuts", nuts).build().start();
    }

    @AfterAll
    static void stopNutsStandIn() {
        if (nutsEndpoint != null) {
            nutsEndpoint.stop();
        }
    }

    @Test
    void thePythonExampleGivesTheServersAnswersAsDataFrames() throws Exception {
        Path out = TemporaryDirectories.removedAtExit("innograph-notebook");
        Http http = Http.onPort(port);
        Process python = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--base", http.base(),
                "--nuts-endpoint", nutsSparql(), "--language", "fr", "--region", "AT12", "--out", out.toString())
                .redirectErrorStream(true).start();
        String printed;
        boolean finished = python.waitFor(180, TimeUnit.SECONDS);
        printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            python.destroyForcibly();
        }
        assertThat(finished).as("the example finished within 3 minutes").isTrue();
        assertThat(python.exitValue()).as(printed).isZero();

        // 1. the stored query's rows, as the API gives them
        Map<String, String> perCountry = new TreeMap<>();
        csv(out.resolve("practices-per-country.csv")).forEach(r -> perCountry.put(r.get("country"), r.get("practices")));
        Map<String, String> fromApi = new TreeMap<>();
        parse(http.get("/api/queries/practice-counts-per-country?per_page=1000", "text/csv").body())
                .forEach(r -> fromApi.put(r.get("country"), r.get("practices")));
        assertThat(perCountry).isNotEmpty().isEqualTo(fromApi);

        // 2. the federated join: each practice located in a region the stand-in names in French, with that name
        Set<String> joined = new TreeSet<>();
        csv(out.resolve("nuts-names.csv")).forEach(r -> joined.add(r.get("region") + " " + r.get("name")));
        assertThat(joined).contains("http://data.europa.eu/nuts/code/AT12 Basse-Autriche",
                "http://data.europa.eu/nuts/code/LV00 Lettonie");
        Set<String> practices = new TreeSet<>();
        csv(out.resolve("nuts-names.csv")).forEach(r -> practices.add(r.get("practice")));
        Set<String> located = new TreeSet<>();
        parse(http.get("/sparql?query=" + Http.encode("""
                PREFIX dct: <http://purl.org/dc/terms/> PREFIX ig: <https://w3id.org/innograph/ontology#>
                SELECT DISTINCT ?practice WHERE { ?practice a ig:GoodPractice ; dct:spatial ?region
                  VALUES ?region { <http://data.europa.eu/nuts/code/AT12> <http://data.europa.eu/nuts/code/LV00> } }"""),
                "text/csv").body()).forEach(r -> located.add(r.get("practice")));
        assertThat(practices).isEqualTo(located);

        // 3. the recommendations, in the API's order
        List<String> recommended = new ArrayList<>();
        csv(out.resolve("recommendations.csv")).forEach(r -> recommended.add(r.get("practice")));
        JsonNode api = JsonMapper.builder().build().readTree(
                http.get("/api/recommendations?region=AT12&limit=5", "application/json").body());
        List<String> expected = new ArrayList<>();
        api.path("results").forEach(item -> expected.add(item.path("practice").asString()));
        assertThat(recommended).isNotEmpty().isEqualTo(expected);
        assertThat(printed).contains("Recommended practices for AT12");
    }

    private static boolean modulesPresent() {
        try {
            Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import SPARQLWrapper, pandas")
                    .redirectErrorStream(true).start();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String nutsSparql() {
        return "http://127.0.0.1:" + nutsEndpoint.getPort() + "/nuts/sparql";
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
