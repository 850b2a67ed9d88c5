package org.innograph.ingest.convert;

/** A cell of a table: its row as a spreadsheet numbers it (the header is row 1) and its column. */
public record SheetCell(long row, String column) {}
