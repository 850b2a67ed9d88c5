package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped query that runs offline, over real HTTP against the shipped data (ontology/ and data/), with
 * answers checked against facts in the sources: the partner list, the practices and their countries, the
 * NUTS classification, the theme scheme and the dataset descriptions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredQueryCatalogueTest {

    private static final String PRACTICE = "https://w3id.org/innograph/id/practice/";
    private static final String NUTS = "http://data.europa.eu/nuts/code/";
    private static final String COUNTRY = "http://publications.europa.eu/resource/authority/country/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path store = Files.createTempDirectory("stored-query-catalogue-tdb2");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileSystemUtils.deleteRecursively(store);
            } catch (IOException e) {
                // a leftover temporary folder is not worth failing the build for
            }
        }));
        registry.add("innograph.store.directory", store::toString);
    }

    @LocalServerPort
    int port;


    @Test
    void everyOfflineQueryRunsWithItsExampleValues() {
        Map<String, String> examples = new TreeMap<>(Map.ofEntries(
                Map.entry("practices-by-theme", "theme=clusters"),
                Map.entry("practices-by-region", "region=AT"),
                Map.entry("practices-by-country", "country=HU"),
                Map.entry("nuts-children", "region=AT"),
                Map.entry("nuts-parents", "region=AT123"),
                Map.entry("nuts-versions", "region=HU11"),
                Map.entry("regions-by-typology", "code=1"),
                Map.entry("fact-provenance", "resource=" + encode(PRACTICE + "latvian-it-cluster")),
                Map.entry("practice-description", "practice=" + encode(PRACTICE + "latvian-it-cluster")),
                Map.entry("practices-in-regions-above-indicator",
                        "dataset=" + encode("https://w3id.org/innograph/id/dataset/eurostat/rd_e_gerdreg")),
                Map.entry("recommend-practices-for-region", "region=SE31"),
                Map.entry("recommend-practices-for-instrument", "instrument=" + encode(
                        "https://w3id.org/innograph/id/instrument/slovene-enterprise-fund-voucher-programme-small-value-grants")),
                Map.entry("recommend-practices-for-plan", "plan=" + encode(
                        "https://w3id.org/innograph/id/action-plan/inno-industry-slovak-business-agency")),
                Map.entry("recommend-practices-for-themes", "theme=sme-digitalisation,cluster-policy"),
                Map.entry("similar-practices", "source=" + encode(PRACTICE + "latvian-it-cluster")),
                Map.entry("peer-regions", "region=SK0")));
        JsonNode catalogue = json(get("/api/queries", "application/json"));
        assertThat(catalogue.get("skipped")).as("no shipped query file is skipped").isEmpty();
        int offline = 0;
        for (JsonNode query : catalogue.get("queries")) {
            if (query.get("federated").asBoolean()) {
                continue;
            }
            String name = query.get("name").asString();
            String accept = query.get("form").asString().equals("SELECT") ? "application/json" : "text/turtle";
            HttpResponse<String> response = get("/api/queries/" + name + "?" + examples.getOrDefault(name, ""), accept);
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(name + " answers something").isNotBlank();
            // Queries over data that curators import (e.g. Eurostat tables) have nothing to join on the shipped data.
            boolean needsImport = query.get("tags").toString().contains("needs-imported-data");
            if (accept.equals("application/json") && !needsImport) {
                assertThat(json(response).get("rows")).as(name + " has rows").isNotEmpty();
            }
            offline++;
        }
        assertThat(offline).isGreaterThanOrEqualTo(15);
    }

    @Test
    void practicesByThemeIncludeNarrowerThemesAndAgreeWithTheCounts() {
        JsonNode digital = json(get("/api/queries/practices-by-theme?theme=digital-transformation&per_page=500",
                "application/json"));
        Set<String> practices = new HashSet<>(values(digital, "practice"));
        // Model factory is filed under Industry 4.0, a narrower theme of digital transformation.
        assertThat(practices).contains(PRACTICE + "model-factory-ediop-1-1-3-16-priority-call",
                PRACTICE + "house-of-digitalisation-haus-der-digitalisierung-lower-austria");
        JsonNode counts = json(get("/api/queries/practice-counts-per-theme?per_page=500", "application/json"));
        for (JsonNode row : counts.get("rows")) {
            if (row.get("theme").get("value").asString().endsWith("/theme/digital-transformation")) {
                assertThat(row.get("withNarrower").get("value").asInt()).isEqualTo(practices.size());
                assertThat(row.get("direct").get("value").asInt()).isLessThan(practices.size());
            }
        }
    }

    @Test
    void practicesByRegionRollUpAndSayWhereTheLocationComesFrom() {
        assertThat(new HashSet<>(values(json(get("/api/queries/practices-by-region?region=HU", "application/json")),
                "practice"))).hasSize(practicesOf("HU", "HUN")).contains(PRACTICE + "model-factory-ediop-1-1-3-16-priority-call");
        // Lower Austria (AT12) is in Ostösterreich (AT1); the sources name Lower Austria, so the location is stated.
        JsonNode eastAustria = json(get("/api/queries/practices-by-region?region=AT1", "application/json"));
        assertThat(values(eastAustria, "practice")).contains(
                PRACTICE + "house-of-digitalisation-haus-der-digitalisierung-lower-austria");
        assertThat(values(eastAustria, "locationGraph")).contains("https://w3id.org/innograph/graph/inno-industry")
                .doesNotContain("https://w3id.org/innograph/graph/inno-industry-inferred");
        // the Latvian practices' NUTS 2 unit LV00 is a curator's inference: only with the inferred graph
        JsonNode latvia = json(get("/api/queries/practices-by-region?region=LV00", "application/json"));
        assertThat(values(latvia, "locationGraph")).contains("https://w3id.org/innograph/graph/inno-industry-inferred");
        assertThat(values(json(get("/api/queries/practices-by-region?region=LV00&include_inferred=false", "application/json")),
                "practice")).doesNotContain(PRACTICE + "bits-it-school-latvia");
    }

    @Test
    void practicesByCountryAndTheCountsPerCountryAgree() {
        List<String> latvia = values(json(get("/api/queries/practices-by-country?country=lv", "application/json")),
                "practice");
        assertThat(latvia).contains(PRACTICE + "latvian-it-cluster").hasSize(practicesOf("LV", "LVA"));
        assertThat(values(json(get("/api/queries/practices-by-country?country=LVA", "application/json")), "practice"))
                .isEqualTo(latvia);
        Map<String, Integer> perCountry = new TreeMap<>();
        for (JsonNode row : json(get("/api/queries/practice-counts-per-country", "application/json")).get("rows")) {
            if (!row.get("country").isNull()) {
                perCountry.put(row.get("country").get("value").asString(), row.get("practices").get("value").asInt());
            }
        }
        assertThat(perCountry).containsEntry(COUNTRY + "HUN", practicesOf("HU", "HUN"))
                .containsEntry(COUNTRY + "LVA", practicesOf("LV", "LVA")).containsEntry(COUNTRY + "AUT", practicesOf("AT", "AUT"));
    }

    /** Practices of a country in the source CSVs: INNO INDUSTRY's (two-letter codes) and the context ones (alpha-3). */
    private static int practicesOf(String code, String iso3) {
        long inno = org.innograph.ingest.convert.CsvTable.read(Path.of("data/sources/inno-industry/good_practices.csv")).rows()
                .stream().filter(r -> code.equals(r.get("country"))).count();
        long context = org.innograph.ingest.convert.CsvTable.read(Path.of("data/sources/context/good_practices.csv")).rows()
                .stream().filter(r -> iso3.equals(r.get("country_iso3"))).count();
        return (int) (inno + context);
    }

    @Test
    void clustersEvidencePartnersAndActionPlans() {
        assertThat(values(json(get("/api/queries/practices-involving-clusters", "application/json")), "practice"))
                .contains(PRACTICE + "latvian-it-cluster")
                .doesNotContain(PRACTICE + "centrope-innovation-voucher");
        assertThat(values(json(get("/api/queries/practices-involving-clusters?involved=false", "application/json")),
                "practice")).contains(PRACTICE + "centrope-innovation-voucher");

        JsonNode regioStars = json(get("/api/queries/practices-with-evidence?mentions=regiostars", "application/json"));
        assertThat(values(regioStars, "practice")).contains(
                PRACTICE + "business-and-shared-services-center-of-fundao-centro-de-negocios-e-servicos");
        assertThat(values(regioStars, "evidence")).allSatisfy(evidence -> assertThat(evidence).containsIgnoringCase("RegioStars"));

        JsonNode partners = json(get("/api/queries/partners-and-instruments", "application/json"));
        Map<String, String> roles = new TreeMap<>();
        Map<String, String> instruments = new TreeMap<>();
        for (JsonNode row : partners.get("rows")) {
            String partner = row.get("partner").get("value").asString();
            roles.put(partner, row.get("role").get("value").asString());
            if (row.path("instrument").has("value")) {
                instruments.put(partner, row.get("instrument").get("value").asString());
            }
        }
        String organisation = "https://w3id.org/innograph/id/organisation/";
        assertThat(roles).containsEntry(organisation + "regional-development-agency-posavje",
                "https://w3id.org/innograph/ontology#leadPartner");
        assertThat(instruments).containsEntry(organisation + "ecoplus", "https://w3id.org/innograph/id/instrument/"
                + "lower-austrian-regional-calls-for-digital-transformation-projects-of-companies");
        assertThat(values(json(get("/api/queries/partners-and-instruments?country=AT", "application/json")), "partner"))
                .containsExactly(organisation + "ecoplus");

        JsonNode plans = json(get("/api/queries/action-plans-and-inspirations?only_linked=true", "application/json"));
        boolean found = false;
        for (JsonNode row : plans.get("rows")) {
            if (row.get("action").get("value").asString().endsWith("/action/inno-industry-at-1")) {
                assertThat(row.get("inspiredBy").get("value").asString())
                        .isEqualTo(PRACTICE + "small-scale-incentives-for-smes-vouchers-slovene-enterprise-fund");
                found = true;
            }
            assertThat(row.get("inspiredBy")).isNotNull();
        }
        assertThat(found).as("ecoplus action 1 and its inspiration are listed").isTrue();
    }

    @Test
    void learningFlowsLinkCertaintyAndBudget() {
        JsonNode fromLatvia = json(get("/api/queries/learning-flows-between-countries?from=lva", "application/json"));
        assertThat(values(fromLatvia, "practiceCountry")).containsOnly(COUNTRY + "LVA");
        // RISE (Sweden) and CIEBI (Portugal) took up the Latvian hackathons.
        assertThat(values(fromLatvia, "learnerCountry")).contains(COUNTRY + "SWE", COUNTRY + "PRT");

        JsonNode likely = json(get("/api/queries/practices-by-link-certainty?certainty=likely", "application/json"));
        assertThat(values(likely, "certainty")).containsOnly("likely");
        assertThat(values(likely, "practice")).contains(PRACTICE + "regional-innovation-node-north-halsingland-sweden");

        JsonNode budget = json(get("/api/queries/project-budget", "application/json"));
        boolean lead = false;
        for (JsonNode row : budget.get("rows")) {
            if (row.get("source").get("value").asString().contains("pressnews.si")) {
                assertThat(row.get("component").get("value").asString()).isEqualTo("total budget");
                assertThat(row.get("amount").get("value").decimalValue()).isEqualByComparingTo("1637941");
                lead = true;
            }
        }
        assertThat(lead).as("the lead partner's total budget figure is listed with its source").isTrue();
    }

    @Test
    void nutsHierarchyVersionsAndChanges() {
        assertThat(values(json(get("/api/queries/nuts-children?region=AT1", "application/json")), "child"))
                .containsExactly(NUTS + "AT11", NUTS + "AT12", NUTS + "AT13");
        assertThat(values(json(get("/api/queries/nuts-parents?region=AT123", "application/json")), "parent"))
                .containsExactly(NUTS + "AT12", NUTS + "AT1", NUTS + "AT");
        assertThat(values(json(get("/api/queries/nuts-versions?region=HU11", "application/json")), "version"))
                .containsExactly("2021", "2024");
        // NUTS 2024 recoded Utrecht: NL31 was removed and NL35 added.
        Map<String, String> dutch = new TreeMap<>();
        for (JsonNode row : json(get("/api/queries/nuts-changes-2021-2024?country=NL&per_page=100",
                "application/json")).get("rows")) {
            dutch.put(row.get("code").get("value").asString(), row.get("change").get("value").asString());
        }
        assertThat(dutch).containsEntry("NL31", "removed").containsEntry("NL35", "added");
        assertThat(values(json(get("/api/queries/nuts-changes-2021-2024?country=NL&change=added&per_page=100",
                "application/json")), "change")).containsOnly("added");
        // Vienna is predominantly urban in the GISCO urban-rural typology.
        assertThat(values(json(get("/api/queries/regions-by-typology?code=1&within=AT", "application/json")), "region"))
                .contains(NUTS + "AT130");
    }

    @Test
    void scoreboardEurovocAndProvenance() {
        JsonNode eis2017 = json(get("/api/queries/innovation-scoreboard?year=2017&group=Strong+Innovator&per_page=100",
                "application/json"));
        assertThat(values(eis2017, "area")).contains(COUNTRY + "AUT");

        JsonNode industry40 = json(get("/api/queries/theme-eurovoc-matches?theme=industry-4-0", "application/json"));
        assertThat(values(industry40, "eurovoc")).contains("http://eurovoc.europa.eu/5635");

        Map<String, JsonNode> datasets = new TreeMap<>();
        for (JsonNode row : json(get("/api/queries/datasets", "application/json")).get("rows")) {
            datasets.put(row.get("graph").get("value").asString(), row);
        }
        String graph = "https://w3id.org/innograph/graph/";
        assertThat(datasets).containsKeys(graph + "inno-industry", graph + "nuts-2021", graph + "eurovoc");
        assertThat(datasets.get(graph + "inno-industry-inferred").get("inferred").get("value").asBoolean()).isTrue();
        assertThat(datasets.get(graph + "inno-industry").get("inferred").get("value").asBoolean()).isFalse();
        assertThat(datasets.get(graph + "nuts-2021").get("attribution").get("value").asString())
                .contains("EuroGeographics");

        JsonNode facts = json(get("/api/queries/fact-provenance?resource="
                + encode(PRACTICE + "bits-it-school-latvia"), "application/json"));
        boolean inferredLocation = false;
        for (JsonNode row : facts.get("rows")) {
            if (row.get("value").get("value").asString().equals(NUTS + "LV00")) {
                assertThat(row.get("graph").get("value").asString()).isEqualTo(graph + "inno-industry-inferred");
                assertThat(row.get("inferred").get("value").asBoolean()).isTrue();
                inferredLocation = true;
            }
        }
        assertThat(inferredLocation).as("the inferred NUTS location is traced to the inferred graph").isTrue();
    }

    private HttpResponse<String> get(String path, String accept) {
        return Http.onPort(port).get(path, accept);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> values(JsonNode page, String column) {
        List<String> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get(column).get("value").asString()));
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
