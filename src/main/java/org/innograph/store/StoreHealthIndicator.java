package org.innograph.store;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}: which store, whether it answers, and how much it holds. */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private final GraphStore store;
    private final StoreMetrics metrics;

    StoreHealthIndicator(GraphStore store, StoreMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("mode", store.mode().name().toLowerCase());
        if (store instanceof RemoteStore remote) {
            health.withDetail("server", remote.queryUrl().toString());
        }
        if (!store.isReachable()) {
            return health.down().withDetail("reachable", false).build();
        }
        // The count is the metric's, recounted only now and then: health must answer fast while heavy
        // queries run, and a count that waits for admission would not.
        double triples = metrics.triples(Duration.ofMillis(500));
        health.withDetail("reachable", true);
        return (Double.isNaN(triples) ? health : health.withDetail("triples", (long) triples)).build();
    }
}
