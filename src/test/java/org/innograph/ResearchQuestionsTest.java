package org.innograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.innograph.ingest.convert.CsvTable;
import org.junit.jupiter.api.Test;

/** The stored research queries (src/test/resources/research/*.rq), each answer checked against the source CSVs. */
class ResearchQuestionsTest {
    private static final String ORG = "https://w3id.org/innograph/id/organisation/";

    private static CsvTable source(String path) { return CsvTable.read(Path.of("data/sources", path)); }

    private static List<String> answer(String query, String var) {
        return ShippedGraph.column(ShippedGraph.select(ShippedGraph.researchQuery(query)), var);
    }

    @Test
    void leadPartnerIsRraPosavjeInSlovenia() {
        var rows = ShippedGraph.select(ShippedGraph.researchQuery("lead-partner"));
        assertEquals(1, rows.size());
        var lead = source("inno-industry/partners.csv").rows().stream().filter(r -> CsvTable.get(r, "role").startsWith("Lead")).findFirst().orElseThrow();
        assertEquals(CsvTable.get(lead, "name"), rows.get(0).getLiteral("name").getString());
        assertEquals(ORG + "regional-development-agency-posavje", rows.get(0).getResource("partner").getURI());
        assertEquals("http://publications.europa.eu/resource/authority/country/SVN", rows.get(0).getResource("country").getURI());
    }

