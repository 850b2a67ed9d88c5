package org.innograph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The benchmark's findings: one row per measure and scale, written as Markdown and CSV. */
final class ResultTable {

    /** Whether the goal is a floor or a ceiling on the ratio InnoGraph / reference. */
    enum Goal { AT_LEAST, AT_MOST, NONE }

    record Row(String scale, String section, String measure, String unit, double innograph, double reference,
               String referenceName, Goal goal, double goalRatio, String note) {

        double ratio() {
            return reference > 0 && innograph >= 0 ? innograph / reference : Double.NaN;
        }

        String verdict() {
            if (goal == Goal.NONE || Double.isNaN(ratio())) {
                return "";
            }
            boolean met = goal == Goal.AT_LEAST ? ratio() >= goalRatio : ratio() <= goalRatio;
            return met ? "met" : "MISSED";
        }

        String goalText() {
            return goal == Goal.NONE ? "" : (goal == Goal.AT_LEAST ? "≥ " : "≤ ") + format(goalRatio);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "[bench] %-6s %-22s %-38s InnoGraph %s | %s %s | ratio %s %s%n", row.scale(),
                row.section(), row.measure(), format(row.innograph()), row.referenceName(), format(row.reference()),
                format(row.ratio()), row.verdict());
    }

    /**
     * The three rows of a load run side by side with Fuseki: throughput (its goal a floor, with the errors of either
     * side as the note), p50, and p99 (its goal a ceiling; {@link Goal#NONE} where there is none).
     */
    void addLoadAgainstFuseki(String scale, String section, QueryLoad.Measurement innograph,
                              QueryLoad.Measurement fuseki, double throughputFloor, Goal p99Goal, double p99Ceiling) {
        String errors = innograph.errors() + fuseki.errors() == 0 ? ""
                : "errors: InnoGraph " + innograph.errors() + ", Fuseki " + fuseki.errors();
        add(new Row(scale, section, "throughput", "queries/s", innograph.throughput(), fuseki.throughput(), "Fuseki",
                Goal.AT_LEAST, throughputFloor, errors));
        add(new Row(scale, section, "p50 latency", "ms", innograph.percentileMillis(50), fuseki.percentileMillis(50),
                "Fuseki", Goal.NONE, 0, ""));
        add(new Row(scale, section, "p99 latency", "ms", innograph.percentileMillis(99), fuseki.percentileMillis(99),
                "Fuseki", p99Goal, p99Ceiling, ""));
    }

    void note(String note) {
        notes.add(note);
        System.out.println("[bench] " + note);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void write(Path directory, String machine) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.md"), markdown(machine), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("results.csv"), csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown(String machine) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("\n\n");
        out.append("| scale | section | measure | unit | InnoGraph | reference | reference value | ratio | goal | |\n");
        out.append("|---|---|---|---|---:|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    row.scale(), row.section(), row.measure(), row.unit(), format(row.innograph()),
                    row.referenceName(), format(row.reference()), format(row.ratio()), row.goalText(),
                    row.verdict()));
        }
        String growth = growth();
        if (!growth.isEmpty()) {
            out.append("\n").append(growth);
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** How each InnoGraph figure changes from the smallest to the largest synthetic scale. */
    private String growth() {
        List<String> scales = rows.stream().map(Row::scale).filter(s -> s.matches("\\d+[KM]?")).distinct().toList();
        if (scales.size() < 2) {
            return "";
        }
        String first = scales.get(0);
        String last = scales.get(scales.size() - 1);
        Map<String, Row[]> pairs = new LinkedHashMap<>();
        for (Row row : rows) {
            String key = row.section() + " | " + row.measure() + " | " + row.unit();
            if (row.scale().equals(first)) {
                pairs.computeIfAbsent(key, k -> new Row[2])[0] = row;
            } else if (row.scale().equals(last)) {
                pairs.computeIfAbsent(key, k -> new Row[2])[1] = row;
            }
        }
        StringBuilder out = new StringBuilder("How cost grows from " + first + " to " + last + " practices:\n\n");
        out.append("| section | measure | unit | InnoGraph ").append(first).append(" | InnoGraph ").append(last)
                .append(" | × | reference × |\n|---|---|---|---:|---:|---:|---:|\n");
        pairs.forEach((key, pair) -> {
            if (pair[0] != null && pair[1] != null) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", key.replace(" | ", " | "),
                        format(pair[0].innograph()), format(pair[1].innograph()),
                        format(pair[1].innograph() / pair[0].innograph()),
                        format(pair[1].reference() / pair[0].reference())));
            }
        });
        return out.toString();
    }

    String csv() {
        StringBuilder out = new StringBuilder(
                "scale,section,measure,unit,innograph,reference_name,reference,ratio,goal,verdict,note\n");
        for (Row row : rows) {
            out.append(String.join(",", List.of(row.scale(), csvText(row.section()), csvText(row.measure()),
                    csvText(row.unit()), plain(row.innograph()), csvText(row.referenceName()), plain(row.reference()),
                    plain(row.ratio()), csvText(row.goalText()), row.verdict(),
                    csvText(Objects.requireNonNullElse(row.note(), ""))))).append('\n');
        }
        return out.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value) || value < 0) {
            return "–";
        }
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(double value) {
        return Double.isNaN(value) || value < 0 ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String csvText(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
