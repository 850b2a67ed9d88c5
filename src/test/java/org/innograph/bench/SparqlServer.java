package org.innograph.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.innograph.testing.Http;
import org.innograph.testing.ServerProcess;

/** A SPARQL server under test, InnoGraph or Fuseki, with the query endpoint the benchmark sends its queries to. */
record SparqlServer(ServerProcess process, String queryEndpoint) implements AutoCloseable {

    static final String FIRST_ANSWER_QUERY = "ASK { ?p a <https://w3id.org/innograph/ontology#GoodPractice> }";

    /**
     * Launches {@code command} and waits until {@code queryEndpoint} answers {@link #FIRST_ANSWER_QUERY} with true
     * (the data is there, not only the port): start-up is timed from the launch to that answer.
     */
    static SparqlServer start(String name, List<String> command, String queryEndpoint, Path log, Duration timeout) {
        ServerProcess process = ServerProcess.start(name, command, log);
        process.awaitAnswer(URI.create(queryEndpoint + "?query=" + URLEncoder.encode(FIRST_ANSWER_QUERY,
                StandardCharsets.UTF_8)), response -> response.statusCode() == 200 && response.body().contains("true"),
                timeout);
        return new SparqlServer(process, queryEndpoint);
    }

    /**
     * InnoGraph builds its pages' caches (search index, counts, flows) on a thread of its own after its first answer
     * ({@code UiWarmUp}); at 100K practices that takes one to two minutes of one core. Queries timed meanwhile would
     * share the machine with it, and Fuseki has no such work, so the benchmark waits for the warm-up's timer first.
     * The wait is bounded and does not stop the server: at a scale where the warm-up runs longer, the queries are
     * timed beside it and the table says so.
     */
    WarmUp awaitUiWarmUp(Duration within) {
        Optional<String> outcome = new Http(queryEndpoint.replaceFirst("/sparql$", "")).awaitUiWarmUp(within);
        return new WarmUp(process.secondsSinceLaunch(), outcome);
    }

    /** When the warm-up ended (or the wait did), and its outcome if it ended. */
    record WarmUp(double seconds, Optional<String> outcome) {

        String note() {
            return outcome.map(ended -> ended.equals("ready") ? "queries are timed after it"
                    : "warm-up failed (see the log); queries are timed after it")
                    .orElse("still running when the wait ended; queries are timed beside it");
        }
    }

    String name() {
        return process.name();
    }

    double startSeconds() {
        return process.startSeconds();
    }

    double heapAfterGcMb() {
        return process.heapAfterGcMb();
    }

    double residentMb() {
        return process.residentMb();
    }

    @Override
    public void close() {
        process.close();
    }
}
