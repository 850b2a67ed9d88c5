package org.innograph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * Holds an import to the SHACL shapes. The import is checked together with what it points to in the graph
 * (regions, themes, projects, the class hierarchy), and only the import's own resources are judged: the store's
 * data is not re-validated on every import.
 */
public final class ImportValidator {

    private final Shapes shapes;

    public ImportValidator(Shapes shapes) {
        this.shapes = shapes;
    }

    public static ImportValidator fromFile(Path shapesFile) {
        if (!java.nio.file.Files.isRegularFile(shapesFile)) {
            throw new IllegalStateException("SHACL shapes file " + shapesFile.toAbsolutePath() + " not found "
                    + "(innograph.imports.shapes)");
        }
        return new ImportValidator(Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toString())));
    }

    /** The violations of the import's resources, sorted by focus node and path; empty when it conforms. */
    public List<ImportProblem> validate(Graph imported, ReferenceData reference) {
        Set<Node> subjects = new HashSet<>();
        Set<Node> objects = new HashSet<>();
        imported.find().forEachRemaining(triple -> {
            subjects.add(triple.getSubject());
            objects.add(triple.getObject());
        });
        Graph data = GraphFactory.createDefaultGraph();
        reference.describe(objects).find().forEachRemaining(data::add);
        imported.find().forEachRemaining(data::add);
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<ImportProblem> problems = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            if (subjects.contains(entry.focusNode()) && entry.severity() == Severity.Violation) {
                problems.add(ImportProblem.onNode(label(entry.focusNode()),
                        entry.resultPath() == null ? null : entry.resultPath().toString(),
                        entry.value() == null ? null : FmtUtils.stringForNode(entry.value()), entry.message()));
            }
        }
        problems.sort(Comparator.comparing(ImportProblem::focusNode, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ImportProblem::path, Comparator.nullsFirst(Comparator.naturalOrder())));
        return problems;
    }

    private static String label(Node node) {
        return node.isURI() ? node.getURI() : FmtUtils.stringForNode(node);
    }
}
