package org.innograph.recommend;

import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The recommendation API on the remote mode, the index read from a real Fuseki. */
class RemoteRecommendationApiTest extends RecommendationApiContract {

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
