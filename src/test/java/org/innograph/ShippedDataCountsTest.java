package org.innograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innograph.ingest.convert.CsvTable;
import org.junit.jupiter.api.Test;

/** Counts in the graph against the source CSVs read here, and the rules every place reference must follow. */
class ShippedDataCountsTest {
    private static final String PREFIXES = """
            PREFIX ig: <https://w3id.org/innograph/ontology#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX qb: <http://purl.org/linked-data/cube#>
            PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
            """;

    private static CsvTable source(String path) { return CsvTable.read(Path.of("data/sources", path)); }

    private static long count(String where) {
        var rows = ShippedGraph.select(PREFIXES + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + where + " }");
        return rows.get(0).getLiteral("n").getLong();
    }

    @Test
    void tenPartnersEachWithAMembership() {
        assertEquals(10, source("inno-industry/partners.csv").size());
        assertEquals(10, count("?x a ig:Organisation . ?p a <http://www.w3.org/ns/org#Membership> ; <http://www.w3.org/ns/org#member> ?x ; ig:inProject ?project ."));
        assertEquals(1, count("?p <http://www.w3.org/ns/org#role> ig:leadPartner . BIND(?p AS ?x)"));
    }

    @Test
    void everyPracticeOfTheCsv() {
        var csv = source("inno-industry/good_practices.csv");
        var context = source("context/good_practices.csv");
        assertEquals(csv.size() + context.size(), count("?x a ig:GoodPractice"));
        assertEquals(context.size(), count("GRAPH <https://w3id.org/innograph/graph/context-practices> { ?x a ig:GoodPractice }"));
        for (var row : csv.rows()) {
            assertEquals(1, count("?x a ig:GoodPractice ; dct:identifier \"" + CsvTable.get(row, "gp_id") + "\""), row.get("gp_id"));
        }
    }

    @Test
    void everyRecordOfTheOtherInnoFiles() {
        assertEquals(source("inno-industry/policy_instruments.csv").size(), count("?x a ig:PolicyInstrument"));
        assertEquals(source("inno-industry/clusters.csv").size(), count("{ ?x a ig:Cluster } UNION { ?x a ig:ClusterGroup }"));
        assertEquals(source("inno-industry/events.csv").size(), count("?x a ig:Event"));
        long withContent = source("inno-industry/action_plans.csv").rows().stream()
                .filter(r -> !CsvTable.get(r, "action").startsWith("(content not found")).count();
        assertEquals(withContent, count("?x a ig:Action"));
        assertEquals(10, count("?x a ig:ActionPlan"));
    }

    @Test
    void allNutsUnitsOfBothVersions() {
        assertEquals(source("eu/nuts2021.csv").size(), count("?x skos:inScheme <http://data.europa.eu/nuts/scheme/2021>"));
        assertEquals(source("eu/nuts2024.csv").size(), count("?x skos:inScheme <http://data.europa.eu/nuts/scheme/2024>"));
        assertEquals(source("eu/nuts_2021_2024_code_diff.csv").size(), count("?x a ig:NutsCodeChange"));
    }

    @Test
    void countriesAndEuroVoc() {
        var countries = source("eu/countries.csv");
        assertEquals(countries.size(), count("?x a ig:Country"));
        long eu = countries.rows().stream().filter(r -> "yes".equals(CsvTable.get(r, "eu_member"))).count();
        assertEquals(27, eu);
        assertEquals(eu, count("?x a ig:Country ; ig:euMember true"));
        assertEquals(source("eu/eurovoc_concepts.csv").size(),
                count("GRAPH <https://w3id.org/innograph/graph/eurovoc> { ?x a skos:Concept }"));
    }

    @Test
    void scoreboardObservationsPerRow() {
        // a row gives a group observation where it states a group, an index observation where it states an index
        long groups = 0, indexes = 0;
        for (var row : source("scoreboards/eis_country_groups.csv").rows()) {
            if (!CsvTable.get(row, "group").isEmpty()) groups++;
            if (!CsvTable.get(row, "summary_index").isEmpty()) indexes++;
        }
        for (var row : source("scoreboards/ris_region_groups.csv").rows()) {
            if (!CsvTable.get(row, "group").isEmpty()) groups++;
            if (!CsvTable.get(row, "index").isEmpty()) indexes++;
        }
        assertEquals(groups, count("?x a qb:Observation ; ig:performanceGroup ?g"));
        assertEquals(indexes, count("?x a qb:Observation ; ig:summaryInnovationIndex ?i"));
        assertEquals(groups + indexes, count("?x a qb:Observation"));
        long derived2024 = source("scoreboards/eis_country_groups.csv").rows().stream()
                .filter(r -> "2024".equals(CsvTable.get(r, "year"))).count();
        assertEquals(derived2024, count("?x a qb:Observation ; sdmx-dimension:refPeriod \"2024\"^^<http://www.w3.org/2001/XMLSchema#gYear> ; ig:isDerived true"));
    }

