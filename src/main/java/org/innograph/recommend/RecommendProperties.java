package org.innograph.recommend;

import static org.innograph.settings.SettingChecks.atLeast;
import static org.innograph.settings.SettingChecks.positive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.recommend.*}: how long the answers of the recommendation API may be.
 *
 * @param defaultLimit results when the request gives no {@code limit}
 * @param maxLimit     the largest {@code limit} a request may ask for
 * @param maxAge       in remote mode, how old the index may get before it is rebuilt even though no write went
 *                     through this service (other clients may write to the remote store directly)
 */
@ConfigurationProperties("innograph.recommend")
public record RecommendProperties(@DefaultValue("10") int defaultLimit, @DefaultValue("100") int maxLimit,
        @DefaultValue("60s") Duration maxAge) {

    public RecommendProperties {
        atLeast("innograph.recommend.default-limit", defaultLimit, 1);
        atLeast("innograph.recommend.max-limit", maxLimit, defaultLimit);
        positive("innograph.recommend.max-age", maxAge);
    }
}
