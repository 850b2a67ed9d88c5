package org.innograph.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}: which store, whether it answers, and how much it holds. */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private static final Duration PATIENCE = Duration.ofMillis(500);

    private final GraphStore store;
    private final StoreMetrics metrics;
    private CompletableFuture<Boolean> asking = CompletableFuture.completedFuture(true);
    private volatile boolean lastReachable = true;

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
        if (!reachable()) {
            return health.down().withDetail("reachable", false).build();
        }
        // The count is the metric's, recounted only now and then: health must answer fast while heavy
        // queries run, and a count that waits for admission would not.
        double triples = metrics.triples(PATIENCE);
        health.withDetail("reachable", true);
        return (Double.isNaN(triples) ? health : health.withDetail("triples", (long) triples)).build();
    }

    /**
     * Asked on another thread, waiting at most {@link #PATIENCE}: a remote server busy with heavy queries may
     * take seconds to answer, and health must still answer at once (with the last known state meanwhile).
     */
    private boolean reachable() {
        CompletableFuture<Boolean> answer;
        synchronized (this) {
            if (asking.isDone()) {
                asking = CompletableFuture.supplyAsync(store::isReachable);
            }
            answer = asking;
        }
        try {
            lastReachable = answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still asking: the last answer stands
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lastReachable;
    }
}
