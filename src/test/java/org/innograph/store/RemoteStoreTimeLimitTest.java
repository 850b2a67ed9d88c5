package org.innograph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time limit reaches the SPARQL server in the unit the server reads. Fuseki takes its {@code timeout}
 * request parameter in seconds; sent in milliseconds, a 2 s limit became 2000 s on Fuseki's side, which went on
 * computing long after InnoGraph had answered 503 (seen in Fuseki's log: a 2 s query ending after 206 s).
 */
class RemoteStoreTimeLimitTest {

    private HttpServer server;
    private final CopyOnWriteArrayList<String> timeouts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Records the parameter, then answers nothing useful: the store's own limit ends the call.
        server.createContext("/ds/query", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("timeout=")) {
                    timeouts.add(URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void fusekiIsToldTheLimitInWholeSecondsRoundedUp() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ds/";
        try (RemoteStore store = new RemoteStore(new StoreProperties.Remote(URI.create(base + "query"),
                URI.create(base + "update"), URI.create(base + "data"), null, null))) {
            for (Duration limit : new Duration[] {Duration.ofSeconds(2), Duration.ofMillis(2500), Duration.ofMillis(10)}) {
                assertThatThrownBy(() -> store.query(QueryFactory.create("ASK {}"), limit, execution -> execution.execAsk()))
                        .isInstanceOf(RuntimeException.class);
            }
        }
        assertThat(timeouts).containsExactly("2", "3", "1");
    }
}
