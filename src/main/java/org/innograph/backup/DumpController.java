package org.innograph.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.innograph.problems.JsonApi;
import org.innograph.problems.RefusalException;
import org.innograph.sparql.AbsoluteIri;
import org.innograph.store.GraphStore;
import org.innograph.store.SupervisorProperties;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dump}: the whole store (or {@code ?graph=IRI}) as gzip-compressed N-Quads or TriG
 * ({@code ?format=nquads|trig}), streamed as it is read. The body is the {@code .nq.gz} / {@code .trig.gz} file.
 */
@JsonApi
@RestController
class DumpController {

    private final GraphStore store;
    private final Duration timeLimit;

    DumpController(GraphStore store, SupervisorProperties properties) {
        this.store = store;
        this.timeLimit = properties.downloadTimeout();
    }

    @GetMapping("/api/dump")
    void dump(@RequestParam(defaultValue = "nquads") String format, @RequestParam(required = false) String graph,
              HttpServletResponse response) throws IOException {
        DumpFormat dumpFormat = DumpFormat.named(format).orElseThrow(() -> new BadDumpRequest(
                HttpStatus.BAD_REQUEST, "Unknown dump format '" + format + "': use nquads or trig"));
        if (graph != null) {
            if (!AbsoluteIri.is(graph)) {
                throw new BadDumpRequest(HttpStatus.BAD_REQUEST, "?graph must be an absolute IRI, not '" + graph + "'");
            }
            if (!DatasetDump.hasGraph(store, graph)) {
                throw new BadDumpRequest(HttpStatus.NOT_FOUND, "No graph <" + graph + "> in the store");
            }
        } else {
            // Asked before the 200 goes out, so that a store that cannot be reached is a 503, not a cut-off file.
            store.read(connection -> connection.queryAsk(SparqlFiles.query("store/ping.rq")));
        }
        String name = "innograph-" + (graph == null ? "" : graph.substring(graph.lastIndexOf('/') + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_") + "-") + LocalDate.now() + "." + dumpFormat.extension() + ".gz";
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("application/gzip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        OutputStream out = new GZIPOutputStream(response.getOutputStream(), 1 << 16);
        try {
            DatasetDump.write(store, graph, dumpFormat, out, timeLimit, 0, Progress.NONE);
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                // Nothing sent yet: the failure gets its own status and a problem document, not a gzip type.
                response.reset();
            }
            throw e;
        }
        // Closed (gzip trailer written) only on success: a dump that fails half-way must not arrive as a
        // well-formed file that merely holds less.
        out.close();
    }

    static final class BadDumpRequest extends RefusalException {
        BadDumpRequest(HttpStatus status, String message) {
            super(status, "Bad dump request", message);
        }
    }
}
