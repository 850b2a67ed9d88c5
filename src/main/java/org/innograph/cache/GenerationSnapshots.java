package org.innograph.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.innograph.store.GraphStore;
import org.innograph.store.StoreMode;
import org.innograph.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes every {@link GenerationSnapshot} of the service, so that they all age alike and a write can wait for all
 * of them. On the embedded store every write passes through this process and moves the generation, so there is
 * no maximum age; on a remote store, other clients may write to the server without moving it, so a snapshot is
 * rebuilt once it is older than its maximum age.
 */
@Component
public class GenerationSnapshots {

    private static final Logger log = LoggerFactory.getLogger(GenerationSnapshots.class);

    private final GraphStore store;
    private final Duration outsideWritesWithin;
    private final List<GenerationSnapshot<?>> made = new CopyOnWriteArrayList<>();
    private final List<Runnable> derivedData = new CopyOnWriteArrayList<>();

    @Autowired
    public GenerationSnapshots(GraphStore store, StoreProperties properties) {
        this(store, properties.remote().outsideWritesWithin());
    }

    /** @param outsideWritesWithin the maximum age, on a remote store, of snapshots that name none of their own */
    public GenerationSnapshots(GraphStore store, Duration outsideWritesWithin) {
        this.store = store;
        this.outsideWritesWithin = outsideWritesWithin;
    }

    /**
     * A snapshot rebuilt, on a remote store, at least every {@code innograph.store.remote.outside-writes-within},
     * as long as the answer caches keep answers for writes made outside InnoGraph.
     */
    public <T> GenerationSnapshot<T> of(String name, Supplier<T> build) {
        return of(name, outsideWritesWithin, build);
    }

    /** A snapshot rebuilt, on a remote store, at least every {@code remoteMaxAge}. */
    public <T> GenerationSnapshot<T> of(String name, Duration remoteMaxAge, Supplier<T> build) {
        GenerationSnapshot<T> snapshot = new GenerationSnapshot<>(name, store,
                store.mode() == StoreMode.REMOTE ? remoteMaxAge : null, build);
        made.add(snapshot);
        return snapshot;
    }

    /**
     * Data derived from the rest and kept in the store (the statistics graph), brought up to date after every write
     * and before it is acknowledged, ahead of the snapshots (which may read it). Written then rather than by the
     * first read that needs it, so that no read writes: an answer's version (its ETag) stays the store's version
     * when the answer is given.
     */
    public void keepDerivedData(Runnable bringUpToDate) {
        derivedData.add(bringUpToDate);
    }

    /**
     * Called after a write and before it is acknowledged, so that whoever wrote, and everyone after, reads the
     * write in search, recommendations and pages: waits for the rebuild of every snapshot in use, side by side;
     * the others are rebuilt for their next reader ({@link GenerationSnapshot}). A rebuild that fails is logged
     * and retried on the next read; the write itself stands.
     */
    public void awaitCurrent() {
        for (Runnable keeper : derivedData) {
            try {
                keeper.run();
            } catch (RuntimeException e) {
                // as a failed rebuild: the write stands, and the data is brought up to date before its next reader
                log.warn("Derived data not brought up to date after a write: {}", e.toString());
            }
        }
        long generation = store.generation();
        List<GenerationSnapshot<?>> rebuilding = made.stream()
                .filter(snapshot -> snapshot.writeAcknowledged(generation)).toList();
        rebuilding.forEach(snapshot -> snapshot.awaitGeneration(generation));
    }
}
