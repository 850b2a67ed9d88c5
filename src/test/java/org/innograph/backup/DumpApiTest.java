package org.innograph.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.innograph.ingest.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** {@code GET /api/dump}: gzip N-Quads or TriG of the store or of one graph, read back as a user would. */
class DumpApiTest extends ApiTestSupport {

    @Test
    void nQuadsDumpHoldsEveryNamedGraph() throws IOException {
        assertThat(post("/api/imports?batch=dumped", "text/turtle", fixture("imports/practice.ttl"), true)
                .statusCode()).isEqualTo(201);
        try {
            HttpResponse<byte[]> response = download("/api/dump");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/gzip");
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(".nq.gz");
            DatasetGraph dumped = parse(response.body(), Lang.NQUADS);
            assertThat(IsoMatcher.isomorphic(snapshot(), dumped)).isTrue();
            assertThat(dumped.listGraphNodes()).toIterable().extracting(Object::toString)
                    .contains("https://w3id.org/innograph/graph/import/dumped", "https://w3id.org/innograph/graph/reference");
        } finally {
            delete("/api/imports/dumped", true);
        }
    }

    @Test
    void trigDumpOfOneGraph() throws IOException {
        HttpResponse<byte[]> response = download("/api/dump?format=trig&graph="
                + encode("https://w3id.org/innograph/graph/reference"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("reference-").contains(".trig.gz");
        DatasetGraph dumped = parse(response.body(), Lang.TRIG);
        assertThat(dumped.listGraphNodes()).toIterable().extracting(Object::toString)
                .containsExactly("https://w3id.org/innograph/graph/reference");
        long expected = store.read(connection -> connection.queryAsk("ASK {}") ? connection.fetch(
                "https://w3id.org/innograph/graph/reference").size() : 0);
        assertThat(dumped.getGraph(org.apache.jena.graph.NodeFactory.createURI(
                "https://w3id.org/innograph/graph/reference")).size()).isEqualTo(expected).isPositive();
    }

    @Test
    void unknownGraphIs404AndUnknownFormat400() {
        assertThat(get("/api/dump?graph=" + encode("https://example.org/no-such-graph")).statusCode()).isEqualTo(404);
        HttpResponse<String> badFormat = get("/api/dump?format=xml");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("nquads or trig");
    }

    private HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DatasetGraph parse(byte[] gzip, Lang lang) throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            RDFParser.source(in).lang(lang).parse(dataset);
        }
        return dataset;
    }
}
