package org.innograph.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.innograph.conformance.ProtocolConformance.Result;
import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * InnoGraph, as a whole service over real HTTP, held to every MUST and SHOULD of the SPARQL 1.1 Protocol and
 * Graph Store Protocol that the black-box checker tests. Subclasses run it in each store mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "innograph.data.directories=src/test/resources/fixtures/protocol",
        "innograph.security.writer.username=" + Http.WRITER,
        "innograph.security.writer.password=" + Http.WRITER_PASSWORD})
abstract class InnoGraphConformanceContract {

    /**
     * SHOULDs that InnoGraph does not follow, each with the reason; a MUST can never be listed here. Listed ones
     * still show as FAIL in the table.
     */
    static final Map<String, String> DEVIATIONS = Map.of("G-put-no-type",
            "a Graph Store body without Content-Type is refused with 415 naming the syntaxes InnoGraph reads, "
                    + "rather than guessed to be RDF/XML");

    @LocalServerPort
    int port;

    abstract String mode();

    @Test
    void meetsEveryMustAndShouldOfBothProtocols() throws IOException {
        List<Result> results = ProtocolConformance.run("http://127.0.0.1:" + port + "/sparql",
                "http://127.0.0.1:" + port + "/sparql/update", "http://127.0.0.1:" + port + "/sparql/data",
                Http.WRITER, Http.WRITER_PASSWORD);
        String table = ProtocolConformance.markdown("InnoGraph, " + mode() + " mode", results);
        System.out.println(table);
        Path report = Path.of("target", "conformance", "innograph-" + mode() + ".md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        assertThat(results).filteredOn(result -> DEVIATIONS.containsKey(result.id()))
                .allSatisfy(result -> assertThat(result.level()).as(result.id()).isEqualTo("SHOULD"));
        assertThat(ProtocolConformance.failures(results)).filteredOn(result -> !DEVIATIONS.containsKey(result.id()))
                .as(ProtocolConformance.counts(results) + "; see " + report).isEmpty();
    }
}
