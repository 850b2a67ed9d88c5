package org.innograph.conformance;

import org.innograph.testing.EmbeddedTestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conformance check against InnoGraph on its default mode: TDB2 in this process. */
class EmbeddedConformanceTest extends InnoGraphConformanceContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-conformance");
    }

    @Override
    String mode() {
        return "embedded";
    }
}
