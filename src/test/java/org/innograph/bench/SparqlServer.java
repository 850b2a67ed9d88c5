package org.innograph.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
