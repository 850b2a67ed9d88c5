package org.innograph.queries;

/** A query file that cannot be served: which file, which line, and what is wrong there. */
public class MalformedQueryFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public MalformedQueryFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
