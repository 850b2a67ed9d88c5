package org.innograph.ingest.convert;

/**
 * Where a table's cell cannot be mapped: the row as a spreadsheet numbers it (the header is row 1), the column, the
 * value and why. The import API collects every problem of a sheet to answer them together; the shipped-data
 * converter stops at the first, since its sources are ours to correct.
 */
@FunctionalInterface
public interface CellProblems {

    void add(long row, String column, String value, String message);

    /** Stops at the first problem, naming the file and the cell. */
    static CellProblems failing(String file) {
        return (row, column, value, message) -> {
            throw new IllegalArgumentException(file + " row " + row + ", column " + column
                    + (value == null ? "" : " '" + value + "'") + ": " + message);
        };
    }
}
