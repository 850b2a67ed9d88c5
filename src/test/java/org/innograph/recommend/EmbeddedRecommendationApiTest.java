package org.innograph.recommend;

import org.innograph.testing.EmbeddedTestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The recommendation API on the default mode: TDB2 in this process. */
class EmbeddedRecommendationApiTest extends RecommendationApiContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedTestStore.register(registry, "innograph-tdb2");
    }
}
