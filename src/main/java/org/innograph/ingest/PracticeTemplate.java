package org.innograph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.innograph.ingest.convert.GoodPracticeRows;
import org.innograph.ingest.convert.PersonNames;
import org.innograph.ingest.convert.SheetCell;
import org.innograph.vocabulary.IG;

/**
 * The good-practice CSV template: the columns of {@code data/sources/inno-industry/good_practices.csv}, mapped by
 * the shipped-data converter's own mapping ({@link GoodPracticeRows}), so that a curator's rows and the shipped rows
 * describe practices alike. Here every cell that cannot be mapped is collected with its row and column, and the NUTS
 * codes are looked up in the graph.
 */
public final class PracticeTemplate {

    public static final List<String> COLUMNS = GoodPracticeRows.COLUMNS;

    private final GoodPracticeRows mapping;

    /**
     * @param topicThemes the curated keyword-to-theme table ({@code topic,themes}, themes as space-separated
     *                    slugs); may be absent, then topics must name themes directly
     * @param personNames the hashed names of persons that no value may carry ({@code person_names.sha256}), as for
     *                    the shipped data (persons are not modelled); may be absent
     */
    public PracticeTemplate(Path topicThemes, Path personNames) {
        this.mapping = new GoodPracticeRows(
                topicThemes != null && Files.isRegularFile(topicThemes) ? GoodPracticeRows.topicThemes(topicThemes) : Map.of(),
                personNames != null && Files.isRegularFile(personNames) ? new PersonNames(personNames) : PersonNames.none());
    }

    /**
     * The practices of the rows, where each came from, and what the curator should know although nothing was
     * wrong (values left out because they name a person).
     */
    public record Conversion(Graph graph, Map<String, Long> rowOfPractice, List<String> notes) {

        /** A SHACL problem placed in the row of its practice and the column of its path, where known. */
        public ImportProblem place(ImportProblem problem) {
            Long row = rowOfPractice.get(problem.focusNode());
            if (row == null) {
                return problem;
            }
            String path = problem.path() == null ? "" : problem.path().replaceAll("^<|>$", "");
            return problem.inCell(row, GoodPracticeRows.columnOf(path));
        }
    }

    /** @throws ImportRejectedException 422 with the row and column of every cell that cannot be mapped */
    public Conversion convert(byte[] content, ReferenceData reference) {
        CsvRows csv = CsvRows.read(content);
        List<ImportProblem> problems = new ArrayList<>();
        List<String> missing = COLUMNS.stream().filter(column -> !csv.header().contains(column)).toList();
        List<String> unknown = csv.header().stream().filter(column -> !COLUMNS.contains(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            missing.forEach(column -> problems.add(ImportProblem.inCell(1, column, null,
                    "the template's column " + column + " is missing")));
            unknown.forEach(column -> problems.add(ImportProblem.inCell(1, column, null,
                    "not a column of the good-practice template (see docs/curation.md)")));
            throw ImportRejectedException.invalid("The header does not match the good-practice template", problems);
        }
        Model model = ModelFactory.createDefaultModel();
        // what a curator inferred is imported with what the sources state: one graph
        GoodPracticeRows.Sheet sheet = mapping.sheet(model, model, reference.countriesByCode()::get,
                reference.themesByName(), (row, column, value, message) ->
                        problems.add(ImportProblem.inCell(row, column, value, message)));
        for (CsvRows.Row row : csv.rows()) {
            sheet.add(row.number(), row.cells());
        }
        Map<String, SheetCell> nuts = sheet.nutsCodes();
        Set<String> known = reference.existingRegions(nuts.keySet().stream().map(code -> IG.NUTS + code).toList());
        nuts.forEach((code, cell) -> {
            if (!known.contains(IG.NUTS + code)) {
                problems.add(ImportProblem.inCell(cell.row(), cell.column(), code, "not a NUTS 2021 or 2024 code of the graph"));
            }
        });
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(ImportProblem::row));
            throw ImportRejectedException.invalid(problems.size() + " cells of the good-practice CSV cannot be "
                    + "imported", problems);
        }
        return new Conversion(model.getGraph(), sheet.rowOfPractice(), sheet.notes());
    }
}
