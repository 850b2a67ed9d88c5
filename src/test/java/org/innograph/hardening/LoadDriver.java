package org.innograph.hardening;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.innograph.testing.TemporaryDirectories;
import org.innograph.InnoGraphApplication;
import org.innograph.testing.Http;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mixed reads and writes from many concurrent clients over loopback, for a fixed time; then checks that every
 * write the server acknowledged is there. Not a unit test: run it with
 *
 * <pre>
 * mvn -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.innograph.hardening.LoadDriver -Dexec.args="--clients=32 --seconds=60"
 * </pre>
 *
 * Without {@code --url} it starts the service in this JVM on a fresh TDB2 directory with the shipped data;
 * with {@code --url=http://host:port} (and {@code --writer=user:password}) it drives a running one.
 * {@code --auth=token} writes with a bearer token instead of HTTP Basic (in-process server only): Basic
 * checks a bcrypt hash on every request, which is most of a small write's cost.
 */
public final class LoadDriver {

    static final String TOKEN = "load-driver-token-3f9a1c";
    static final String LOAD_GRAPH = "https://w3id.org/innograph/graph/load-test";
    public static final String PREFIXES = "PREFIX ig: <https://w3id.org/innograph/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX dct: <http://purl.org/dc/terms/>\n";
    static final List<String> READS = List.of(
            PREFIXES + "SELECT ?p ?label ?region WHERE { ?p a ig:GoodPractice ; rdfs:label ?label . "
                    + "OPTIONAL { ?p dct:spatial ?region } } ORDER BY ?label",
            "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n) LIMIT 20",
            PREFIXES + "ASK { ?p a ig:GoodPractice ; dct:identifier \"GP12\" }",
            PREFIXES + "CONSTRUCT { ?p ?q ?o } WHERE { ?p a ig:GoodPractice ; ?q ?o } LIMIT 500",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");

    /** What one run measured. */
    public record Report(int clients, Duration duration, long requests, long reads, long writes, long acknowledged,
            long serverErrors, long rejected, long unanswered, long otherErrors, long lostWrites, long[] readLatencies,
            long[] writeLatencies) {

        public double readsPerSecond() {
            return reads / (duration.toMillis() / 1000.0);
        }

        public double acknowledgedWritesPerSecond() {
            return acknowledged / (duration.toMillis() / 1000.0);
        }

        /** Milliseconds at a percentile (0–100) of the read latencies. */
        public double readMillis(int percentile) {
            return ms(readLatencies, percentile);
        }

        double throughput() {
            return requests / (duration.toMillis() / 1000.0);
        }

        String summary() {
            return String.format(Locale.ROOT, "clients=%d duration=%ds requests=%d (reads %d, writes %d) "
                            + "throughput=%.1f req/s%n"
                            + "read latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n"
                            + "write latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n"
                            + "5xx=%d (of which 503: %d, no answer within 30 s: %d) other non-2xx=%d%n"
                            + "acknowledged inserts=%d lost writes=%d%n",
                    clients, duration.toSeconds(), requests, reads, writes, throughput(),
                    ms(readLatencies, 50), ms(readLatencies, 90), ms(readLatencies, 99), ms(readLatencies, 100),
                    ms(writeLatencies, 50), ms(writeLatencies, 90), ms(writeLatencies, 99), ms(writeLatencies, 100),
                    serverErrors, rejected, unanswered, otherErrors, acknowledged, lostWrites);
        }

        private static double ms(long[] sortedNanos, int percentile) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }
    }

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Report report;
        if (options.containsKey("url")) {
            String[] writer = options.getOrDefault("writer", Http.WRITER + ":" + Http.WRITER_PASSWORD).split(":", 2);
            report = run(new Http(options.get("url")), writer[0], writer[1], clients, duration);
        } else {
            boolean token = "token".equals(options.get("auth"));
            try (ConfigurableApplicationContext server = startServer("ontology,data")) {
                report = run(Http.onPort(port(server)), token ? null : Http.WRITER, token ? TOKEN : Http.WRITER_PASSWORD,
                        clients, duration);
            }
        }
        System.out.print(report.summary());
        System.exit(report.serverErrors() == 0 && report.lostWrites() == 0 ? 0 : 1);
    }

    /** The service in this JVM, embedded mode, fresh TDB2 directory, loopback, default limits. */
    static ConfigurableApplicationContext startServer(String dataDirectories) {
        String directory = TemporaryDirectories.removedAtExit("innograph-load").toString();
        return SpringApplication.run(InnoGraphApplication.class, "--server.port=0", "--server.address=127.0.0.1",
                "--innograph.store.directory=" + directory, "--innograph.data.directories=" + dataDirectories,
                "--innograph.security.writer.username=" + Http.WRITER,
                "--innograph.security.writer.password=" + Http.WRITER_PASSWORD,
                "--innograph.security.writer.tokens=" + TOKEN,
                "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }

    /**
     * Each client loops until the time is up: four reads in five, one write (an INSERT DATA of a new triple).
     * Writes authenticate with HTTP Basic, or with {@code password} as a bearer token when {@code user} is null.
     */
    static Report run(Http http, String user, String password, int clients, Duration duration)
            throws InterruptedException {
        return run(http, Target.innograph(user, password), java.util.Collections.nCopies(clients, Role.MIXED), READS,
                duration);
    }

    /** What a client does: only reads, only writes, or four reads in five and one write. */
    public enum Role { READER, WRITER, MIXED }

    /**
     * Where reads and writes go, and the writer's credentials ({@code user} null: {@code password} is a bearer
     * token). Paths are relative to the server's base URL, so any SPARQL 1.1 server can be driven.
     */
    public record Target(String queryPath, String updatePath, String user, String password) {
        public static Target innograph(String user, String password) {
            return new Target("/sparql", "/sparql/update", user, password);
        }
    }

    /** One client per role, until the time is up; then every acknowledged write is looked for. */
    public static Report run(Http http, Target target, List<Role> roles, List<String> reads, Duration duration)
            throws InterruptedException {
        int clients = roles.size();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Long> readLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> writeLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        AtomicLong otherErrors = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Role role = roles.get(c);
            pool.submit(() -> {
                Random random = new Random(client);
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    boolean write = role == Role.WRITER || (role == Role.MIXED && random.nextInt(5) == 0);
                    String subject = "urn:ex:load:" + client + ":" + n;
                    HttpRequest.Builder request;
                    if (write) {
                        String insert = "INSERT DATA { GRAPH <" + LOAD_GRAPH + "> { <" + subject
                                + "> <urn:ex:load:seq> " + n + " } }";
                        request = http.request(target.updatePath()).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/sparql-update")
                                .POST(HttpRequest.BodyPublishers.ofString(insert));
                        request = target.user() == null
                                ? request.header("Authorization", "Bearer " + target.password())
                                : Http.withCredentials(request, target.user(), target.password());
                    } else {
                        String query = reads.get(random.nextInt(reads.size()));
                        request = http.request(target.queryPath() + "?query=" + Http.encode(query))
                                .timeout(Duration.ofSeconds(30))
                                .header("Accept", query.contains("CONSTRUCT") ? "text/turtle"
                                        : "application/sparql-results+json").GET();
                    }
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request).statusCode();
                    } catch (RuntimeException e) {
                        status = 599; // no answer within the client's time limit counts as a server error
                    }
                    (write ? writeLatencies : readLatencies).add(System.nanoTime() - start);
                    if (status >= 500) {
                        serverErrors.incrementAndGet();
                        if (status == 503) {
                            rejected.incrementAndGet();
                        } else if (status == 599) {
                            unanswered.incrementAndGet();
                        }
                    } else if (status >= 300) {
                        otherErrors.incrementAndGet();
                    } else if (write) {
                        acknowledged.add(subject);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("clients did not stop within a minute of the deadline");
        }
        long lost = acknowledged.size() - present(http, target.queryPath(), acknowledged);
        long[] readNanos = readLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] writeNanos = writeLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Report(clients, duration, readNanos.length + writeNanos.length, readNanos.length,
                writeNanos.length, acknowledged.size(), serverErrors.get(), rejected.get(), unanswered.get(),
                otherErrors.get(), lost,
                readNanos, writeNanos);
    }

    /** How many of the acknowledged subjects the store holds now. */
    private static long present(Http http, String queryPath, Set<String> acknowledged) {
        String query = "SELECT ?s WHERE { GRAPH <" + LOAD_GRAPH + "> { ?s ?p ?o } }";
        HttpResponse<String> response = http.send(http.request(queryPath + "?query=" + Http.encode(query))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/csv").GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot read back the writes: " + response.statusCode() + " "
                    + response.body());
        }
        Set<String> stored = new HashSet<>(response.body().lines().skip(1).map(String::strip).toList());
        return acknowledged.stream().filter(stored::contains).count();
    }
}