    @Test
    void practicesInLowerAustriaIncludingSubRegions() {
        Set<String> expected = source("inno-industry/good_practices.csv").rows().stream()
                .filter(r -> CsvTable.get(r, "nuts_code").startsWith("AT12")).map(r -> CsvTable.get(r, "gp_id"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("GP01", "GP02"), expected);
        // context practices are identified by their slug
        source("context/good_practices.csv").rows().stream().filter(r -> CsvTable.get(r, "nuts_code").startsWith("AT12"))
                .forEach(r -> expected.add(CsvTable.get(r, "slug")));
        assertEquals(expected, new TreeSet<>(answer("practices-in-region", "id")));
    }

    @Test
    void slovakActionOneTookTheLowerAustrianClusterProgrammeAsModel() {
        var rows = ShippedGraph.select(ShippedGraph.researchQuery("actions-modelled-on-practice"));
        assertEquals(List.of("AP-SK-1"), ShippedGraph.column(rows, "actionId"));
        assertEquals(ORG + "slovak-business-agency", rows.get(0).getResource("partner").getURI());
    }

    @Test
    void practicesUnderDigitalTransformation() {
        var ids = answer("practices-under-theme", "id");
        // topics in good_practices.csv: GP01 "digital transformation", GP03 "digitalisation vouchers", GP04 "Industry 4.0",
        // GP07 "SME digitalisation", GP14 "digital innovation hub"; GP02 and GP21 are cluster programmes with no digital topic
        assertTrue(ids.containsAll(List.of("GP01", "GP03", "GP04", "GP07", "GP14")), ids.toString());
        assertFalse(ids.contains("GP02"));
        assertFalse(ids.contains("GP21"));
    }

    @Test
    void onePartnerPerCountry() {
        Map<String, Long> expected = source("inno-industry/partners.csv").rows().stream()
                .collect(Collectors.groupingBy(r -> CsvTable.get(r, "country"), TreeMap::new, Collectors.counting()));
        Map<String, Long> actual = new TreeMap<>();
        ShippedGraph.select(ShippedGraph.researchQuery("partners-per-country"))
                .forEach(r -> actual.put(r.getLiteral("code").getString(), r.getLiteral("partners").getLong()));
        assertEquals(expected, actual);
    }

    @Test
    void actionsInspiredByLatvianPractices() {
        var rows = ShippedGraph.select(ShippedGraph.researchQuery("actions-inspired-by-country"));
        var pairs = rows.stream().map(r -> r.getLiteral("actionId").getString() + "<-" + r.getLiteral("practiceId").getString()).toList();
        // action_plans.csv: PT draft and SE pilot from the Latvian hackathons (GP09), SI from the ecosystem approach (GP05)
        assertEquals(List.of("AP-PT-1<-GP09", "AP-SE-1<-GP09", "AP-SI-1<-GP05"), pairs);
    }

    @Test
    void instrumentsWithUnknownNamesHaveNoName() {
        Set<String> unnamed = source("inno-industry/policy_instruments.csv").rows().stream()
                .filter(r -> CsvTable.get(r, "instrument_name").startsWith("(")).map(r -> CsvTable.get(r, "pi_id"))
                .collect(Collectors.toCollection(TreeSet::new));
        // partners.csv has ten partners; three instruments no source mentions at all are not in the data
        assertEquals(5, unnamed.size());
        assertEquals(unnamed, new TreeSet<>(answer("instruments-without-name", "id")));
    }

    @Test
    void conflictingBudgetFiguresAreBothThereWithSources() {
        var rows = ShippedGraph.select(ShippedGraph.researchQuery("budget-statements"));
        Map<String, Set<String>> sourcesByAmount = new TreeMap<>();
        rows.stream().filter(r -> r.contains("amount")).forEach(r -> sourcesByAmount
                .computeIfAbsent(r.getLiteral("amount").getLexicalForm(), k -> new TreeSet<>()).add(r.getResource("source").getURI()));
        assertTrue(sourcesByAmount.containsKey("1637941.00"), sourcesByAmount.keySet().toString());
        assertTrue(sourcesByAmount.containsKey("1467941.00"));
        assertTrue(sourcesByAmount.get("1637941.00").contains("https://pressnews.si/novice/rra-posavje-uspesno-zakljucila-projekt-inno-industry"));
        assertTrue(sourcesByAmount.get("1467941.00").contains("https://www.rra-posavje.si/rra-posavje-uspeno-nadaljuje-s-projektom-inno-industry.html"));
    }

    @Test
    void theInferredGraphCanBeExcluded() {
        var stated = ShippedGraph.select(ShippedGraph.researchQuery("partner-regions-stated-only"));
        // stated facts give only the country-level unit of each partner
        assertEquals(10, stated.size());
        stated.forEach(r -> assertEquals(2, r.getResource("region").getURI().replace("http://data.europa.eu/nuts/code/", "").length()));
        var all = ShippedGraph.select(ShippedGraph.researchQuery("partner-regions-all"));
        var inferred = all.stream().filter(r -> r.getLiteral("inferred").getBoolean()).map(r -> r.getResource("region").getURI()).toList();
        assertTrue(inferred.contains("http://data.europa.eu/nuts/code/AT12"));
        assertEquals(8, inferred.size(), "partners.csv gives an inferred NUTS code for 8 partners: " + inferred);
    }

    @Test
    void portugueseNutsTwoChangesFrom2021To2024() {
        Set<String> removed = new TreeSet<>(), added = new TreeSet<>();
        for (var r : source("eu/nuts_2021_2024_code_diff.csv").rows()) {
            if (!CsvTable.get(r, "code").startsWith("PT") || !"2".equals(CsvTable.get(r, "level"))) continue;
            ("yes".equals(CsvTable.get(r, "in_nuts2021_gisco")) ? removed : added).add(CsvTable.get(r, "code"));
        }
        assertEquals(Set.of("PT16", "PT17", "PT18"), removed);
        assertEquals(Set.of("PT19", "PT1A", "PT1B", "PT1C", "PT1D"), added);
        Set<String> graphRemoved = new TreeSet<>(), graphAdded = new TreeSet<>();
        ShippedGraph.select(ShippedGraph.researchQuery("nuts-changes")).stream().filter(r -> r.getLiteral("level").getInt() == 2)
                .forEach(r -> (r.getResource("change").getURI().endsWith("codeRemoved") ? graphRemoved : graphAdded).add(r.getLiteral("code").getString()));
        assertEquals(removed, graphRemoved);
        assertEquals(added, graphAdded);
    }

    @Test
    void practicesByCertainty() {
        Map<String, Long> actual = new TreeMap<>();
        ShippedGraph.select(ShippedGraph.researchQuery("practices-by-certainty")).forEach(r -> actual.put(
                r.getResource("certainty").getLocalName(), r.getLiteral("practices").getLong()));
        // FACTS.md section 9: GP01-GP12 INNO practices, GP13 likely and GP14 possible (kept apart), GP15-GP24 other
        // projects; the context practices are confirmed only where their page names INNO INDUSTRY
        var context = source("context/good_practices.csv").rows();
        long contextInno = context.stream().filter(r -> CsvTable.get(r, "inno_industry").equals("yes")).count();
        assertEquals(Map.of("confirmed", 12L + contextInno, "likely", 1L, "possible", 1L, "context", 10L + context.size() - contextInno), actual);
    }
}
