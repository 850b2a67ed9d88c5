package org.innograph.sparql;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Federated queries on the embedded store: InnoGraph's own Jena calls the SERVICE endpoint. */
class EmbeddedFederatedQueryTest extends FederatedQueryContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("innograph-tdb2").toString();
        registry.add("innograph.store.mode", () -> "embedded");
        registry.add("innograph.store.directory", () -> directory);
    }
}
