package org.innograph.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.innograph.ShippedGraph;
import org.innograph.ingest.convert.CsvTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped data (all graphs, as their union) against the rules of issue 16: the W3C Data Cube integrity
 * constraints, SKOS integrity of the union, language-tagged text, well-formed source URLs, titles as the source CSVs
 * spell them, and certainty: nothing a source row marks likely or possible is stated with a plain property.
 */
class ShippedDataIntegrityTest {
    private static final String IG = "https://w3id.org/innograph/ontology#";
    private static final Path CUBE_CHECKS = Path.of("src/test/resources/datacube");
    /** Predicates whose plain strings are codes, not language (identifiers, notations, ISO codes, SHACL's own terms). */
    private static final Set<String> CODE_PREDICATES = Set.of(
            DCTerms.identifier.getURI(), "http://www.w3.org/2004/02/skos/core#notation", IG + "isoAlpha2", IG + "isoAlpha3",
            IG + "isoNumeric", IG + "nutsCountryCode", IG + "currency", IG + "sourceVersion", IG + "acronym",
            IG + "nutsCodeAsStated", "http://purl.org/vocab/vann/preferredNamespacePrefix",
            "http://purl.org/vocab/vann/preferredNamespaceUri", "http://www.w3.org/2002/07/owl#versionInfo");

    private static Model union;

    @BeforeAll
    static void load() {
        union = ShippedGraph.dataset().getUnionModel();
    }

    /** The statistics with the ontology (code lists, component properties): the graphs that hold Data Cube terms. */
    private static Model cubeGraphs() {
        var dataset = ShippedGraph.dataset();
        return ModelFactory.createDefaultModel().add(dataset.getNamedModel(ShippedGraph.GRAPH + "scoreboards"))
                .add(dataset.getNamedModel(ShippedGraph.GRAPH + "ontology"));
    }

    @Test
    void onlyTheStatisticsGraphHoldsObservations() {
        assertEquals(List.of(ShippedGraph.GRAPH + "scoreboards"), ShippedGraph.column(ShippedGraph.select("""
                SELECT DISTINCT ?g WHERE { GRAPH ?g { ?o a <http://purl.org/linked-data/cube#Observation> } }"""), "g"));
    }

    @Test
    void dataCubeIntegrityConstraintsHold() {
        Model cube = normalisedCopy(cubeGraphs());
        assertTrue(cube.contains(null, org.apache.jena.vocabulary.RDF.type, cube.createResource("http://purl.org/linked-data/cube#Observation")));
        assertEquals(List.of(), violatedConstraints(cube), "Data Cube integrity constraints violated");
    }

    @Test
    void anObservationWithoutItsMeasureBreaksIc14() {
        Model cube = normalisedCopy(cubeGraphs());
        Resource index = cube.listSubjectsWithProperty(cube.createProperty(IG, "summaryInnovationIndex")).next();
        cube.removeAll(index, cube.createProperty(IG, "summaryInnovationIndex"), null);
        assertTrue(violatedConstraints(cube).contains("ic-14.rq"), "IC-14 must catch an observation without its measure");
    }

    @Test
    void skosIntegrityOfTheUnion() {
        assertEquals(List.of(), rows("""
                SELECT ?c ?lang WHERE { ?c skos:prefLabel ?l BIND(LANG(?l) AS ?lang) }
                GROUP BY ?c ?lang HAVING (COUNT(DISTINCT ?l) > 1)"""), "concepts with two prefLabels in one language");
        assertEquals(List.of(), rows("""
                SELECT ?c WHERE { ?c skos:prefLabel ?l ; skos:altLabel ?l }"""), "prefLabel and altLabel must be disjoint");
        assertEquals(List.of(), rows("""
                SELECT ?c ?lang WHERE { ?c ig:nationalName ?l BIND(LANG(?l) AS ?lang) }
                GROUP BY ?c ?lang HAVING (COUNT(DISTINCT ?l) > 1)"""), "regions with two national names in one language");
        assertEquals(List.of(), rows("""
                SELECT ?c ?l WHERE { ?c skos:prefLabel|ig:nationalName|rdfs:label ?l FILTER(REGEX(STR(?l), "^\\\\s|[\\\\s\\\\u00A0]$")) }"""),
                "labels with leading or trailing spaces");
    }

