package org.innograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /api/search as a program uses it: ranking, filters, and answers that follow every write and import. */
class SearchHttpTest extends ShippedDataServer {

    static final String PROBE = "https://w3id.org/innograph/id/practice/search-consistency-probe";
    static final String PREFIXES = """
            PREFIX ig: <https://w3id.org/innograph/ontology#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterEach
    void removeProbe() {
        update("DROP SILENT GRAPH <https://w3id.org/innograph/graph/search-test>");
    }

    @Test
    void findsPracticesByAWordOfTheirSummaryTitlesFirst() {
        // "benchmarking" occurs only in the summary of the Slovak cluster-support practice (GP12)
        JsonNode answer = search("q=benchmarking");
        assertThat(iris(answer)).first().isEqualTo(
                "https://w3id.org/innograph/id/practice/active-role-of-business-support-organisation-in-cluster-support-slovakia");
        assertThat(answer.path("results").get(0).path("snippet").asString()).containsIgnoringCase("benchmarking");
        // words in a title outrank the same words in summaries only
        assertThat(iris(search("q=vouchers&type=practice"))).first().asString().contains("voucher");
    }

    @Test
    void filtersByThemeCountryAndRegionIncludingSubRegions() {
        List<String> lowerAustria = iris(search("type=practice&region=AT12"));
        assertThat(lowerAustria).contains("https://w3id.org/innograph/id/practice/"
                + "house-of-digitalisation-haus-der-digitalisierung-lower-austria");
        assertThat(lowerAustria).allMatch(iri -> iri.contains("/practice/"));

        List<String> austria = iris(search("type=practice&country=AT"));
        assertThat(austria).containsAll(lowerAustria);
        assertThat(iris(search("type=practice&country=AUT"))).isEqualTo(austria);

        // a practice tagged with a narrower theme (Industry 4.0) counts under digital transformation
        List<String> digital = iris(search("type=practice&theme=digital-transformation&limit=100"));
        List<String> industry40 = iris(search("type=practice&theme=industry-4-0&limit=100"));
        assertThat(industry40).isNotEmpty();
        assertThat(digital).containsAll(industry40).hasSizeGreaterThan(industry40.size());

        assertThat(http.get("/api/search?q=x&theme=no-such-theme", null).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/search?q=x&country=ZZ", null).body()).contains("Unknown country 'ZZ'");
        assertThat(http.get("/api/search?q=x&region=XX99", null).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/search?q=x&limit=1000", null).statusCode()).isEqualTo(400);
    }

    @Test
    void staysConsistentAfterInsertUpdateAndDelete() {
        assertThat(iris(search("q=zorblaxian"))).isEmpty();

        update(PREFIXES + "INSERT DATA { GRAPH <https://w3id.org/innograph/graph/search-test> { <" + PROBE
                + "> a ig:GoodPractice ; dct:title \"Consistency probe\" ; ig:summary \"A zorblaxian practice.\" } }");
        assertThat(iris(search("q=zorblaxian"))).containsExactly(PROBE);

        update(PREFIXES + "DELETE { GRAPH ?g { <" + PROBE + "> ig:summary ?old } } INSERT { GRAPH ?g { <" + PROBE
                + "> ig:summary \"Now a quintessorial practice.\" } } WHERE { GRAPH ?g { <" + PROBE + "> ig:summary ?old } }");
        assertThat(iris(search("q=zorblaxian"))).isEmpty();
        assertThat(iris(search("q=quintessorial"))).containsExactly(PROBE);

        update("DELETE WHERE { GRAPH ?g { <" + PROBE + "> ?p ?o } }");
        assertThat(iris(search("q=quintessorial"))).isEmpty();
        assertThat(iris(search("q=consistency+probe"))).doesNotContain(PROBE);
    }

    @Test
    void findsWhatAnImportAddsUntilTheImportIsDeleted() {
        String practice = "https://w3id.org/innograph/id/practice/search-import-probe";
        String turtle = """
                @prefix ig: <https://w3id.org/innograph/ontology#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <%s> a ig:GoodPractice ; dct:identifier "T-SEARCH" ;
                    dct:title "Frobnication grants, Vienna"@en ; rdfs:label "Frobnication grants, Vienna"@en ;
                    ig:summary "Small grants for SMEs."@en ;
                    ig:country <http://publications.europa.eu/resource/authority/country/AUT> ;
                    dct:spatial <http://data.europa.eu/nuts/code/AT13> ;
                    dct:subject <https://w3id.org/innograph/theme/digital-transformation> ;
                    dct:source <https://example.org/frobnication> .
                """.formatted(practice);
        HttpResponse<String> imported = http.post("/api/imports?batch=search-probe", "text/turtle", turtle, true);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        try {
            assertThat(iris(search("q=frobnication"))).containsExactly(practice);
            assertThat(iris(search("q=frobnication&region=AT1&theme=digital-transformation"))).containsExactly(practice);
        } finally {
            HttpResponse<String> deleted = http.send(Http.withWriter(http.request("/api/imports/search-probe").DELETE()));
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        assertThat(iris(search("q=frobnication"))).isEmpty();
    }

    private JsonNode search(String query) {
        HttpResponse<String> response = http.get("/api/search?" + query, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> iris(JsonNode answer) {
        return answer.path("results").valueStream().map(result -> result.path("iri").asString()).toList();
    }
}
