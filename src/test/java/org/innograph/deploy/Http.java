package org.innograph.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The HTTP a SPARQL client sends, with time limits so that a hung server fails the test instead of the build. */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String base;
    private final String queryPath;

    /** A server at {@code base} (scheme, host and port) whose SPARQL query endpoint is at {@code queryPath}. */
    Http(String base, String queryPath) {
        this.base = base;
        this.queryPath = queryPath;
    }

    String baseUrl() {
        return base;
    }

    HttpResponse<String> get(String pathAndQuery, String accept) {
        return send(request(pathAndQuery, null).header("Accept", accept).GET());
    }

    HttpResponse<String> query(String sparql) {
        return get(queryPath + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), "application/sparql-results+json");
    }

    /** The rows of a SELECT answered with 200; anything else fails with the status and message. */
    List<QuerySolution> select(String sparql) {
        HttpResponse<String> response = query(sparql);
        if (response.statusCode() != 200) {
            throw new AssertionError("Query answered " + response.statusCode() + ": " + response.body());
        }
        List<QuerySolution> rows = new ArrayList<>();
        ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON).forEachRemaining(rows::add);
        return rows;
    }

    HttpResponse<String> post(String path, String contentType, String body, String credentials) {
        return send(request(path, credentials).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String contentType, String body, String credentials) {
        return send(request(path, credentials).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path, String credentials) {
        return send(request(path, credentials).DELETE());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (credentials != null) {
            builder.header("Authorization", credentials);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return ServerProcess.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("No answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
