package org.innograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.innograph.ShippedGraph;
import org.junit.jupiter.api.Test;

/**
 * The good-practice template is the shipped data's own: the shipped good_practices.csv, imported as a curator's
 * file, passes the shapes against the shipped reference data and describes every practice as the shipped-data
 * converter does (same IRIs, same statements), apart from what only the project's curation tables add.
 */
class PracticeTemplateShippedDataTest {

    /** Statements only the converter's curation tables give (owner organisations) are left out of the comparison. */
    private static final Set<String> CURATION_ONLY = Set.of("https://w3id.org/innograph/ontology#ownerOrImplementer");

    @Test
    void theShippedPracticesImportAsTheConverterMadeThem() throws IOException {
        ReferenceData reference = ReferenceData.of(ShippedGraph.dataset());
        PracticeTemplate template = new PracticeTemplate(Path.of("data/sources/curation/topic_themes.csv"),
                Path.of("data/sources/curation/person_names.sha256"));

        PracticeTemplate.Conversion conversion = template.convert(
                Files.readAllBytes(Path.of("data/sources/inno-industry/good_practices.csv")), reference);

        List<ImportProblem> problems = ImportValidator.fromFile(Path.of("ontology/shapes.ttl"))
                .validate(conversion.graph(), reference);
        assertThat(problems).isEmpty();
        Graph shipped = GraphFactory.createDefaultGraph();
        RDFDataMgr.loadGraph("data/inno-industry.ttl").find().forEachRemaining(shipped::add);
        RDFDataMgr.loadGraph("data/inno-industry-inferred.ttl").find().forEachRemaining(shipped::add);
        assertThat(conversion.rowOfPractice()).hasSize(24);
        for (String practice : conversion.rowOfPractice().keySet()) {
            Node subject = NodeFactory.createURI(practice);
            assertThat(shipped.contains(subject, RDF.type.asNode(), Node.ANY)).as(practice + " is shipped").isTrue();
            assertThat(statements(conversion.graph(), subject)).as(practice)
                    .isEqualTo(statements(shipped, subject));
        }
    }

    private static Set<String> statements(Graph graph, Node subject) {
        Set<String> statements = new TreeSet<>();
        graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(triple -> {
            if (!CURATION_ONLY.contains(triple.getPredicate().getURI())) {
                statements.add(triple.getPredicate().getURI() + " " + triple.getObject());
            }
        });
        return statements;
    }
}
