package org.innograph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop clients: each sends its next request as soon as the previous answer has been read in full.
 * Reading the whole body matters: a server that streams would otherwise look faster than it is.
 */
final class QueryLoad {

    /** What a number of clients achieved against one server. */
    record Measurement(long requests, long errors, double seconds, long[] latenciesNanos,
                       Map<String, long[]> latenciesByQuery) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return percentileMillis(latenciesNanos, p);
        }

        /** The percentile of one query's requests; NaN if none completed. */
        double percentileMillis(String query, double p) {
            return percentileMillis(latenciesByQuery.getOrDefault(query, new long[0]), p);
        }

        private static double percentileMillis(long[] latenciesNanos, double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }

        Measurement plus(Measurement other) {
            Map<String, long[]> byQuery = new TreeMap<>(latenciesByQuery);
            other.latenciesByQuery.forEach((query, values) -> byQuery.merge(query, values, QueryLoad::concat));
            return new Measurement(requests + other.requests, errors + other.errors, seconds + other.seconds,
                    concat(latenciesNanos, other.latenciesNanos), byQuery);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-http");
                t.setDaemon(true);
                return t;
            })).build();

    /**
     * Requests for {@code endpoint}, ready to send. POST with {@code application/sparql-query}, which both
     * servers take: the longer stored queries do not fit in a GET request line (Tomcat's limit is 8 KB).
     */
    static List<HttpRequest> prepare(String endpoint, List<QueryMix.Request> requests) {
        return requests.stream().map(r -> HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/sparql-query; charset=utf-8")
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(r.sparql(), StandardCharsets.UTF_8)).build())
                .toList();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code names.get(i)} names the query of {@code requests.get(i)}, for the latencies per query. */
    Measurement run(List<HttpRequest> requests, List<String> names, int clients, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<LatencyList> latencyLists = new ArrayList<>();
        List<Map<String, LatencyList>> byQueryLists = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c * 7919;
            LatencyList latencies = new LatencyList();
            Map<String, LatencyList> byQuery = new HashMap<>();
            byQueryLists.add(byQuery);
            Thread thread = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    int index = i++ % requests.size();
                    HttpRequest request = requests.get(index);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            long latency = System.nanoTime() - sent;
                            latencies.add(latency);
                            byQuery.computeIfAbsent(names.get(index), n -> new LatencyList()).add(latency);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
            latencyLists.add(latencies);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencyLists.stream().flatMapToLong(l -> Arrays.stream(l.toArray())).toArray();
        Map<String, long[]> byQuery = new TreeMap<>();
        for (Map<String, LatencyList> lists : byQueryLists) {
            lists.forEach((query, values) -> byQuery.merge(query, values.toArray(), QueryLoad::concat));
        }
        return new Measurement(all.length, errors.get(), seconds, all, byQuery);
    }

    /** Two servers measured on the same requests: warm-up, then A B B A halves, so drift falls on both alike. */
    Measurement[] sideBySide(List<HttpRequest> toA, List<HttpRequest> toB, List<String> names, int clients,
                             Duration warmup, Duration half) throws InterruptedException {
        run(toA, names, clients, warmup);
        run(toB, names, clients, warmup);
        Measurement a = run(toA, names, clients, half);
        Measurement b = run(toB, names, clients, half);
        b = b.plus(run(toB, names, clients, half));
        a = a.plus(run(toA, names, clients, half));
        return new Measurement[] {a, b};
    }

    /** Sends one request and returns the body, for comparing answers. */
    String fetch(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    int status(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static final class LatencyList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
