package org.innograph.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The server under test as any SPARQL client sees it: three URLs and, optionally, credentials for writes. Plain
 * {@code java.net.http} over HTTP/1.1, with time limits so that a hanging server fails a check instead of the run.
 */
record Endpoints(String query, String update, String graphStore, String user, String password) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** InnoGraph's layout under one base URL. */
    static Endpoints innoGraph(String base, String user, String password) {
        return new Endpoints(base + "/sparql", base + "/sparql/update", base + "/sparql/data", user, password);
    }

    /** Fuseki's layout under a dataset URL. */
    static Endpoints fuseki(String dataset, String user, String password) {
        return new Endpoints(dataset + "/query", dataset + "/update", dataset + "/data", user, password);
    }

    boolean hasCredentials() {
        return user != null && !user.isEmpty();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpRequest.Builder to(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    /** Adds the write credentials (HTTP Basic) when there are any. */
    HttpRequest.Builder authorised(HttpRequest.Builder request) {
        if (hasCredentials()) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return request;
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Location"), response.body());
        } catch (IOException e) {
            return new Reply(-1, Optional.empty(), Optional.empty(),
                    ("no answer: " + e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the requests most checks are made of ---

    Reply get(String url, String accept) {
        HttpRequest.Builder request = to(url).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    Reply post(String url, String contentType, byte[] body, String accept, boolean withCredentials) {
        HttpRequest.Builder request = to(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(withCredentials ? authorised(request) : request);
    }

    Reply post(String url, String contentType, String body, String accept, boolean withCredentials) {
        return post(url, contentType, body.getBytes(StandardCharsets.UTF_8), accept, withCredentials);
    }

    Reply getQuery(String sparql, String accept) {
        return get(query + "?query=" + encode(sparql), accept);
    }

    Reply update(String sparql) {
        return post(update, "application/sparql-update", sparql, null, true);
    }

    String graphUrl(String graph) {
        return graphStore + "?graph=" + encode(graph);
    }

    String defaultGraphUrl() {
        return graphStore + "?default";
    }

    /** ASK over the service's default dataset, answered as SPARQL JSON; empty when the server did not answer 200. */
    Optional<Boolean> ask(String sparql) {
        Reply reply = getQuery(sparql, "application/sparql-results+json");
        return reply.status() == 200 ? reply.booleanAnswer() : Optional.empty();
    }

    /** A response as the checks need it: status, media type, Location and body. */
    record Reply(int status, Optional<String> contentType, Optional<String> location, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isSuccess() {
            return status / 100 == 2;
        }

        boolean isClientError() {
            return status / 100 == 4;
        }

        /** The media type without parameters, lower case; "" when there is none. */
        String mediaType() {
            return contentType.map(type -> type.split(";")[0].trim().toLowerCase()).orElse("");
        }

        Optional<Boolean> booleanAnswer() {
            String text = text().replaceAll("\\s", "");
            if (text.contains("\"boolean\":true") || text.contains("<boolean>true</boolean>")) {
                return Optional.of(true);
            }
            if (text.contains("\"boolean\":false") || text.contains("<boolean>false</boolean>")) {
                return Optional.of(false);
            }
            return Optional.empty();
        }

        /** For a failure message: status, media type and the start of the body. */
        String summary() {
            String text = text().replaceAll("\\s+", " ").trim();
            return status + (contentType.isPresent() ? " " + contentType.get() : "")
                    + (text.isEmpty() ? "" : " «" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "»");
        }
    }
}