    @Test
    void everyNutsCodeUsedExists() {
        assertEquals(0, count("""
                ?x (dct:spatial|sdmx-dimension:refArea|ig:nutsUnit|ig:nutsCode|skos:broader) ?unit .
                FILTER(STRSTARTS(STR(?unit), "http://data.europa.eu/nuts/code/"))
                FILTER NOT EXISTS { ?unit a ig:Region ; skos:notation ?code ; skos:prefLabel ?label }
                """));
    }

    @Test
    void everyPartnerAndPracticeResolvesToALabelledRegion() {
        for (String cls : List.of("ig:Organisation", "ig:GoodPractice")) {
            assertEquals(0, count("?x a " + cls + " . FILTER NOT EXISTS { ?x dct:spatial ?r . ?r a ig:Region ; skos:prefLabel ?l }"), cls);
        }
        // and without the inferred graph, from stated facts only
        assertEquals(0, count("""
                ?x a ?cls . VALUES ?cls { ig:Organisation ig:GoodPractice }
                FILTER NOT EXISTS { GRAPH ?stated { ?x dct:spatial ?r } ?r skos:prefLabel ?l
                  VALUES ?stated { <https://w3id.org/innograph/graph/inno-industry> <https://w3id.org/innograph/graph/context-practices> } }
                """));
    }

    @Test
    void themesMapOnlyToVerifiedEuroVocIds() {
        var verified = source("eu/eurovoc_topics.csv").rows().stream().map(r -> CsvTable.get(r, "uri")).toList();
        var used = ShippedGraph.column(ShippedGraph.select(PREFIXES + """
                SELECT DISTINCT ?ev WHERE { GRAPH <https://w3id.org/innograph/graph/themes> {
                  ?t (skos:exactMatch|skos:closeMatch|skos:broadMatch|skos:relatedMatch) ?ev } }"""), "ev");
        assertTrue(used.size() > 20);
        for (String ev : used) assertTrue(verified.contains(ev), ev + " is not in eurovoc_topics.csv");
    }

    @Test
    void everyOntologyTermIsDocumented() {
        assertEquals(0, count("""
                GRAPH <https://w3id.org/innograph/graph/ontology> { ?x a ?kind . VALUES ?kind { <http://www.w3.org/2002/07/owl#Class> <http://www.w3.org/2002/07/owl#ObjectProperty> <http://www.w3.org/2002/07/owl#DatatypeProperty> }
                  FILTER(STRSTARTS(STR(?x), "https://w3id.org/innograph/ontology#"))
                  FILTER NOT EXISTS { ?x rdfs:label ?l ; rdfs:comment ?c FILTER(LANG(?l) = "en" && LANG(?c) = "en") } }
                """));
        assertEquals(0, count("""
                GRAPH <https://w3id.org/innograph/graph/ontology> { ?x a ?kind . VALUES ?kind { <http://www.w3.org/2002/07/owl#ObjectProperty> <http://www.w3.org/2002/07/owl#DatatypeProperty> }
                  FILTER NOT EXISTS { ?x rdfs:domain ?d ; rdfs:range ?r } }
                """));
    }

    @Test
    void everyNamedGraphDescribesItself() {
        for (var file : ShippedGraph.files()) {
            String name = ShippedGraph.graphName(file);
            String g = ShippedGraph.GRAPH + name;
            assertEquals(1, count("GRAPH <" + g + "> { <" + g + "> dct:license ?l ; dct:source ?s ; <http://creativecommons.org/ns#attributionText> ?a } BIND(<" + g + "> AS ?x)"), name);
        }
        assertEquals(2, count("?x <http://creativecommons.org/ns#attributionText> ?a FILTER(CONTAINS(?a, \"© EuroGeographics for the administrative boundaries\"))"));
    }

    @Test
    void theHashedNameListRecognisesNamesInText(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a made-up name: the shipped list holds only hashes, and no file may hold the names themselves
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("jane q example".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path list = java.nio.file.Files.writeString(dir.resolve("names.sha256"), "# test\n" + hash + "\n");
        var names = new org.innograph.ingest.convert.PersonNames(list);
        assertTrue(names.namesAPerson("Speakers included Jane Q. Éxample (director)"));
        assertTrue(names.namesAPerson("https://example.org/news/jane-q-example-spoke"));
        assertTrue(!names.namesAPerson("Jane Q Examples"));
        assertTrue(!new org.innograph.ingest.convert.PersonNames(Path.of("data/sources/curation/person_names.sha256")).isEmpty());
    }

    @Test
    void noPersonNamesInTheGraph() {
        var names = new org.innograph.ingest.convert.PersonNames(Path.of("data/sources/curation/person_names.sha256"));
        List<String> named = new java.util.ArrayList<>();
        ShippedGraph.dataset().getUnionModel().listStatements().forEachRemaining(st -> {
            for (var node : List.of(st.getSubject(), st.getObject())) {
                String text = node.isLiteral() ? node.asLiteral().getLexicalForm() : node.isURIResource() ? node.asResource().getURI() : "";
                if (names.namesAPerson(text)) named.add(text);
            }
        });
        assertEquals(List.of(), named);
    }
}
