package org.innograph.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.update.UpdateFactory;
import org.innograph.store.EmbeddedStore;
import org.innograph.store.GraphStore;
import org.innograph.store.RemoteStore;
import org.innograph.store.StoreProperties;
import org.innograph.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A snapshot of a real TDB2 store, read by real threads: readers are never held up by a rebuild, the rebuild
 * sees the write that made it, failures keep the last snapshot, and only the first build is ever waited for.
 * Waits are bounded generously (a stuck reader fails the test, a slow machine does not).
 */
class GenerationSnapshotTest {

    private static final long PATIENCE_SECONDS = 30;

    @TempDir
    static Path directory;

    private static EmbeddedStore store;
    /** Each test counts in a graph of its own, so that they can share one store. */
    private final String graph = "https://w3id.org/innograph/graph/test-" + UUID.randomUUID();
    private final ExecutorService readers = Executors.newFixedThreadPool(8);
    /** Builds started, and the most that ever ran at once. */
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeAll
    static void openStore() {
        store = new EmbeddedStore(directory.resolve("tdb2"));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @AfterEach
    void stopReaders() {
        RequestContextHolder.resetRequestAttributes();
        readers.shutdownNow();
    }

    /** Counts the practices in the store, as an index build reads the store. */
    private long countPractices(GraphStore from) {
        builds.incrementAndGet();
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            return from.read(connection -> {
                try (QueryExecution count = connection.query("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph
                        + "> { ?p a <https://w3id.org/innograph/ontology#GoodPractice> } }")) {
                    return count.execSelect().next().getLiteral("n").getLong();
                }
            });
        } finally {
            running.decrementAndGet();
        }
    }

    private void addPractice(String slug) {
        store.update(UpdateFactory.create("INSERT DATA { GRAPH <" + graph + "> { "
                + "<https://w3id.org/innograph/id/practice/" + slug
                + "> a <https://w3id.org/innograph/ontology#GoodPractice> } }"), Duration.ofSeconds(30));
    }

