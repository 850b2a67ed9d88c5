package org.innograph.sparql;

import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Federated queries in remote mode: the query is passed to Fuseki, and Fuseki calls the SERVICE endpoint. */
class RemoteFederatedQueryTest extends FederatedQueryContract {

    static final TestFuseki FUSEKI = TestFuseki.start();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        FUSEKI.registerAsRemoteStore(registry);
    }

    @AfterAll
    static void stopFuseki() {
        FUSEKI.close();
    }
}
