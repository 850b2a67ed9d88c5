package org.innograph.sparql;

import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The protocol suite on the remote mode, in front of a real Fuseki. */
class RemoteSparqlProtocolTest extends SparqlProtocolContract {

    static final TestFuseki FUSEKI = TestFuseki.start();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        FUSEKI.registerAsRemoteStore(registry);
    }

    @AfterAll
    static void stopFuseki() {
        // The Spring context is cached across test classes, but only this class uses this Fuseki.
        FUSEKI.close();
    }

    @Override
    String expectedMode() {
        return "remote";
    }
}
