package org.innograph.ingest;

import java.util.List;
import java.util.Map;

import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

/**
 * An import that was refused before anything was written. The status is the HTTP one (400 unparseable, 413 too
 * large, 415 unknown type, 422 invalid content); the command line turns it into an exit code.
 */
public class ImportRejectedException extends RefusalException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(int status, String message, List<ImportProblem> problems) {
        super(HttpStatus.valueOf(status), "Import refused, nothing written", message);
        this.problems = List.copyOf(problems);
    }

    public static ImportRejectedException unparseable(String message, List<ImportProblem> problems) {
        return new ImportRejectedException(400, message, problems);
    }

    public static ImportRejectedException invalid(String message, List<ImportProblem> problems) {
        return new ImportRejectedException(422, message, problems);
    }

    /** Each problem with its place (row/column or focus node/path/value), as the {@code problems} member. */
    @Override
    public Map<String, Object> members() {
        return Map.of("problems", problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
