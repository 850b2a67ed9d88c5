package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.innograph.testing.TemporaryDirectories;
import org.innograph.testing.Http;
import org.innograph.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * Found by the protocol conformance check against a fresh server at -Xmx256m: a GET of the whole default graph
 * (the union of the shipped graphs) filled the heap, the heap guard stopped it, and from then on every query got
 * 503 "short of memory" on an idle service, though a collection would have freed all but ~75 MB. After a query
 * stopped for memory the service must answer queries again by itself.
 */
class HeapGuardRecoveryTest {

    @Test
    void afterAQueryStoppedForMemoryTheServiceAnswersAgain() throws IOException {
        Path log = Path.of("target", "heap-guard-recovery.log");
        Files.createDirectories(log.getParent());
        Path store = TemporaryDirectories.removedAtExit("innograph-heap-guard");
        try (ServerProcess server = ServerProcess.innoGraph(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), log,
                List.of("--innograph.store.mode=embedded", "--innograph.store.directory=" + store,
                        "--innograph.data.load-on-start=true"))) {
            Http http = server.http();
            // As many whole-dataset downloads as it takes for the guard to stop one (a 200 means the heap held it).
            long stoppedBefore = stoppedForMemory(server);
            List<Integer> downloads = new ArrayList<>();
            for (int i = 0; i < 4 && stoppedForMemory(server) == stoppedBefore; i++) {
                downloads.add(status(() -> http.get("/sparql/data?default", "application/n-triples")));
            }
            assertThat(stoppedForMemory(server)).as("the heap guard stopped a download (statuses %s)", downloads)
                    .isGreaterThan(stoppedBefore);

            // Within a few rechecks, without any other help, a plain query is answered again.
            List<Integer> statuses = new ArrayList<>();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                int status = status(() -> http.get("/sparql?query=" + Http.encode("ASK {}"), "text/csv"));
                statuses.add(status);
                if (status == 200) {
                    break;
                }
                ServerProcess.sleep(500);
            }
            System.out.println("HeapGuardRecoveryTest: downloads " + downloads + ", then ASK {} every 0.5 s: " + statuses);
            assertThat(statuses).as("ASK {} after the stopped download, every 0.5 s").endsWith(200);
            assertThat(server.isAlive()).isTrue();
        }
    }

    private static long stoppedForMemory(ServerProcess server) {
        return server.logText().lines().filter(line -> line.contains("to keep the service answering")).count();
    }

    /** The status, or -1 where the answer was cut off mid-stream (how a stopped download reaches the client). */
    private static int status(java.util.function.Supplier<HttpResponse<String>> request) {
        try {
            return request.get().statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