    @Test
    void noUntaggedTextLiterals() {
        List<String> untagged = new ArrayList<>();
        union.listStatements().forEachRemaining(st -> {
            RDFNode o = st.getObject();
            String p = st.getPredicate().getURI();
            if (!o.isLiteral() || CODE_PREDICATES.contains(p) || p.startsWith("http://www.w3.org/ns/shacl#")) return;
            Literal l = o.asLiteral();
            if (XSD.xstring.getURI().equals(l.getDatatypeURI()) && untagged.size() < 20) untagged.add(st.getSubject() + " " + p + " \"" + l.getLexicalForm() + "\"");
        });
        assertEquals(List.of(), untagged, "human-language literals need a language tag");
    }

    @Test
    void everySourceUrlIsWellFormed() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (String p : List.of(DCTerms.source.getURI(), RDFS.seeAlso.getURI(), IG + "databasePage", IG + "innoLinkEvidence",
                "http://xmlns.com/foaf/0.1/homepage", "http://xmlns.com/foaf/0.1/page")) {
            for (RDFNode o : union.listObjectsOfProperty(union.createProperty(p)).toList()) {
                if (!o.isURIResource() || o.asResource().getURI().startsWith("https://w3id.org/innograph/")) continue;
                checked++;
                String problem = urlProblem(o.asResource().getURI());
                if (problem != null) bad.add(o.asResource().getURI() + ": " + problem);
            }
        }
        assertTrue(checked > 100, "source URLs checked: " + checked);
        assertEquals(List.of(), bad);
    }

    @Test
    void theUrlCheckRejectsTheMangledKinds() {
        assertFalse(urlProblem("http://radiokrka.si./clanek/x") == null);
        assertFalse(urlProblem("https://impr-0001-1260-partners.eccp.hosted-temp.com/community-news/x") == null);
        assertFalse(urlProblem("http://www.westpannon.hu/hu/projektek/orszagos-") == null);
        assertFalse(urlProblem("ftp://example.org/x") == null);
        assertFalse(urlProblem("https://fanyv88.com:443/https/www.scribd.com/document/1/x") == null);
        assertEquals(null, urlProblem("https://www.interregeurope.eu/good-practices/latvian-it-cluster"));
    }

    /** Why a source URL is not one a reader can follow, or null. */
    static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URI: " + e.getMessage();
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) return "not http(s)";
        String host = uri.getHost();
        if (host == null || !host.contains(".")) return "no host";
        if (host.endsWith(".")) return "host ends with a dot";
        if (!host.matches("[a-z0-9.-]+")) return "host is not lower-case letters, digits, dots and hyphens";
        if (host.contains("hosted-temp") || host.startsWith("impr-")) return "a proxy host, not the public site";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("-") || path.endsWith("_")) return "path cut off";
        if (path.matches("(?i).*/https?(/|:).*")) return "another URL inside the path (a proxy)";
        return null;
    }

    @Test
    void titlesAreTheSourceCsvsLetterForLetter() {
        int checked = 0;
        for (Path csv : practiceTables()) {
            for (var row : CsvTable.read(csv).rows()) {
                Resource practice = union.createResource("https://w3id.org/innograph/id/practice/" + CsvTable.get(row, "slug"));
                Literal expected = union.createLiteral(CsvTable.get(row, "title"), CsvTable.get(row, "title_lang"));
                assertTrue(union.contains(practice, DCTerms.title, expected), csv.getFileName() + ": " + practice + " must have the title " + expected);
                assertEquals(1, union.listObjectsOfProperty(practice, DCTerms.title).toList().stream()
                        .filter(t -> t.asLiteral().getLanguage().equals(expected.getLanguage())).count(), practice.getURI());
                checked++;
            }
        }
        assertEquals(checked, union.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, union.createResource(IG + "GoodPractice")).toList().size(),
                "every practice comes from a practice table with slug, title and title_lang");
    }

    @Test
    void uncertainLinksAreNotStatedPlainly() {
        int uncertain = 0;
        for (var row : CsvTable.read(Path.of("data/sources/inno-industry/good_practices.csv")).rows()) {
            String link = CsvTable.get(row, "inno_industry_link");
            boolean unsure = link.startsWith("likely") || link.startsWith("possible");
            Resource practice = union.createResource("https://w3id.org/innograph/id/practice/" + CsvTable.get(row, "slug"));
            boolean plain = union.contains(practice, union.createProperty(IG, "sharedInProject"));
            if (unsure) {
                uncertain++;
                assertFalse(plain, practice + " is only " + link.split(" ")[0]);
                String word = link.startsWith("likely") ? "likely" : "possible";
                assertEquals(1, rows("SELECT ?l WHERE { <" + practice.getURI() + "> ig:projectLink ?l . ?l ig:linkCertainty ig:" + word + " }").size(),
                        practice + " keeps its " + word + " link as a qualified link");
            } else if (link.startsWith("confirmed") || link.startsWith("used in INNO")) {
                assertTrue(plain, practice + " is confirmed");
            }
        }
        assertEquals(2, uncertain, "the notes call two practices likely or possible");
        var inspirations = CsvTable.read(Path.of("data/sources/curation/action_inspirations.csv")).rows();
        for (var row : inspirations) {
            String action = "https://w3id.org/innograph/id/action/inno-industry-" + CsvTable.get(row, "ap_id").replaceFirst("^AP-", "").toLowerCase();
            String practice = rows("SELECT ?p WHERE { ?p dct:identifier \"" + CsvTable.get(row, "gp_id") + "\" ; a ig:GoodPractice }").get(0);
            boolean plain = union.contains(union.createResource(action), union.createProperty(IG, "inspiredBy"), union.createResource(practice));
            assertEquals("confirmed".equals(CsvTable.get(row, "certainty")), plain, action + " -> " + practice + " (" + CsvTable.get(row, "certainty") + ")");
        }
        assertEquals(2, rows("SELECT ?p WHERE { <https://w3id.org/innograph/id/action/inno-industry-at-1> ig:inspirationLink/ig:linkedPractice ?p }").size(),
                "Austrian action 1 names practices of two countries");
    }

    private static List<Path> practiceTables() {
        try (Stream<Path> files = Files.walk(Path.of("data/sources"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).filter(f -> {
                try {
                    String header = Files.newBufferedReader(f, StandardCharsets.UTF_8).readLine();
                    return header != null && List.of(header.split(",")).containsAll(List.of("slug", "title", "title_lang"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model normalisedCopy(Model source) {
        Model copy = ModelFactory.createDefaultModel().add(source);
        UpdateAction.readExecute(CUBE_CHECKS.resolve("normalize.ru").toString(), copy);
        return copy;
    }

    /** The names of the IC files whose ASK is true (a violation); IC-20/21 are run once per qb:parentChildProperty. */
    private static List<String> violatedConstraints(Model cube) {
        List<String> violated = new ArrayList<>();
        Set<String> parentChild = new TreeSet<>();
        cube.listObjectsOfProperty(cube.createProperty("http://purl.org/linked-data/cube#parentChildProperty"))
                .forEachRemaining(p -> parentChild.add(p.asResource().getURI()));
        try (Stream<Path> files = Files.list(CUBE_CHECKS)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("ic-.*\\.rq")).sorted().toList()) {
                String query = Files.readString(f, StandardCharsets.UTF_8);
                List<String> instances = query.contains("$p") ? parentChild.stream().map(p -> query.replace("$p", p)).toList() : List.of(query);
                for (String q : instances) {
                    try (QueryExecution qe = QueryExecution.model(cube).query(q).build()) {
                        if (qe.execAsk()) violated.add(f.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violated;
    }

    private static List<String> rows(String select) {
        String prefixes = """
                PREFIX ig: <https://w3id.org/innograph/ontology#>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                """;
        return ShippedGraph.column(ShippedGraph.select(prefixes + select), select.replaceAll("(?s).*?SELECT\\s+\\?(\\w+).*", "$1"));
    }
}
