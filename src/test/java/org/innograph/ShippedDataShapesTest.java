package org.innograph;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.Test;

/** All shipped data, as one union graph, against ontology/shapes.ttl: fails listing every violation. */
class ShippedDataShapesTest {

    @Test
    void shippedDataConformsToTheShapes() {
        Graph shapesGraph = RDFDataMgr.loadGraph("ontology/shapes.ttl");
        Graph data = ShippedGraph.dataset().asDatasetGraph().getDefaultGraph();
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
        if (!report.conforms()) {
            String all = report.getEntries().stream()
                    .map(e -> e.focusNode() + " | " + e.resultPath() + " | " + e.message())
                    .sorted()
                    .collect(Collectors.joining("\n"));
            fail(report.getEntries().size() + " SHACL violations (focus node | path | message):\n" + all);
        }
    }
}
