package org.innograph.ingest;

import java.util.List;

import org.innograph.store.StoreUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused import as JSON: the status, what is wrong overall, and each problem with its place. */
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportExceptionHandler {

    /** The body of a refused import. */
    record Report(int status, String message, List<ImportProblem> problems) {
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<Report> rejected(ImportRejectedException e) {
        return ResponseEntity.status(HttpStatus.valueOf(e.status())).contentType(MediaType.APPLICATION_JSON)
                .body(new Report(e.status(), e.getMessage(), e.problems()));
    }

    /** The store could not be reached: the client may try again once it is back. */
    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<Report> unavailable(StoreUnavailableException e) {
        int status = HttpStatus.SERVICE_UNAVAILABLE.value();
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_JSON).body(new Report(status, e.getMessage(), List.of()));
    }
}
