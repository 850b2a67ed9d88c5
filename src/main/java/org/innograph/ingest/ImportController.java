package org.innograph.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.problems.JsonApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/imports}: a curator POSTs one file as the request body (its Content-Type says what it is), and
 * gets back the batch, or a report of what to fix. Writing needs the writer's credentials (WriteAccess).
 */
@JsonApi
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final ImportService imports;
    private final ImportMetrics metrics;
    private final GenerationSnapshots snapshots;

    ImportController(ImportService imports, ImportMetrics metrics, GenerationSnapshots snapshots) {
        this.imports = imports;
        this.metrics = metrics;
        this.snapshots = snapshots;
    }

    /**
     * @param batch              the batch to create or replace (default: named after the content's hash)
     * @param name               the file name to record (default: Content-Disposition's filename)
     * @param skipUnknownRegions Eurostat tables: leave out and list rows whose region is not in the graph
     */
    @PostMapping
    ResponseEntity<ImportOutcome> importFile(HttpServletRequest request, Principal user,
                                             @RequestParam(required = false) String batch,
                                             @RequestParam(required = false) String name,
                                             @RequestParam(defaultValue = "false") boolean skipUnknownRegions) {
        byte[] content = readBody(request);
        ImportOutcome outcome;
        try {
            outcome = imports.importFile(new ImportService.ImportRequest(fileName(request, name),
                    request.getContentType(), content, batch, user.getName(), skipUnknownRegions));
        } catch (ImportRejectedException e) {
            metrics.refused();
            throw e;
        } catch (RuntimeException e) {
            metrics.failed();
            throw e;
        }
        metrics.imported(outcome);
        // Acknowledged only once search, recommendations and pages show the batch.
        snapshots.awaitCurrent();
        URI location = URI.create(request.getRequestURI() + "/" + outcome.batch().id());
        if (outcome.result().equals(ImportOutcome.CREATED)) {
            return ResponseEntity.created(location).body(outcome);
        }
        return ResponseEntity.ok().location(location).body(outcome);
    }

    @GetMapping
    List<ImportBatch> list() {
        return imports.list();
    }

    @GetMapping("/{id}")
    ResponseEntity<ImportBatch> get(@PathVariable String id) {
        return ResponseEntity.of(imports.find(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!imports.delete(id)) {
            return ResponseEntity.notFound().build();
        }
        snapshots.awaitCurrent();
        return ResponseEntity.noContent().build();
    }

    private static String fileName(HttpServletRequest request, String name) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            String filename = ContentDisposition.parse(disposition).getFilename();
            if (filename != null && !filename.isBlank()) {
                return filename;
            }
        }
        return "request body";
    }

    /** Reads the body, refusing (413) as soon as it passes the limit rather than holding all of it. */
    private byte[] readBody(HttpServletRequest request) {
        long max = imports.maxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw ImportService.tooLarge(imports.maxSize());
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (body.size() + n > max) {
                    throw ImportService.tooLarge(imports.maxSize());
                }
                body.write(buffer, 0, n);
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
