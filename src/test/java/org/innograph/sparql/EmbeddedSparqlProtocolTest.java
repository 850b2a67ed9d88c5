package org.innograph.sparql;

import org.innograph.testing.EmbeddedTestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The protocol suite on the default mode: TDB2 in this process. */
class EmbeddedSparqlProtocolTest extends SparqlProtocolContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-tdb2");
    }

    @Override
    String expectedMode() {
        return "embedded";
    }
}
