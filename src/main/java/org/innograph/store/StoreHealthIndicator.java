package org.innograph.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}: which store, whether it answers, and how much it holds. */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private final GraphStore store;

    StoreHealthIndicator(GraphStore store) {
        this.store = store;
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
        try {
            return health.withDetail("reachable", true).withDetail("triples", store.tripleCount()).build();
        } catch (RuntimeException e) {
            return health.down(e).withDetail("reachable", false).build();
        }
    }
}
