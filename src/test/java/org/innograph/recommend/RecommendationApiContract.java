package org.innograph.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.innograph.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendation API over real HTTP on the shipped data, as a client sees it. Subclasses run it on each store
 * mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD})
abstract class RecommendationApiContract {

    static final String PRACTICE = "https://w3id.org/innograph/id/practice/";
    static final String SWEDEN = "http://publications.europa.eu/resource/authority/country/SWE";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = Http.onPort(port);
    }

    JsonNode ok(String pathAndQuery) {
        HttpResponse<String> response = http.get(pathAndQuery, "application/json");
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode refused(String pathAndQuery, int status, String parameter) {
        HttpResponse<String> response = http.get(pathAndQuery, "application/json");
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("parameter").asString()).as(response.body()).isEqualTo(parameter);
        assertThat(body.path("detail").asString()).isNotBlank();
        return body;
    }

    /** Ranked by score, each score the sum of its reasons' contributions and of its parts. */
    static List<JsonNode> checkedResults(JsonNode answer) {
        List<JsonNode> results = new ArrayList<>();
        answer.path("results").forEach(results::add);
        double previous = Double.MAX_VALUE;
        for (JsonNode result : results) {
            double score = result.path("score").asDouble();
            assertThat(score).isLessThanOrEqualTo(previous).isPositive();
            previous = score;
            double reasons = 0;
            for (JsonNode reason : result.path("reasons")) {
                reasons += reason.path("contribution").asDouble();
            }
            double parts = 0;
            for (JsonNode part : result.path("scores")) {
                parts += part.asDouble();
            }
            assertThat(reasons).as(result.toString()).isCloseTo(score, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(parts).as(result.toString()).isCloseTo(score, org.assertj.core.data.Offset.offset(1e-9));
        }
        return results;
    }

    static List<String> field(List<JsonNode> results, String name) {
        return results.stream().map(result -> result.path(name).asString()).toList();
    }

    @Test
    void practicesForARegionComeWithScoresAndReasons() {
        JsonNode answer = ok("/api/recommendations?region=SE31&limit=5");
        assertThat(answer.path("target").path("kind").asString()).isEqualTo("region");
        assertThat(answer.path("target").path("themes")).isNotEmpty();
        List<JsonNode> results = checkedResults(answer);
        assertThat(results).hasSize(5);
        // The Gävleborg innovation node lies in SE31 and shares most of its themes.
        assertThat(results.get(0).path("slug").asString())
                .isEqualTo("regional-innovation-node-north-halsingland-sweden");
        JsonNode reasons = results.get(0).path("reasons");
        assertThat(reasons.findValuesAsString("kind")).contains("shared-theme", "same-country", "evidence-of-success");
        assertThat(reasons.get(0).path("idf").asDouble()).isGreaterThan(1);
    }

    @Test
    void optionsExcludeTheOwnCountryCapCountriesAndRequireClusters() {
        List<JsonNode> abroad = checkedResults(ok("/api/recommendations?region=SE31&exclude=country&limit=20"));
        assertThat(abroad).isNotEmpty();
        abroad.forEach(result -> assertThat(result.path("countries").toString()).doesNotContain(SWEDEN));

        List<JsonNode> diverse = checkedResults(ok("/api/recommendations?region=SE31&maxPerCountry=1&limit=20"));
        Set<String> countries = new HashSet<>();
        diverse.forEach(result -> assertThat(countries.add(result.path("countries").toString())).isTrue());
        assertThat(diverse.size()).isGreaterThan(3);

        List<JsonNode> clustered = checkedResults(ok("/api/recommendations?region=SE31&requireClusters=true"));
        assertThat(clustered).isNotEmpty();
        clustered.forEach(result -> assertThat(result.path("reasons").findValuesAsString("kind"))
                .contains("involves-clusters"));
    }

    @Test
    void instrumentsPlansAndThemesAreTargetsToo() {
        List<JsonNode> forInstrument = checkedResults(ok("/api/recommendations?instrument="
                + "slovene-enterprise-fund-voucher-programme-small-value-grants&exclude=country"));
        assertThat(forInstrument).isNotEmpty();
        assertThat(forInstrument.get(0).path("scores").has("instrument")).isTrue();
        assertThat(forInstrument.stream().anyMatch(r -> r.path("reasons").findValuesAsString("kind")
                .contains("instrument-type"))).isTrue();

        // The Slovak plan was inspired by the Slovene vouchers and the Lower Austrian cluster programme: those are
        // not recommended again.
        List<JsonNode> forPlan = checkedResults(ok("/api/recommendations?plan=inno-industry-slovak-business-agency"
                + "&limit=30"));
        assertThat(field(forPlan, "slug")).isNotEmpty().doesNotContain(
                "small-scale-incentives-for-smes-vouchers-slovene-enterprise-fund",
                "lower-austrian-cluster-programme-cluster-niederosterreich-incl-its-monitoring");

        List<JsonNode> forThemes = checkedResults(ok("/api/recommendations?themes=sme-digitalisation,cluster-policy"));
        assertThat(forThemes).isNotEmpty();
        assertThat(forThemes.get(0).path("scores").has("context")).isFalse();
        assertThat(forThemes.get(0).path("reasons").findValuesAsString("theme")).isNotEmpty()
                .allMatch(theme -> theme.endsWith("/sme-digitalisation") || theme.endsWith("/cluster-policy"));
    }

    @Test
    void similarPracticesAndPeerRegions() {
        String kickstart = "kickstart-digitalisation-kickstart-digitalisering-sweden";
        List<JsonNode> similar = checkedResults(ok("/api/practices/" + kickstart + "/similar?limit=5"));
        assertThat(similar).hasSize(5);
        assertThat(field(similar, "slug")).doesNotContain(kickstart);

        JsonNode peers = ok("/api/regions/SK0/peers");
        List<JsonNode> results = checkedResults(peers);
        assertThat(results).isNotEmpty();
        assertThat(field(results, "code")).noneMatch(code -> code.startsWith("SK"));
        assertThat(results.get(0).path("practices").asInt()).isPositive();
    }

    @Test
    void badInputIsA400NamingTheParameterAndUnknownTargetsA404() {
        refused("/api/recommendations?region=S%2031", 400, "region");
        refused("/api/recommendations?region=SE31&limit=0", 400, "limit");
        refused("/api/recommendations?region=SE31&limit=1000", 400, "limit");
        refused("/api/recommendations?region=SE31&exclude=planet", 400, "exclude");
        refused("/api/recommendations?region=SE31&requireClusters=maybe", 400, "requireClusters");
        refused("/api/recommendations?region=SE31&maxPerCountry=-1", 400, "maxPerCountry");
        refused("/api/recommendations?region=SE31&regoin=SE32", 400, "regoin");
        refused("/api/recommendations?themes=no-such-theme", 400, "themes");
        refused("/api/recommendations?themes=sme-digitalisation&exclude=country", 400, "exclude");
        refused("/api/recommendations?region=SE31&plan=x", 400, "region");
        refused("/api/recommendations", 400, "region");
        refused("/api/recommendations?region=QQ99", 404, "region");
        refused("/api/recommendations?instrument=no-such-instrument", 404, "instrument");
        refused("/api/recommendations?plan=no-such-plan", 404, "plan");
        refused("/api/practices/no-such-practice/similar", 404, "slug");
        refused("/api/regions/QQ9/peers", 404, "code");
    }

    @Test
    void anUpdateToTheStoreIsSeenByTheNextRequest() {
        String slug = "test-only-gavleborg-open-data-lab";
        String insert = "PREFIX ig: <https://w3id.org/innograph/ontology#> PREFIX dct: <http://purl.org/dc/terms/> "
                + "INSERT DATA { GRAPH <https://w3id.org/innograph/graph/test-recommend> { <" + PRACTICE + slug + "> "
                + "a ig:GoodPractice ; dct:spatial <http://data.europa.eu/nuts/code/SE313> ; "
                + "dct:subject <https://w3id.org/innograph/theme/open-data> } }";
        String drop = "DROP SILENT GRAPH <https://w3id.org/innograph/graph/test-recommend>";
        assertThat(field(checkedResults(ok("/api/recommendations?themes=open-data")), "slug")).doesNotContain(slug);
        try {
            assertThat(http.post("/sparql/update", "application/sparql-update", insert, true).statusCode())
                    .isEqualTo(204);
            assertThat(field(checkedResults(ok("/api/recommendations?themes=open-data")), "slug")).contains(slug);
        } finally {
            http.post("/sparql/update", "application/sparql-update", drop, true);
        }
        assertThat(field(checkedResults(ok("/api/recommendations?themes=open-data")), "slug")).doesNotContain(slug);
    }
}
