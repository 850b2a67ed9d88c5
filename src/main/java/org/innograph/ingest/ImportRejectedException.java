package org.innograph.ingest;

import java.util.List;

/**
 * An import that was refused before anything was written. The status is the HTTP one (400 unparseable, 413 too
 * large, 415 unknown type, 422 invalid content); the command line turns it into an exit code.
 */
public class ImportRejectedException extends RuntimeException {

    private final int status;
    private final List<ImportProblem> problems;

    public ImportRejectedException(int status, String message, List<ImportProblem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ImportRejectedException unparseable(String message, List<ImportProblem> problems) {
        return new ImportRejectedException(400, message, problems);
    }

    public static ImportRejectedException invalid(String message, List<ImportProblem> problems) {
        return new ImportRejectedException(422, message, problems);
    }

    public int status() {
        return status;
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
