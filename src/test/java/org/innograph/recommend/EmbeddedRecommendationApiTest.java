package org.innograph.recommend;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The recommendation API on the default mode: TDB2 in this process. */
class EmbeddedRecommendationApiTest extends RecommendationApiContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("innograph-tdb2").toString();
        registry.add("innograph.store.mode", () -> "embedded");
        registry.add("innograph.store.directory", () -> directory);
    }
}
