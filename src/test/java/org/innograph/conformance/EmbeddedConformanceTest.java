package org.innograph.conformance;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conformance check against InnoGraph on its default mode: TDB2 in this process. */
class EmbeddedConformanceTest extends InnoGraphConformanceContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("innograph-conformance").toString();
        registry.add("innograph.store.mode", () -> "embedded");
        registry.add("innograph.store.directory", () -> directory);
    }

    @Override
    String mode() {
        return "embedded";
    }
}
