package org.innograph.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.innograph.hardening.FuzzCase.Answer;
import org.innograph.testing.ServerProcess;

/**
 * Sends grammar-made and mutated SPARQL queries and updates, RDF bodies and broken HTTP to a fresh InnoGraph
 * (a separate JVM at {@code -Xmx512m}, the shipped data loaded, 10 s time limits) for a while, one request at a time, and holds
 * it to four invariants:
 * <ol>
 * <li>no 500, ever: no 5xx but a 503 that says why, a 502 naming a failed SERVICE endpoint, or the servlet
 *     container's 501/505 to a broken request line (see {@link #statusProblem});</li>
 * <li>the process stays alive;</li>
 * <li>{@code /actuator/health} keeps answering 200 within 10 s (asked every 2 s from another thread);</li>
 * <li>a write that was refused (any answer but 2xx, or none) leaves the store's fingerprint as it was;
 *     accepted writes may change it, and are counted.</li>
 * </ol>
 * Everything follows from the seed: case {@code i} is always the same request, so {@code --seed=S --only=i}
 * sends it again on its own.
 *
 * <pre>bench/fuzz [--seconds=600] [--seed=N] [--only=CASE] [--work=target/fuzz]</pre>
 */
public final class Fuzzer {

    static final String HEAP = "-Xmx512m";
    private static final int HEALTH_LIMIT_MILLIS = 10_000;
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    /** A broken invariant, with what is needed to reproduce it. */
    record Violation(long seed, long index, String invariant, String request, String answer) {

        @Override
        public String toString() {
            return "VIOLATION of «" + invariant + "» — reproduce with --seed=" + seed + " --only=" + index + "\n"
                    + "request:\n" + request + "\nanswer: " + answer;
        }
    }

    /** What a run did: counts by status and by kind, accepted writes, and the violations. */
    record Report(long seed, long cases, Map<String, Map<Integer, Integer>> byKind, long acceptedWrites,
            long refusedWrites, List<Violation> violations) {

        String table() {
            Map<Integer, Integer> byStatus = new TreeMap<>();
            byKind.values().forEach(statuses -> statuses.forEach((status, n) -> byStatus.merge(status, n, Integer::sum)));
            StringBuilder text = new StringBuilder("Fuzzer, seed " + seed + ": " + cases + " requests, "
                    + acceptedWrites + " writes accepted, " + refusedWrites + " refused (store unchanged after each: "
                    + (violations.stream().noneMatch(v -> v.invariant().startsWith("refused")) ? "yes" : "NO") + "), "
                    + violations.size() + " violations\n\n| kind | requests |");
            for (int status : byStatus.keySet()) {
                text.append(' ').append(status < 0 ? "no answer" : status).append(" |");
            }
            text.append("\n|---|---:|").append("---:|".repeat(byStatus.size())).append('\n');
            Map<String, Map<Integer, Integer>> rows = new TreeMap<>(byKind);
            rows.put("all", byStatus);
            rows.forEach((kind, statuses) -> {
                text.append("| ").append(kind).append(" | ")
                        .append(statuses.values().stream().mapToInt(Integer::intValue).sum()).append(" |");
                for (int status : byStatus.keySet()) {
                    text.append(' ').append(statuses.getOrDefault(status, 0)).append(" |");
                }
                text.append('\n');
            });
            return text.toString();
        }
    }

    private Fuzzer() {
    }

