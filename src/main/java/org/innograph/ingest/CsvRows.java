package org.innograph.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file with a header, read with Jackson's CSV support. Rows are numbered as a spreadsheet shows them: the
 * header is row 1, so a curator can go straight to the cell a problem names.
 */
final class CsvRows {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    /** One data row; {@code get} gives the trimmed cell of a column, "" when empty. */
    record Row(long number, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.trim();
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvRows(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * @throws ImportRejectedException 400 when the file is not CSV, 422 when a row has more cells than the header
     */
    static CsvRows read(byte[] content) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        long number = 0;
        try (MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(new ByteArrayInputStream(stripByteOrderMark(content)))) {
            while (records.hasNextValue()) {
                String[] cells = records.nextValue();
                number++;
                if (header == null) {
                    header = List.of(cells).stream().map(String::trim).toList();
                    continue;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length > header.size()) {
                    problems.add(ImportProblem.inCell(number, null, null, "row has " + cells.length
                            + " cells but the header has " + header.size() + " columns"));
                    continue;
                }
                Map<String, String> byColumn = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    byColumn.put(header.get(i), cells[i]);
                }
                rows.add(new Row(number, byColumn));
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            long line = location == null ? -1 : location.getLineNr();
            throw ImportRejectedException.unparseable("Malformed CSV: " + e.getOriginalMessage()
                    + (line > 0 ? " (line " + line + ")" : ""), List.of(ImportProblem.atLine(line,
                    e.getOriginalMessage())));
        }
        if (header == null) {
            throw ImportRejectedException.invalid("The CSV file is empty: it needs a header row",
                    List.of(ImportProblem.atLine(1, "no header row")));
        }
        if (!problems.isEmpty()) {
            throw ImportRejectedException.invalid(problems.size() + " rows do not fit the header", problems);
        }
        return new CsvRows(header, rows);
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    private static byte[] stripByteOrderMark(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(content, 3, content.length);
        }
        return content;
    }
}
