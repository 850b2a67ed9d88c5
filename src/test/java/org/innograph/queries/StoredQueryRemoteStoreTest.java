package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored queries on a remote store (a real Fuseki in this JVM): the bound VALUES blocks, the page window and
 * the label lookup travel as SPARQL text and give the same answers as on the embedded store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredQueryRemoteStoreTest {

    private static final TestFuseki FUSEKI = TestFuseki.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FUSEKI.registerAsRemoteStore(registry);
        registry.add("innograph.data.directories", () -> Path.of("src/test/resources/stored-queries/data").toString());
    }

    @AfterAll
    static void stopFuseki() {
        FUSEKI.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void boundParametersPagesAndLabelsWorkOnARemoteStore() {
        JsonNode page = get("/api/queries/practices-by-theme?theme=digital-transformation,clusters&per_page=1");
        assertThat(page.get("rows")).hasSize(1);
        assertThat(page.get("has_next").asBoolean()).isTrue();
        JsonNode row = page.get("rows").get(0);
        assertThat(row.get("practice").get("value").asString())
                .isEqualTo("https://w3id.org/innograph/id/practice/cluster-programme");
        assertThat(row.get("practice").get("label").asString()).isEqualTo("Cluster programme");

        JsonNode second = get("/api/queries/practices-by-theme?theme=digital-transformation,clusters&per_page=1&page=2");
        assertThat(second.get("rows").get(0).get("practice").get("value").asString())
                .isEqualTo("https://w3id.org/innograph/id/practice/smart-factory");
        assertThat(second.get("has_next").asBoolean()).isFalse();

        JsonNode region = get("/api/queries/practices-by-region?region=AT1");
        assertThat(region.get("rows")).hasSize(1);
        assertThat(region.get("rows").get(0).get("location").get("label").asString()).isEqualTo("Niederösterreich");
    }

    /**
     * The certainty query hands the project to its two parts with LATERAL: the text InnoGraph sends, VALUES blocks
     * and page window included, must parse and run on Fuseki, grouping the linked practice's sources.
     */
    @Test
    void linkCertaintyRunsOnARemoteStore() {
        JsonNode all = get("/api/queries/practices-by-link-certainty");
        assertThat(all.get("rows")).hasSize(2);
        JsonNode context = all.get("rows").get(0);
        assertThat(context.get("practice").get("value").asString())
                .isEqualTo("https://w3id.org/innograph/id/practice/cluster-programme");
        assertThat(context.get("certainty").get("value").asString()).isEqualTo("context");
        assertThat(context.get("sources").isNull()).as("no link, no sources").isTrue();
        JsonNode likely = all.get("rows").get(1);
        assertThat(likely.get("practice").get("value").asString())
                .isEqualTo("https://w3id.org/innograph/id/practice/smart-factory");
        assertThat(likely.get("certainty").get("value").asString()).isEqualTo("likely");
        assertThat(likely.get("note").get("value").asString()).isEqualTo("named in a workshop report");
        assertThat(likely.get("sources").get("value").asString().split(" "))
                .containsExactlyInAnyOrder("https://example.org/workshop-report", "https://example.org/newsletter");

        JsonNode onlyLikely = get("/api/queries/practices-by-link-certainty?certainty=likely");
        assertThat(onlyLikely.get("rows")).hasSize(1);
        assertThat(onlyLikely.get("rows").get(0).get("practice").get("value").asString()).endsWith("/smart-factory");

        JsonNode otherProject = get("/api/queries/practices-by-link-certainty?project="
                + "https://w3id.org/innograph/id/project/another-project");
        assertThat(otherProject.get("rows")).hasSize(2);
        otherProject.get("rows").forEach(row -> assertThat(row.get("certainty").get("value").asString())
                .isEqualTo("context"));
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
