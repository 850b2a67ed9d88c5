package org.innograph.recommend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.recommend.*}: how long the answers of the recommendation API may be.
 *
 * @param defaultLimit results when the request gives no {@code limit}
 * @param maxLimit     the largest {@code limit} a request may ask for
 */
@ConfigurationProperties("innograph.recommend")
public record RecommendProperties(@DefaultValue("10") int defaultLimit, @DefaultValue("100") int maxLimit) {
}
