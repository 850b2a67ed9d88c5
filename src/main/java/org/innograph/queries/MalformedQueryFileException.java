package org.innograph.queries;

/** A query file that cannot be served: which file, which line, and what is wrong there. */
public class MalformedQueryFileException extends RuntimeException {

    private final QueryFileProblem report;

    public MalformedQueryFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.report = new QueryFileProblem(file, line, problem);
    }

    public QueryFileProblem report() {
        return report;
    }
}
