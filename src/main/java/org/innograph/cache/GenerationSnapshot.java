package org.innograph.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.innograph.store.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something built from the whole store (an index, counts, a page's content) and kept until the store's
 * generation moves or, where writes can bypass the generation, until it is older than its maximum age.
 *
 * <p>Rebuilds run on a thread of their own, one at a time, and readers do not wait for them: a reader that finds
 * the snapshot stale starts the rebuild and gets the last snapshot meanwhile. The very first build is waited for,
 * as there is nothing to give before it. A rebuild that fails leaves the last snapshot in place (logged; the next
 * read tries again); without a last snapshot the failure reaches the caller as the builder threw it.
 *
 * <p>Staleness allowed: a write made outside this instance's write endpoints (another instance or client of a
 * remote store, the ranking statistics, the maximum age passing) is seen once the rebuild lands; until then
 * readers get the snapshot of before it. Such an answer is marked as not reusable, so no HTTP validator or kept
 * answer pairs it with the store's new version.
 *
 * <p>Read-your-writes for writes acknowledged by this instance (SPARQL Update, Graph Store, imports): a program
 * that writes and then searches or asks for recommendations expects its write, and the README promises that no
 * answer after a write's acknowledgement misses it. So such a write, before it is acknowledged, waits for the
 * rebuild of every snapshot in use (read since it was built: {@link GenerationSnapshots#awaitCurrent}); the
 * others are left to be rebuilt when next read, and that one reader waits for the rebuild, as it would have to
 * before the first build. Writes thus cost only the rebuilds of what is being read, and a snapshot read all the
 * time (search, the home page) never holds up its readers.
 *
 * <p>The snapshot is tagged with the generation read when its build started, in the critical section that
 * decided to build it; any write after that moves the generation past the tag, so a snapshot is never taken for
 * newer than the data it may have missed.
 */
public final class GenerationSnapshot<T> {

    private static final Logger log = LoggerFactory.getLogger(GenerationSnapshot.class);
    /** True on a rebuild's own thread: what it reads is read once per store version for every reader. */
    private static final ThreadLocal<Boolean> BUILDING = ThreadLocal.withInitial(() -> false);

    private record Built<T>(T value, long generation, long startedAt) {
    }

    private final String name;
    private final GraphStore store;
    private final Supplier<T> build;
    /** {@link Long#MAX_VALUE} when only the generation decides. */
    private final long maxAgeNanos;
    private final Object lock = new Object();
    /** The last snapshot built; null before the first. Guarded by {@code lock}. */
    private Built<T> last;
    /** The rebuild under way, null when none is. Guarded by {@code lock}. */
    private CompletableFuture<Built<T>> rebuilding;
    /** Whether the last snapshot was given to a reader after it was built. Guarded by {@code lock}. */
    private boolean inUse;
    /**
     * The generation of the last write acknowledged without rebuilding this snapshot: no reader is given a
     * snapshot older than that. Guarded by {@code lock}.
     */
    private long acknowledged = Long.MIN_VALUE;

    /**
     * @param name   what is built, for the thread's name and the log
     * @param maxAge the oldest a snapshot may be before it is rebuilt without a write; null for no maximum age
     */
    GenerationSnapshot(String name, GraphStore store, Duration maxAge, Supplier<T> build) {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("The maximum age of the " + name + " must be positive: " + maxAge);
        }
        this.name = name;
        this.store = store;
        this.build = build;
        this.maxAgeNanos = maxAge == null ? Long.MAX_VALUE : maxAge.toNanos();
    }

    /**
     * The last snapshot, a rebuild started if it is stale; waits only when there has never been one, or when it
     * misses a write this instance acknowledged without rebuilding it.
     */
    public T get() {
        long mustReach;
        synchronized (lock) {
            long generation = store.generation();
            if (last != null && isCurrent(last, generation)) {
                inUse = true;
                return last.value();
            }
            if (last != null && last.generation() >= acknowledged) {
                if (rebuilding == null) {
                    rebuild(generation);
                }
                inUse = true;
                VolatileQueries.markCurrentRequest();
                return last.value();
            }
            mustReach = acknowledged;
        }
        if (mustReach == Long.MIN_VALUE) {
            return atLeast(mustReach).value();
        }
        try {
            return atLeast(mustReach).value();
        } catch (RuntimeException e) {
            // logged by the rebuild; as for any failed rebuild, the last snapshot stands and the next read retries
            VolatileQueries.markCurrentRequest();
            return lastOrThrow(e);
        } finally {
            synchronized (lock) {
                inUse = true;
            }
        }
    }

    /**
     * A snapshot built at the store's generation as of this call or later, waiting for it if need be: for work
     * that must not be computed from older data (figures written back into the store). A failed build is thrown.
     */
    public T getCurrent() {
        long target;
        synchronized (lock) {
            target = store.generation();
        }
        return atLeast(target).value();
    }

    /**
     * A write up to generation {@code target} is about to be acknowledged: a snapshot in use is rebuilt now (true:
     * the writer then waits for it, {@link #awaitGeneration}); one not read since it was built is left for its
     * next reader, who waits for the rebuild.
     */
    boolean writeAcknowledged(long target) {
        synchronized (lock) {
            if (last == null || last.generation() >= target) {
                return false;
            }
            if (!inUse) {
                acknowledged = Math.max(acknowledged, target);
                return false;
            }
            if (rebuilding == null) {
                rebuild(store.generation());
            }
            return true;
        }
    }

    /**
     * Waits until a snapshot at generation {@code target} or later has been built. A failed rebuild ends the wait:
     * it was logged, readers keep the last snapshot, and the next read tries again.
     */
    void awaitGeneration(long target) {
        try {
            atLeast(target);
        } catch (RuntimeException e) {
            // logged by the rebuild; the last snapshot stands
        }
    }

    private Built<T> atLeast(long target) {
        while (true) {
            CompletableFuture<Built<T>> pending;
            synchronized (lock) {
                if (last != null && last.generation() >= target) {
                    return last;
                }
                if (rebuilding == null) {
                    rebuild(store.generation());
                }
                pending = rebuilding;
            }
            join(pending);
        }
    }

    /**
     * Says that the write which moved the store from generation {@code before} to {@code after} changed nothing
     * this snapshot reads, so a snapshot current at {@code before} stays current.
     */
    public void unchangedBy(long before, long after) {
        synchronized (lock) {
            if (last != null && last.generation() == before) {
                last = new Built<>(last.value(), after, last.startedAt());
            }
        }
    }

    private T lastOrThrow(RuntimeException failure) {
        synchronized (lock) {
            if (last == null) {
                throw failure;
            }
            return last.value();
        }
    }

    private boolean isCurrent(Built<T> built, long generation) {
        return built.generation() == generation && System.nanoTime() - built.startedAt() < maxAgeNanos;
    }

    /**
     * Whether the calling thread is building a snapshot: its queries may then read the whole graph, under
     * {@code innograph.linked-data.snapshot-query-timeout} rather than a page's limit.
     */
    public static boolean isBuilding() {
        return BUILDING.get();
    }

    /** Starts a rebuild for {@code generation} on its own thread; the caller holds {@code lock}. */
    private void rebuild(long generation) {
        CompletableFuture<Built<T>> done = new CompletableFuture<>();
        rebuilding = done;
        long startedAt = System.nanoTime();
        Runnable work = () -> {
            BUILDING.set(true);
            try {
                Built<T> built = new Built<>(build.get(), generation, startedAt);
                synchronized (lock) {
                    last = built;
                    rebuilding = null;
                    inUse = false;
                }
                log.debug("{} built for generation {} in {} ms", name, generation,
                        (System.nanoTime() - startedAt) / 1_000_000);
                done.complete(built);
            } catch (Throwable e) {
                boolean kept;
                synchronized (lock) {
                    rebuilding = null;
                    kept = last != null;
                }
                if (kept) {
                    log.warn("Could not rebuild the {} (the last one is served until a read retries): {}", name,
                            e.toString());
                }
                done.completeExceptionally(e);
            }
        };
        try {
            Thread.ofPlatform().daemon().name("rebuild " + name).start(work);
        } catch (RuntimeException | Error e) {
            rebuilding = null;
            throw e;
        }
    }

    /** The build's result, or what it threw, as it threw it, so that the error handlers map it. */
    private static <T> Built<T> join(CompletableFuture<Built<T>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
