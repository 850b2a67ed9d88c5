package org.innograph.store;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code innograph.store.triples}: how much the store holds. Counting is a full scan, so a scrape reuses the
 * last count until the store has been written through this service or a minute has passed.
 */
@Component
class StoreMetrics {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final GraphStore store;
    private long countedAtGeneration = -1;
    private Instant countedAt = Instant.MIN;
    private double triples = Double.NaN;

    StoreMetrics(GraphStore store, MeterRegistry meters) {
        this.store = store;
        Gauge.builder("innograph.store.triples", this, StoreMetrics::triples)
                .description("Triples in all named graphs of the store").register(meters);
    }

    synchronized double triples() {
        long generation = store.generation();
        if (generation != countedAtGeneration || countedAt.plus(MAX_AGE).isBefore(Instant.now())) {
            try {
                triples = store.tripleCount();
            } catch (RuntimeException e) {
                // Busy or unreachable: the last count stands until the next try.
            }
            countedAtGeneration = generation;
            countedAt = Instant.now();
        }
        return triples;
    }
}
