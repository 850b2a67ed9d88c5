package org.innograph.store;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence for memory. Sorts and DISTINCT spill to disk, groupings and answers are capped, but
 * some of the engine's work (hash joins, aggregates that keep values) is held in memory whole. When the heap
 * is still over the threshold right after a garbage collection, the longest-running query is stopped (503
 * for its client) and, while the heap stays that full, new queries are refused with 503: the service says
 * "try again" instead of dying of an {@link OutOfMemoryError}.
 */
public final class HeapGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeapGuard.class);

    /** How often a refusal may collect the heap to see whether it is still short. */
    static final Duration RECHECK = Duration.ofSeconds(2);

    private final MemoryPoolMXBean pool;
    private final AtomicLong lastRecheck = new AtomicLong(System.nanoTime() - RECHECK.toNanos());
    private final long threshold;
    private final NotificationEmitter emitter;
    private final NotificationListener listener;

    private HeapGuard(MemoryPoolMXBean pool, long threshold, QuerySupervisor supervisor) {
        this.pool = pool;
        this.threshold = threshold;
        this.emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        this.listener = (notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                supervisor.stopLongestForMemory().ifPresent(ticket -> log.warn("Heap over {} MB after a collection: "
                        + "stopped query {} (running {} ms) to keep the service answering", threshold >> 20,
                        ticket.id(), ticket.elapsed().toMillis()));
            }
        };
        pool.setCollectionUsageThreshold(threshold);
        emitter.addNotificationListener(listener, null, null);
        supervisor.guardHeapWith(this);
    }

    /**
     * Watches the pool the collector fills last (the old generation) of this JVM.
     *
     * @param fraction of that pool's maximum, e.g. 0.85; empty when the JVM offers no such pool
     */
    public static Optional<HeapGuard> watch(double fraction, QuerySupervisor supervisor) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                        && pool.getUsage().getMax() > 0)
                .max(java.util.Comparator.comparingLong(pool -> pool.getUsage().getMax()))
                .map(pool -> new HeapGuard(pool, (long) (pool.getUsage().getMax() * fraction), supervisor));
    }

    /**
     * Whether the heap is over the threshold after a collection. The pool's figure after its last collection
     * stays until it is collected again, which a service that refuses everything may never cause: a query
     * stopped for memory left the heap full of its garbage, and every query after it got 503 until some
     * unrelated collection (seen at -Xmx256m: minutes, on an idle service). So while the figure says short, the
     * heap is collected again, at most once per {@link #RECHECK}, and the fresh figure decides.
     */
    public boolean isShort() {
        if (pool.getCollectionUsage().getUsed() < threshold) {
            return false;
        }
        long now = System.nanoTime();
        long last = lastRecheck.get();
        if (now - last >= RECHECK.toNanos() && lastRecheck.compareAndSet(last, now)) {
            System.gc();
        }
        return pool.getCollectionUsage().getUsed() >= threshold;
    }

    @Override
    public void close() {
        try {
            emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
            // already gone
        }
    }
}
