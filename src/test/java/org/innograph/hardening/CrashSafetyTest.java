package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.innograph.testing.Http;
import org.innograph.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a large write comes back, on the same TDB2 directory, with
 * exactly the state from before the write or after it, never part of it, and opens without any repair step.
 */
class CrashSafetyTest {

    static final int BIG = 200_000;
    static final String KEPT = "https://w3id.org/innograph/graph/kept";
    static final String BIG_GRAPH = "https://w3id.org/innograph/graph/big";

    @TempDir
    Path work;

    @Test
    void aWriteKilledMidwayIsAllOrNothingAfterRestart() throws Exception {
        Path store = work.resolve("tdb2");
        String[] limits = {"--innograph.sparql.max-request-size=64MB", "--innograph.sparql.max-text-size=64MB",
                "--innograph.sparql.update-timeout=600s"};
        try (ServerProcess first = start(store, work.resolve("first.log"), limits)) {
            assertThat(put(first.http(), KEPT, triples("kept", 100)).statusCode()).isEqualTo(201);
            // Round one: a Graph Store PUT of 200k triples, killed as soon as the store files start to grow.
            killDuringWrite(first, store, 0, () -> put(first.http(), BIG_GRAPH, triples("big", BIG)));
        }
        try (ServerProcess second = start(store, work.resolve("second.log"), limits)) {
            long big = assertBeforeOrAfter(second);
            assertCleanStart(second);
            // Round two: the same as one SPARQL INSERT DATA into another graph, killed later in the write.
            String insert = "INSERT DATA { GRAPH <" + BIG_GRAPH + "-2> {\n" + triples("insert", BIG) + "} }";
            killDuringWrite(second, store, 300, () -> second.http().send(Http.withWriter(second.http().request("/sparql/update")
                    .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(insert)))));
            assertThat(big).isIn(0L, (long) BIG);
        }
        try (ServerProcess third = start(store, work.resolve("third.log"), limits)) {
            assertBeforeOrAfter(third);
            long inserted = count(third.http(), BIG_GRAPH + "-2");
            System.out.println("CrashSafetyTest: after restart the killed INSERT DATA's graph holds " + inserted);
            assertThat(inserted).isIn(0L, (long) BIG);
            assertCleanStart(third);
            // And the store still takes writes.
            assertThat(put(third.http(), BIG_GRAPH + "-3", triples("after", 10)).statusCode()).isEqualTo(201);
            assertThat(count(third.http(), BIG_GRAPH + "-3")).isEqualTo(10);
        }
    }

    /** The service on this store as an operator runs it, embedded, without loading the shipped data. */
    private static ServerProcess start(Path store, Path log, String... limits) {
        List<String> arguments = new ArrayList<>(List.of("--innograph.store.mode=embedded",
                "--innograph.store.directory=" + store, "--innograph.data.load-on-start=false"));
        arguments.addAll(List.of(limits));
        return ServerProcess.innoGraph(List.of("-Xmx1g"), log, arguments);
    }

    /** Sends the write, waits until the store files grow (the transaction is writing) plus a delay, then kills. */
    private static void killDuringWrite(ServerProcess server, Path store, long delayMillis,
            Supplier<HttpResponse<String>> write) {
        long before = size(store);
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(write);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (size(store) == before && !response.isDone() && System.nanoTime() < deadline) {
            ServerProcess.sleep(5);
        }
        ServerProcess.sleep(delayMillis);
        assertThat(response).as("the write was still running when the server was killed").isNotDone();
        server.kill();
    }

    private static long assertBeforeOrAfter(ServerProcess server) {
        assertThat(count(server.http(), KEPT)).as("the graph written before").isEqualTo(100);
        long big = count(server.http(), BIG_GRAPH);
        System.out.println("CrashSafetyTest: after restart the killed write's graph holds " + big + " triples");
        assertThat(big).as("the killed write: all or nothing").isIn(0L, (long) BIG);
        return big;
    }

    /** Opened as it was: no errors or warnings from the store, nothing to recover by hand. */
    private static void assertCleanStart(ServerProcess server) {
        assertThat(server.logText().lines().filter(line -> line.contains(" ERROR ")
                || line.contains(" WARN ") && line.contains("org.apache.jena"))).isEmpty();
        assertThat(server.http().get("/actuator/health", "application/json").body()).contains("\"status\":\"UP\"");
    }

    private static long count(Http http, String graph) {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }";
        HttpResponse<String> response = http.get("/sparql?query=" + Http.encode(query), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Long.parseLong(response.body().split("\r\n")[1].trim());
    }

    private static HttpResponse<String> put(Http http, String graph, String ntriples) {
        return http.send(Http.withWriter(http.request("/sparql/data?graph=" + Http.encode(graph))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofString(ntriples, StandardCharsets.UTF_8))));
    }

    private static String triples(String prefix, int n) {
        StringBuilder text = new StringBuilder(n * 60);
        for (int i = 0; i < n; i++) {
            text.append("<urn:ex:").append(prefix).append(':').append(i).append("> <urn:ex:value> \"")
                    .append(prefix).append(' ').append(i).append("\" .\n");
        }
        return text.toString();
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
