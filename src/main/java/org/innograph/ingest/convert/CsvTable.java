package org.innograph.ingest.convert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** A CSV file with a header row, read as rows of column name to trimmed text ("" when empty). */
public final class CsvTable {
    private static final CsvMapper MAPPER = CsvMapper.builder().build();

    private final Path file;
    private final List<Map<String, String>> rows;

    private CsvTable(Path file, List<Map<String, String>> rows) {
        this.file = file;
        this.rows = rows;
    }

    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("missing source file " + file);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class).with(schema).readValues(file.toFile())) {
            while (it.hasNext()) rows.add(it.next());
        }
        return new CsvTable(file, Collections.unmodifiableList(rows));
    }

    public List<Map<String, String>> rows() { return rows; }

    public int size() { return rows.size(); }

    public Path file() { return file; }

    /** Column value, trimmed (no-break spaces too: some source names end with one); "" when absent. */
    public static String get(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.replace('\u00A0', ' ').strip();
    }
}
