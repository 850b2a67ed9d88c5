package org.innograph.sparql;

import org.innograph.testing.EmbeddedTestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Federated queries on the embedded store: InnoGraph's own Jena calls the SERVICE endpoint. */
class EmbeddedFederatedQueryTest extends FederatedQueryContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-tdb2");
    }
}