    /** Starts a fresh server in {@code work}, fuzzes it for {@code duration} (or only case {@code only}), stops it. */
    public static Report run(long seed, Duration duration, Long only, Path work) {
        try {
            Files.createDirectories(work);
            Path store = Files.createTempDirectory(work, "tdb2-");
            try (ServerProcess server = ServerProcess.innoGraph(List.of(HEAP), work.resolve("server-" + seed + ".log"),
                    List.of("--innograph.store.mode=embedded", "--innograph.store.directory=" + store,
                            "--innograph.sparql.query-timeout=" + QUERY_TIMEOUT_SECONDS + "s",
                            // Below the client's wait, so a refused write has really ended when the store is compared.
                            "--innograph.sparql.update-timeout=" + QUERY_TIMEOUT_SECONDS + "s",
                            // Federated queries stay on this machine: the only allowed endpoint is a closed port.
                            "--innograph.federation.allowed-endpoints=http://127.0.0.1:9/sparql"))) {
                return fuzz(server, seed, duration, only, work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Report fuzz(ServerProcess server, long seed, Duration duration, Long only, Path work) {
        FuzzCases cases = new FuzzCases(seed);
        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicLong current = new AtomicLong(-1);
        long accepted = 0;
        long refused = 0;
        StoreFingerprint baseline = settled(server);
        Thread health = healthWatch(server, seed, current, violations);
        long deadline = System.nanoTime() + duration.toNanos();
        long index = only == null ? 0 : only;
        long sent = 0;
        long nextProgress = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (violations.size() < 20 && (only == null ? System.nanoTime() < deadline : sent == 0)) {
                FuzzCase next = cases.get(index);
                current.set(index);
                Answer answer = next.send(port(server), (QUERY_TIMEOUT_SECONDS + 30) * 1000);
                sent++;
                byKind.computeIfAbsent(next.kind(), kind -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                if (only != null) {
                    System.out.println("case " + index + " (" + next.kind() + ": " + next.summary() + ")\n"
                            + next.shown(2_000) + "\n→ " + answer.status() + " in " + answer.millis() + " ms\n"
                            + answer.head() + "\n" + abbreviated(answer.body()));
                }
                String problem = statusProblem(next, answer);
                if (problem != null) {
                    violations.add(violation(seed, index, problem, next, answer, work));
                }
                if (!server.isAlive()) {
                    violations.add(violation(seed, index, "the process died", next, answer, work));
                    break;
                }
                if (next.write()) {
                    StoreFingerprint after = StoreFingerprint.of(server.http());
                    if (after.leakedFile()) {
                        violations.add(violation(seed, index, "a local file was read into the store", next, answer, work));
                    }
                    if (answer.status() / 100 == 2) {
                        accepted++;
                    } else {
                        refused++;
                        if (!after.equals(baseline)) {
                            violations.add(violation(seed, index, "refused write changed the store: "
                                    + after.differenceFrom(baseline), next, answer, work));
                        }
                    }
                    baseline = after;
                }
                index++;
                if (System.nanoTime() > nextProgress) {
                    nextProgress += Duration.ofSeconds(30).toNanos();
                    System.out.println("… " + sent + " requests, " + accepted + " writes accepted, " + refused
                            + " refused, " + violations.size() + " violations");
                }
            }
        } catch (RuntimeException e) {
            violations.add(new Violation(seed, current.get(), "the store could not be read afterwards: " + e.getMessage(),
                    cases.get(current.get()).shown(2_000), ""));
        } finally {
            health.interrupt();
        }
        return new Report(seed, sent, byKind, accepted, refused, List.copyOf(violations));
    }

    private static int port(ServerProcess server) {
        return java.net.URI.create(server.http().base()).getPort();
    }

    /** The store's fingerprint once it stops changing (the shipped data may still be loading). */
    private static StoreFingerprint settled(ServerProcess server) {
        StoreFingerprint previous = StoreFingerprint.of(server.http());
        for (int i = 0; i < 120; i++) {
            ServerProcess.sleep(3_000);
            StoreFingerprint now = StoreFingerprint.of(server.http());
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new IllegalStateException("the store kept changing for 6 minutes after start");
    }

    /**
     * Null when the status is allowed: anything below 500; a 503 that says why (time limit, too many queries,
     * store unavailable); a 502 that names the SERVICE endpoint of a federated query that failed (the other
     * server's failure, not ours); and, for broken framing only, the servlet container's own 501 (a method it
     * does not implement, e.g. CONNECT) and 505 ({@code HTTP/2.0} or {@code HTTP/9.9} in the request line).
     */
    static String statusProblem(FuzzCase request, Answer answer) {
        int status = answer.status();
        if (status < 500) {
            return null;
        }
        if (status == 503) {
            return answer.body().isBlank() ? "a 503 says why (it had no message)" : null;
        }
        if (status == 502 && answer.body().contains("SERVICE")) {
            return null;
        }
        if ((status == 501 || status == 505) && request.kind().equals("http-framing")) {
            return null;
        }
        return "no 5xx but a 503 that says why (got " + status + ")";
    }

    private static Thread healthWatch(ServerProcess server, long seed, AtomicLong current, List<Violation> violations) {
        Thread thread = new Thread(() -> {
            FuzzCase ask = new FuzzCase("health", "GET /actuator/health",
                    FuzzCase.http("GET", "/actuator/health", List.of("Accept: application/json"), null), false, false);
            while (!Thread.currentThread().isInterrupted()) {
                Answer answer = ask.send(port(server), HEALTH_LIMIT_MILLIS);
                if (answer.status() != 200) {
                    violations.add(new Violation(seed, current.get(), "/actuator/health answers 200 within "
                            + HEALTH_LIMIT_MILLIS + " ms", "(while case " + current.get() + " was in flight)",
                            answer.status() + " after " + answer.millis() + " ms: " + abbreviated(answer.body())));
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fuzz-health");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Violation violation(long seed, long index, String invariant, FuzzCase request, Answer answer,
            Path work) {
        Path saved = work.resolve("violation-" + seed + "-" + index + ".http");
        try {
            Files.write(saved, request.bytes());
        } catch (IOException e) {
            saved = null;
        }
        Violation violation = new Violation(seed, index, invariant, request.kind() + ": " + request.summary() + "\n"
                + request.shown(1_500) + (saved == null ? "" : "\n(the exact bytes: " + saved + ")"),
                answer.status() + " in " + answer.millis() + " ms\n" + answer.head() + "\n" + abbreviated(answer.body()));
        System.out.println(violation);
        return violation;
    }

    private static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    public static void main(String[] args) {
        long seed = System.nanoTime();
        long seconds = 600;
        Long only = null;
        Path work = Path.of("target", "fuzz");
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value);
            } else if (arg.startsWith("--seconds=")) {
                seconds = Long.parseLong(value);
            } else if (arg.startsWith("--only=")) {
                only = Long.parseLong(value);
            } else if (arg.startsWith("--work=")) {
                work = Path.of(value);
            } else {
                System.err.println("Usage: bench/fuzz [--seconds=600] [--seed=N] [--only=CASE] [--work=DIR]");
                System.exit(2);
            }
        }
        System.out.println("Fuzzer: seed " + seed + ", " + seconds + " s, server at " + HEAP + " with the shipped data");
        Report report = run(seed, Duration.ofSeconds(seconds), only, work);
        String table = report.table();
        System.out.println(table);
        report.violations().forEach(System.out::println);
        try {
            Files.writeString(work.resolve("report-" + seed + ".md"), table + "\n"
                    + String.join("\n\n", report.violations().stream().map(Violation::toString).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }
}