    @Test
    void readersGetTheLastSnapshotWhileTheNextIsBuiltAndTheNextReadSeesTheWrite() throws Exception {
        Gate gate = new Gate();
        GenerationSnapshot<Long> practices = new GenerationSnapshot<>("practice count", store, null, () -> {
            gate.passThrough();
            return countPractices(store);
        });
        addPractice("a");
        assertThat(practices.get()).as("the first build is waited for").isEqualTo(1);

        gate.armed.set(true);
        addPractice("b");
        List<Future<Long>> reads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reads.add(readers.submit(practices::get));
        }
        assertThat(gate.reached.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (Future<Long> read : reads) {
            assertThat(read.get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                    .as("answered from the last snapshot while the rebuild is held").isEqualTo(1);
        }
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(practices.get()).isEqualTo(1);
        assertThat(VolatileQueries.isMarked(request)).as("an answer older than the store is not reused").isTrue();

        gate.opened.countDown();
        assertThat(practices.getCurrent()).as("the rebuild saw the write").isEqualTo(2);
        MockHttpServletRequest after = new MockHttpServletRequest("GET", "/api/search");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(after));
        assertThat(practices.get()).isEqualTo(2);
        assertThat(VolatileQueries.isMarked(after)).isFalse();
        assertThat(builds.get()).as("41 stale reads started one rebuild").isEqualTo(2);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aWriteDuringARebuildIsSeenByTheRebuildAfterIt() throws Exception {
        Gate gate = new Gate();
        GenerationSnapshot<Long> practices = new GenerationSnapshot<>("practice count", store, null, () -> {
            long count = countPractices(store);
            gate.passThrough();
            return count;
        });
        assertThat(practices.get()).isZero();
        gate.armed.set(true);
        addPractice("a");
        assertThat(practices.get()).isZero();
        assertThat(gate.reached.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        // The rebuild has read the store; this write comes after it and must not be taken as seen.
        addPractice("b");
        gate.opened.countDown();
        assertThat(practices.getCurrent()).isEqualTo(2);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void afterAnAcknowledgedWriteEveryReaderSeesItAndOnlySnapshotsInUseWereRebuiltByTheWriter() {
        GenerationSnapshots snapshots = new GenerationSnapshots(store, Duration.ofSeconds(60));
        AtomicInteger searchBuilds = new AtomicInteger();
        AtomicInteger pageBuilds = new AtomicInteger();
        GenerationSnapshot<Long> search = snapshots.of("search", () -> {
            searchBuilds.incrementAndGet();
            return countPractices(store);
        });
        GenerationSnapshot<Long> page = snapshots.of("page", () -> {
            pageBuilds.incrementAndGet();
            return countPractices(store);
        });
        assertThat(search.get()).isZero();
        assertThat(page.get()).isZero();
        assertThat(search.get()).as("read again: in use").isZero();

        addPractice("a");
        snapshots.awaitCurrent();
        assertThat(searchBuilds.get()).as("rebuilt before the write is acknowledged").isEqualTo(2);
        assertThat(pageBuilds.get()).as("not read since it was built: left for its next reader").isEqualTo(1);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(search.get()).isEqualTo(1);
        assertThat(page.get()).as("its reader waits for the write").isEqualTo(1);
        assertThat(VolatileQueries.isMarked(request)).as("both answers are current").isFalse();
    }

    @Test
    void aFailedRebuildKeepsTheLastSnapshotAndTheNextReadTriesAgain() {
        AtomicBoolean failing = new AtomicBoolean();
        GenerationSnapshot<Long> practices = new GenerationSnapshot<>("practice count", store, null, () -> {
            long count = countPractices(store);
            if (failing.get()) {
                throw new StoreUnavailableException("the store went away", null);
            }
            return count;
        });
        assertThat(practices.get()).isZero();
        failing.set(true);
        addPractice("a");
        assertThat(practices.get()).as("the last snapshot while the rebuild fails").isZero();
        assertThatThrownBy(practices::getCurrent).as("waits for the failing rebuild")
                .isInstanceOf(StoreUnavailableException.class);
        int tried = builds.get();
        assertThat(practices.get()).isZero();
        assertThatThrownBy(practices::getCurrent).isInstanceOf(StoreUnavailableException.class);
        assertThat(builds.get()).as("the next read tried again").isGreaterThan(tried);

        failing.set(false);
        assertThat(practices.getCurrent()).isEqualTo(1);
    }

    @Test
    void withoutASnapshotTheFailureReachesTheCallerAsTheStoreThrewIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closedPort + "/innograph/";
        try (RemoteStore unreachable = new RemoteStore(new StoreProperties.Remote(URI.create(base + "query"),
                URI.create(base + "update"), URI.create(base + "data"), null, null))) {
            GenerationSnapshot<Long> practices = new GenerationSnapshot<>("practice count", unreachable,
                    Duration.ofSeconds(60), () -> countPractices(unreachable));
            assertThatThrownBy(practices::get).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("cannot be reached");
            assertThatThrownBy(practices::get).isInstanceOf(StoreUnavailableException.class);
            assertThat(builds.get()).as("the next read tried again").isEqualTo(2);
        }
    }

    @Test
    void aSnapshotOlderThanItsMaximumAgeIsRebuiltWithoutAWrite() throws Exception {
        GenerationSnapshot<Long> practices = new GenerationSnapshot<>("practice count", store,
                Duration.ofMillis(1), () -> countPractices(store));
        assertThat(practices.get()).isZero();
        Thread.sleep(20);
        assertThat(practices.get()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (builds.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(builds.get()).isGreaterThanOrEqualTo(2);
    }

    /** Holds the next build that passes it, once armed, until the test opens it. */
    private static final class Gate {
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        void passThrough() {
            if (armed.getAndSet(false)) {
                reached.countDown();
                await(opened);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
