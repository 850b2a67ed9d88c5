package org.innograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Eurostat SDMX-CSV as Data Cube observations by NUTS region, and the stored query that joins them with practices. */
class EurostatImportTest extends ApiTestSupport {

    private static final String DATASET = "https://w3id.org/innograph/id/dataset/eurostat/rd_e_gerdreg";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void observationsAreKeyedByTheNutsIriOfGeo() {
        HttpResponse<String> response = post("/api/imports?batch=gerd&name=rd_e_gerdreg.csv", "text/csv",
                fixture("eurostat/rd_e_gerdreg.csv"), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode batch = json.readTree(response.body()).path("batch");
        assertThat(batch.path("notes").get(0).asString()).contains("1 rows have no OBS_VALUE");
        List<String> observations = store.read(connection -> {
            List<String> rows = new ArrayList<>();
            connection.querySelect("""
                    PREFIX qb: <http://purl.org/linked-data/cube#>
                    PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
                    PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
                    PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
                    SELECT ?area ?year ?value ?unit ?flag ?sector WHERE { GRAPH <https://w3id.org/innograph/graph/import/gerd> {
                      ?o a qb:Observation ; qb:dataSet <https://w3id.org/innograph/id/dataset/eurostat/rd_e_gerdreg> ;
                         sdmx-dimension:refArea ?area ; sdmx-dimension:refPeriod ?year ; sdmx-measure:obsValue ?value ;
                         sdmx-attribute:unitMeasure ?unit ;
                         <https://w3id.org/innograph/id/eurostat-dimension/sectperf> ?sector .
                      OPTIONAL { ?o sdmx-attribute:obsStatus ?flag } } }
                    ORDER BY ?area ?year""", row -> rows.add(row.getResource("area").getURI() + " "
                    + row.getLiteral("year").getLexicalForm() + " " + row.getLiteral("value").getLexicalForm() + " "
                    + row.getLiteral("unit").getString() + " " + row.getLiteral("sector").getString()
                    + (row.contains("flag") ? " " + row.getLiteral("flag").getString() : "")));
            return rows;
        });
        assertThat(observations).containsExactly(
                "http://data.europa.eu/nuts/code/AT12 2020 1.71 PC_GDP TOTAL",
                "http://data.europa.eu/nuts/code/AT12 2021 1.74 PC_GDP TOTAL p",
                "http://data.europa.eu/nuts/code/AT13 2020 3.62 PC_GDP TOTAL",
                "http://data.europa.eu/nuts/code/AT13 2021 3.55 PC_GDP TOTAL p",
                "http://data.europa.eu/nuts/code/EL30 2020 1.86 PC_GDP TOTAL");
        delete("/api/imports/gerd", true);
    }

    @Test
    void unknownRegionsAreListedAnd422ByDefaultNothingWritten() {
        DatasetGraph before = snapshot();

        HttpResponse<String> response = post("/api/imports", "text/csv",
                fixture("eurostat/rd_e_gerdreg-unknown-regions.csv"), true);

        assertThat(response.statusCode()).isEqualTo(422);
        List<String> codes = new ArrayList<>();
        json.readTree(response.body()).path("problems").forEach(problem -> {
            assertThat(problem.path("column").asString()).isEqualTo("geo");
            codes.add(problem.path("value").asString() + "@" + problem.path("row").asInt());
        });
        assertThat(codes).containsExactlyInAnyOrder("EU27_2020@3", "FRZZ@4");
        assertThat(response.body()).contains("rows 3, 5");
        assertThat(IsoMatcher.isomorphic(before, snapshot())).isTrue();
    }

    @Test
    void unknownRegionsCanBeSkippedAndAreThenListedInTheBatch() {
        HttpResponse<String> response = post("/api/imports?batch=gerd-skipped&skipUnknownRegions=true", "text/csv",
                fixture("eurostat/rd_e_gerdreg-unknown-regions.csv"), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode batch = json.readTree(response.body()).path("batch");
        assertThat(batch.path("notes").get(0).asString()).isEqualTo(
                "Skipped 3 rows whose geo code is not a NUTS region of the graph: EU27_2020, FRZZ");
        JsonNode listed = null;
        for (JsonNode each : json.readTree(get("/api/imports").body())) {
            if (each.path("id").asString().equals("gerd-skipped")) {
                listed = each;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("notes").get(0).asString()).contains("EU27_2020, FRZZ");
        delete("/api/imports/gerd-skipped", true);
    }

    @Test
    void theStoredQueryFindsPracticesInRegionsAboveAThreshold() throws IOException {
        assertThat(post("/api/imports?batch=join-gerd", "text/csv", fixture("eurostat/rd_e_gerdreg.csv"), true)
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/imports?batch=join-practices", "text/csv", fixture("imports/practices.csv"), true)
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/imports?batch=join-vouchers", "text/turtle", fixture("imports/practice.ttl"), true)
                .statusCode()).isEqualTo(201);
        String text = Files.readString(Path.of("src/main/resources/queries/practices-in-regions-above-indicator.rq"));

        // Vienna (AT13) is above 3 % of GDP; Lower Austria (AT12) and Attica (EL30) are not.
        assertThat(run(text, Map.of("dataset", NodeFactory.createURI(DATASET),
                "threshold", NodeFactory.createLiteralDT("3", XSDDatatype.XSDdecimal))))
                .containsExactly("Digital innovation vouchers, Vienna | AT13 | 2020 | 3.62",
                        "Digital innovation vouchers, Vienna | AT13 | 2021 | 3.55");
        // A practice placed in a NUTS 2 region matches that region; the year narrows the rows.
        assertThat(run(text, Map.of("dataset", NodeFactory.createURI(DATASET),
                "threshold", NodeFactory.createLiteralDT("1.7", XSDDatatype.XSDdecimal),
                "year", NodeFactory.createLiteralDT("2021", XSDDatatype.XSDinteger))))
                .containsExactly("Digital innovation vouchers, Vienna | AT13 | 2021 | 3.55",
                        "Cluster programme, Lower Austria | AT12 | 2021 | 1.74");
        List.of("join-gerd", "join-practices", "join-vouchers").forEach(id -> delete("/api/imports/" + id, true));
    }

    /** Binds parameters as the stored-query API does: a VALUES block at the start of the WHERE clause. */
    private List<String> run(String text, Map<String, Node> parameters) {
        Query query = QueryFactory.create(text);
        ElementGroup group = new ElementGroup();
        parameters.forEach((name, value) -> {
            ElementData data = new ElementData();
            data.add(Var.alloc(name));
            data.add(BindingFactory.binding(Var.alloc(name), value));
            group.addElement(data);
        });
        ((ElementGroup) query.getQueryPattern()).getElements().forEach(group::addElement);
        query.setQueryPattern(group);
        return store.read(connection -> {
            List<String> rows = new ArrayList<>();
            connection.querySelect(query, row -> rows.add(row.getLiteral("title").getString() + " | "
                    + row.getResource("region").getURI().replace("http://data.europa.eu/nuts/code/", "") + " | "
                    + row.getLiteral("period").getLexicalForm() + " | " + row.getLiteral("value").getLexicalForm()));
            return rows;
        });
    }
}
