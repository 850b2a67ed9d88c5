package org.innograph.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;

/**
 * Every read of the store passes through here, in both modes, whether it is a query or a read of several
 * ({@link GraphStore#read}): it is admitted only while fewer than the cap are running and the heap is not
 * short (else {@link QueryRejectedException}, so that a flood cannot take all threads and memory), listed
 * while it runs so that an operator can see and cancel it, held to a time limit, and timed for the metrics.
 * Should the heap run short anyway, the {@link HeapGuard} stops the longest-running one.
 */
public final class QuerySupervisor {

    static final String QUERIES = "innograph.sparql.queries";
    static final String REJECTED = "innograph.sparql.queries.rejected";

    private final int maxConcurrent;
    private final Duration admissionWait;
    private final Duration timeLimit;
    private volatile HeapGuard heapGuard;
    private final Semaphore permits;
    private final Supplier<String> currentClient;
    private final MeterRegistry meters;
    private final Counter rejected;
    private final ConcurrentMap<Long, Ticket> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param maxConcurrent queries that may run at once
     * @param admissionWait how long a query past the cap waits for a free place before it is refused
     * @param timeLimit     the time limit of reads that do not name their own ({@link GraphStore#read}); zero
     *                      for none
     * @param currentClient who is asking (the HTTP client's address), for the list of running queries
     */
    public QuerySupervisor(int maxConcurrent, Duration admissionWait, Duration timeLimit,
            Supplier<String> currentClient, MeterRegistry meters) {
        this.maxConcurrent = maxConcurrent;
        this.admissionWait = admissionWait;
        this.timeLimit = timeLimit;
        this.permits = new Semaphore(maxConcurrent, true);
        this.currentClient = currentClient;
        this.meters = meters;
        this.rejected = Counter.builder(REJECTED).description("Queries refused because the concurrency cap was reached")
                .register(meters);
    }

    /** No cap and no metrics registry: for tools and tests that use a store outside the service. */
    public static QuerySupervisor unlimited() {
        return new QuerySupervisor(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, () -> "local",
                new SimpleMeterRegistry());
    }

    /** The time limit of reads that do not name their own; zero for none. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** From now on, admission also asks this guard whether the heap has room. */
    void guardHeapWith(HeapGuard guard) {
        this.heapGuard = guard;
    }

    /** Runs the query body as one supervised query; the body attaches its execution to the ticket. */
    public <T> T supervise(Query query, Function<Ticket, T> body) {
        return supervise(query.toString(), body);
    }

    /**
     * Runs the body as one supervised read; the body attaches each execution it starts to the ticket.
     *
     * @param text what the operator sees in the list of running queries until an execution is attached
     */
    public <T> T supervise(String text, Function<Ticket, T> body) {
        admit();
        Ticket ticket = new Ticket(ids.incrementAndGet(), text, currentClient.get(), Instant.now());
        running.put(ticket.id, ticket);
        String outcome = "error";
        long start = System.nanoTime();
        try {
            T result = body.apply(ticket);
            outcome = "ok";
            return result;
        } catch (RuntimeException e) {
            // An aborted remote query may surface as a broken connection rather than a cancellation.
            if (ticket.stoppedForMemory) {
                outcome = "memory";
                throw new QueryStoppedForMemoryException(ticket.id);
            }
            if (ticket.cancelled) {
                outcome = "cancelled";
                throw new QueryCancelledByOperatorException(ticket.id);
            }
            if (e instanceof QueryCancelledException) {
                outcome = "timeout";
            }
            throw e;
        } finally {
            running.remove(ticket.id);
            permits.release();
            Timer.builder(QUERIES).description("Queries run on the store, by outcome (ok, timeout, cancelled, memory, error)")
                    .tag("outcome", outcome).publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofMinutes(5)).register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void admit() {
        HeapGuard guard = heapGuard;
        if (guard != null && guard.isShort()) {
            rejected.increment();
            throw new QueryRejectedException("The service is short of memory right now and takes no new queries "
                    + "until running ones finish; try again shortly");
        }
        boolean admitted;
        try {
            admitted = admissionWait.isZero() ? permits.tryAcquire()
                    : permits.tryAcquire(admissionWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            rejected.increment();
            throw new QueryRejectedException("Too many queries are running: at most " + maxConcurrent
                    + " at once (innograph.sparql.max-concurrent-queries); try again shortly");
        }
    }

    /** The queries running now, oldest first. */
    public List<Ticket> running() {
        return running.values().stream().sorted(Comparator.comparing(Ticket::id)).toList();
    }

    /** Stops a running query; it ends with {@link QueryCancelledByOperatorException}. */
    public Optional<Ticket> cancel(long id) {
        Ticket ticket = running.get(id);
        if (ticket != null) {
            ticket.cancel();
        }
        return Optional.ofNullable(ticket);
    }

    /**
     * Stops the query that has run longest, the likeliest to hold most memory; it ends with
     * {@link QueryStoppedForMemoryException}.
     */
    Optional<Ticket> stopLongestForMemory() {
        Optional<Ticket> longest = running.values().stream().filter(ticket -> !ticket.cancelled)
                .min(Comparator.comparing(Ticket::id));
        longest.ifPresent(Ticket::stopForMemory);
        return longest;
    }

    /** One running query. */
    public static final class Ticket {

        private final long id;
        private volatile String text;
        private final String client;
        private final Instant started;
        private volatile QueryExecution execution;
        private volatile boolean cancelled;
        private volatile boolean stoppedForMemory;

        Ticket(long id, String text, String client, Instant started) {
            this.id = id;
            this.text = text;
            this.client = client;
            this.started = started;
        }

        /**
         * Called by the store once an execution exists, so that a cancel can reach it; a read of several
         * queries attaches each in turn.
         */
        public synchronized void attach(QueryExecution execution) {
            this.execution = execution;
            if (execution.getQuery() != null) {
                this.text = execution.getQuery().toString();
            }
            if (cancelled) {
                execution.abort();
            }
        }

        synchronized void stopForMemory() {
            stoppedForMemory = true;
            cancel();
        }

        synchronized void cancel() {
            cancelled = true;
            if (execution != null) {
                execution.abort();
            }
        }

        public long id() {
            return id;
        }

        public String text() {
            return text;
        }

        public String client() {
            return client;
        }

        public Instant started() {
            return started;
        }

        public Duration elapsed() {
            return Duration.between(started, Instant.now());
        }
    }
}
