package org.innograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The question builder and the flows' JSON over plain HTTP: every kind with every column and filter answers. */
class ExploreHttpTest extends ShippedDataServer {

    private static final Pattern ROWS = Pattern.compile("id=\"row-count\">(\\d+)<");
    // every filter at once (all of them build into one query next to every column), and none
    private static final List<String> FILTERS = List.of("", "theme=digital-transformation&country="
            + Http.encode("http://publications.europa.eu/resource/authority/country/AUT") + "&region=AT&project="
            + Http.encode("https://w3id.org/innograph/id/project/inno-industry")
            + "&clusters=true&evidence=true&certainty=confirmed&certainty=possible");

    @Test
    void everyKindAnswersWithEveryColumnUnderEveryFilter() {
        for (Question.Kind kind : Question.Kind.values()) {
            StringBuilder columns = new StringBuilder();
            Question.Column.of(kind).forEach(c -> columns.append("&column=").append(c.value()));
            for (String filter : FILTERS) {
                String path = "/explore?what=" + kind.value() + columns + "&" + filter;
                HttpResponse<String> response = http.get(path, "text/html");
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).doesNotContain("class=\"problem\"");
                Matcher rows = ROWS.matcher(response.body());
                assertThat(rows.find()).as(path).isTrue();
                if (filter.isEmpty()) {
                    assertThat(Integer.parseInt(rows.group(1))).as(path).isPositive();
                }
            }
        }
    }

    @Test
    void aRegionFilterCountsEverythingUnderTheRegion() {
        // AT (country) holds AT12's practices: the count under AT is at least the one under AT12
        assertThat(rows("/explore?what=practices&region=AT")).isGreaterThanOrEqualTo(rows("/explore?what=practices&region=AT12"));
        assertThat(rows("/explore?what=practices&region=at12")).isEqualTo(rows("/explore?what=practices&region=AT12"));
        assertThat(rows("/explore?what=practices&region=AT12")).isPositive();
    }

    @Test
    void choicesThatShapeTheQueryMustBeOfferedOnes() {
        assertRefused("/explore?what=people", "'what'");
        assertRefused("/explore?column=title", "'column'");
        assertRefused("/explore?order=sideways", "'order'");
        assertRefused("/explore?limit=0", "'limit'");
        assertRefused("/explore?limit=100000", "'limit'");
        assertRefused("/explore?clusters=maybe", "'clusters'");
        assertRefused("/explore?what=practices&what=regions", "'what'");
        assertRefused("/explore?graph=x", "'graph'");
    }

    @Test
    void theFlowsJsonHoldsEveryLearningLinkOnce() throws Exception {
        JsonNode flows = JsonMapper.builder().build().readTree(http.get("/api/flows", "application/json").body());
        String csv = http.get("/sparql?query=" + Http.encode("""
                PREFIX ig: <https://w3id.org/innograph/ontology#>
                SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?action ?practice WHERE {
                  { ?action ig:inspiredBy ?practice } UNION { ?action ig:inspirationLink/ig:linkedPractice ?practice } } }"""),
                "text/csv").body();
        long links = Long.parseLong(csv.lines().skip(1).findFirst().orElseThrow().strip());
        assertThat(links).isPositive();
        assertThat(flows.path("links").size()).isEqualTo(links);
        int inArcs = 0;
        for (JsonNode arc : flows.path("arcs")) {
            inArcs += arc.path("links").asInt();
            assertThat(arc.path("href").asString()).startsWith("/flows?fromRegion=");
        }
        assertThat(inArcs).isPositive().isLessThanOrEqualTo((int) links);
        flows.path("links").forEach(link -> assertThat(link.path("certainty").asString()).isIn("confirmed", "likely",
                "possible", "unstated"));
        // the stored query it is drawn from is served by the stored-query API
        assertThat(http.get(flows.path("query").asString(), "application/json").statusCode()).isEqualTo(200);
    }

    private int rows(String path) {
        HttpResponse<String> response = http.get(path, "text/html");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Matcher rows = ROWS.matcher(response.body());
        assertThat(rows.find()).as(path).isTrue();
        return Integer.parseInt(rows.group(1));
    }

    private void assertRefused(String path, String naming) {
        HttpResponse<String> response = http.get(path, "text/plain");
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).contains(naming);
    }
}
