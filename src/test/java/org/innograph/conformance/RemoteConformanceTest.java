package org.innograph.conformance;

import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conformance check against InnoGraph in remote mode, in front of a real Fuseki. */
class RemoteConformanceTest extends InnoGraphConformanceContract {

    static final TestFuseki FUSEKI = TestFuseki.start();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        FUSEKI.registerAsRemoteStore(registry);
    }

    @AfterAll
    static void stopFuseki() {
        FUSEKI.close();
    }

    @Override
    String mode() {
        return "remote";
    }
}
