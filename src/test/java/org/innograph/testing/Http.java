package org.innograph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A real HTTP client for the tests, with time limits so that a broken server fails a test instead of hanging it. */
public final class Http {

    public static final String WRITER = "curator";
    public static final String WRITER_PASSWORD = "test-only-secret";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public static Http onPort(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    public String base() {
        return base;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery, String accept) {
        HttpRequest.Builder request = request(pathAndQuery).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    public HttpResponse<String> post(String path, String contentType, String body, boolean asWriter) {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(asWriter ? withWriter(request) : request);
    }

    /**
     * Waits until the service's start-up warm-up of its UI caches has ended (its timer shows in the metrics).
     * Its reads count against the query cap, so a test with a cap of one or two waits for it before counting
     * places.
     */
    public void awaitUiWarmUp() {
        if (awaitUiWarmUp(Duration.ofSeconds(120)).isEmpty()) {
            throw new AssertionError("the UI warm-up did not end within 120 s");
        }
    }

    /**
     * The warm-up's outcome ({@code ready} or {@code failed}) once it has ended, or empty if it had not within
     * {@code within}; a moment without an answer (a server still starting) is asked again.
     */
    public Optional<String> awaitUiWarmUp(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> metric = get("/actuator/metrics/innograph.ui.warm-up", "application/json");
                if (metric.statusCode() == 200) {
                    return Optional.of(metric.body().contains("\"ready\"") ? "ready" : "failed");
                }
            } catch (UncheckedIOException e) {
                // not answering this moment
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    public static HttpRequest.Builder withWriter(HttpRequest.Builder request) {
        return withCredentials(request, WRITER, WRITER_PASSWORD);
    }

    public static HttpRequest.Builder withCredentials(HttpRequest.Builder request, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
