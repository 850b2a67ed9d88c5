package org.innograph.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        assertThat(ProtocolConformance.failures(results)).as(ProtocolConformance.counts(results) + "; see " + report)
                .isEmpty();
    }
}
