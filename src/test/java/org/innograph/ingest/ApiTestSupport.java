package org.innograph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.innograph.store.GraphStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running service for the curation API tests: a fresh TDB2 store holding the small reference graph, writer
 * credentials, and a small import limit so that 413 is cheap to provoke. Test classes extending this share
 * one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

    protected static final String USER = "curator";
    protected static final String PASSWORD = "s3cret-for-tests";
    private static final Path STORE;

    static {
        try {
            STORE = Files.createTempDirectory("innograph-api-test");
            // The store stays open until the JVM ends, so it is removed then.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    org.springframework.util.FileSystemUtils.deleteRecursively(STORE);
                } catch (IOException e) {
                    // a leftover temporary folder is harmless
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("innograph.store.directory", STORE::toString);
        registry.add("innograph.data.directories", () -> "src/test/resources/reference");
        registry.add("innograph.imports.topic-themes", () -> "src/test/resources/imports/topic_themes.csv");
        registry.add("innograph.imports.max-size", () -> "64KB");
        registry.add("innograph.security.writer.username", () -> USER);
        registry.add("innograph.security.writer.password", () -> PASSWORD);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected GraphStore store;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected HttpResponse<String> post(String path, String contentType, byte[] body, boolean withCredentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (withCredentials) {
            request.header("Authorization", basic());
        }
        return send(request.build());
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    protected HttpResponse<String> delete(String path, boolean withCredentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).DELETE();
        if (withCredentials) {
            request.header("Authorization", basic());
        }
        return send(request.build());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    protected static byte[] fixture(String path) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything in the store, copied, to check later that a refused request changed nothing. */
    protected DatasetGraph snapshot() {
        return store.read(connection -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            connection.fetchDataset().asDatasetGraph().find().forEachRemaining(copy::add);
            return copy;
        });
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
