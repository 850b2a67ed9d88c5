package org.innograph.queries;

/** What is wrong with a query file, and where: the catalogue lists the files it skipped this way. */
public record QueryFileProblem(String file, int line, String problem) {
}
