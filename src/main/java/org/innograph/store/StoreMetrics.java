package org.innograph.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * {@code innograph.store.triples}: how much the store holds. Counting is a full scan, so a scrape reuses the
 * last count until the store has been written through this service or a minute has passed. The count runs on
 * its own thread, so that health can wait for it a little and then answer with the last one: health must
 * answer fast even while heavy queries hold the store.
 *
 * <p>Not a {@code cache.GenerationSnapshot}: a snapshot in use is rebuilt before a write is acknowledged, and no
 * write should wait for a full scan to keep a gauge exact; a count may lag, and is re-read once a minute anyway.
 */
@Component
class StoreMetrics {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final GraphStore store;
    private final ExecutorService counter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "triple-count");
        thread.setDaemon(true);
        return thread;
    });
    private long countedAtGeneration = -1;
    private Instant countedAt = Instant.MIN;
    private CompletableFuture<Void> counting = CompletableFuture.completedFuture(null);
    private volatile double triples = Double.NaN;

    StoreMetrics(GraphStore store, MeterRegistry meters) {
        this.store = store;
        Gauge.builder("innograph.store.triples", this, metrics -> metrics.triples(Duration.ofMinutes(1)))
                .description("Triples in all named graphs of the store").register(meters);
    }

    /** The count, recounted first if it is stale, waiting at most {@code patience} for that; else the last one. */
    double triples(Duration patience) {
        CompletableFuture<Void> recount;
        synchronized (this) {
            long generation = store.generation();
            boolean stale = generation != countedAtGeneration || countedAt.plus(MAX_AGE).isBefore(Instant.now());
            if (stale && counting.isDone()) {
                countedAtGeneration = generation;
                countedAt = Instant.now();
                counting = CompletableFuture.runAsync(this::count, counter);
            }
            recount = counting;
        }
        try {
            recount.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still counting, or failed: the last count stands
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return triples;
    }

    private void count() {
        try {
            triples = store.tripleCount();
        } catch (RuntimeException e) {
            // Busy or unreachable: the last count stands until the next try.
        }
    }

    @PreDestroy
    void stop() {
        counter.shutdownNow();
    }
}
