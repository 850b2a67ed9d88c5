package org.innograph.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.innograph.conformance.ProtocolConformance.Result;
import org.innograph.conformance.Requirement.Verdict;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.Test;

/**
 * The same checker against the test Fuseki (Apache Jena's own server, union default graph as InnoGraph's remote
 * mode wants it), for comparison: its table is printed and written, not held to the specifications. What is
 * asserted is that the checker itself works: the operations every SPARQL server has pass against Fuseki.
 */
class FusekiReferenceConformanceTest {

    @Test
    void fusekiAsAReference() throws IOException {
        List<Result> results;
        try (TestFuseki fuseki = TestFuseki.start()) {
            String dataset = fuseki.datasetUrl();
            results = ProtocolConformance.run(dataset + "/query", dataset + "/update", dataset + "/data", null, null);
        }
        String table = ProtocolConformance.markdown("Apache Fuseki (reference)", results);
        System.out.println(table);
        Path report = Path.of("target", "conformance", "fuseki.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        assertThat(results).filteredOn(result -> List.of("P-query-get", "P-query-form", "P-query-direct",
                        "P-update-form", "P-update-direct", "P-dataset-default-get", "G-put-new", "G-get", "G-delete")
                        .contains(result.id()))
                .hasSize(9).allSatisfy(result -> assertThat(result.verdict()).as(result.id() + ": " + result.detail())
                        .isEqualTo(Verdict.PASS));
    }
}
