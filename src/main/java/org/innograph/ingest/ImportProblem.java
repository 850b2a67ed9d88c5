package org.innograph.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an import, said so that a curator can find and fix it: for RDF the focus node, path
 * and value (SHACL's terms); for CSV the row (1 is the header) and column. Fields that do not apply are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(Long row, String column, String focusNode, String path, String value, String message) {

    public static ImportProblem inCell(long row, String column, String value, String message) {
        return new ImportProblem(row, column, null, null, value, message);
    }

    public static ImportProblem atLine(long line, String message) {
        return new ImportProblem(line < 1 ? null : line, null, null, null, null, message);
    }

    public static ImportProblem onNode(String focusNode, String path, String value, String message) {
        return new ImportProblem(null, null, focusNode, path, value, message);
    }

    /** The same problem placed in the CSV row and column the node and path came from. */
    public ImportProblem inCell(long row, String column) {
        return new ImportProblem(row, column, focusNode, path, value, message);
    }

    /** One line for a terminal. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        if (row != null) {
            line.append("row ").append(row);
            if (column != null) {
                line.append(", column ").append(column);
            }
            line.append(": ");
        }
        if (focusNode != null) {
            line.append('<').append(focusNode).append('>');
            if (path != null) {
                line.append(' ').append(path);
            }
            line.append(": ");
        }
        line.append(message);
        if (value != null) {
            line.append(" (value: ").append(value).append(')');
        }
        return line.toString();
    }
}
