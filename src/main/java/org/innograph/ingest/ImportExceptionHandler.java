package org.innograph.ingest;

import java.util.List;

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
}
