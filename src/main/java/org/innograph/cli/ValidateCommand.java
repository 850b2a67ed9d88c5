package org.innograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.innograph.ingest.EurostatTable;
import org.innograph.ingest.ImportFormat;
import org.innograph.ingest.ImportProblem;
import org.innograph.ingest.ImportRejectedException;
import org.innograph.ingest.ImportValidator;
import org.innograph.ingest.PracticeTemplate;
import org.innograph.ingest.RdfImportParser;
import org.innograph.ingest.ReferenceData;
import org.innograph.ingest.RequestMediaType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks files against the SHACL shapes, as an import would, without writing anything.",
                "Each file is judged together with the other files given and the --reference files (what it points "
                        + "to: NUTS regions, countries, themes). Prints focus node, path, value and message of "
                        + "every violation (row and column for CSV).",
                "Exit code: 0 conforms, 1 violations or unreadable files, 2 wrong usage."})
class ValidateCommand extends ConsoleCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "RDF files, good-practice CSV files or Eurostat SDMX-CSV files, or folders of them")
    List<Path> files;

    @Option(names = "--reference", paramLabel = "FILE", split = ",",
            description = "RDF files or folders the files may point to, e.g. data,ontology")
    List<Path> reference = new ArrayList<>();

    @Option(names = "--shapes", paramLabel = "FILE",
            description = "SHACL shapes (default: innograph.imports.shapes, ontology/shapes.ttl)")
    Path shapes;

    @Option(names = "--topic-themes", paramLabel = "FILE",
            description = "Keyword-to-theme table for the CSV template (default: innograph.imports.topic-themes)")
    Path topicThemes;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        Settings settings = config.settings();
        ImportValidator validator = ImportValidator.fromFile(shapes != null ? shapes : settings.imports().shapes());
        PracticeTemplate template = new PracticeTemplate(topicThemes != null ? topicThemes
                : settings.imports().topicThemes(), settings.imports().personNames());
        PrintWriter out = out();
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (Path file : LoadCommand.expand(files)) {
            contents.put(file, read(file));
        }
        Dataset referenceData = DatasetFactory.create();
        for (Path file : LoadCommand.expand(reference)) {
            if (RDFLanguages.filenameToLang(file.getFileName().toString()) != null) {
                RDFDataMgr.read(referenceData.getDefaultModel(), file.toString());
            }
        }
        // The RDF files themselves are reference data for each other (a practice and the region it names).
        Map<Path, Graph> parsed = new LinkedHashMap<>();
        int failed = 0;
        for (var entry : contents.entrySet()) {
            var format = ImportFormat.detect(RequestMediaType.of(null), entry.getKey().getFileName().toString(), entry.getValue());
            if (format.isEmpty()) {
                out.println(entry.getKey() + ": not a file InnoGraph imports (" + ImportFormat.ACCEPTED + ")");
                failed++;
            } else if (!format.get().isCsv()) {
                try {
                    Graph graph = RdfImportParser.parse(entry.getValue(), format.get(), entry.getKey().toUri().toString());
                    parsed.put(entry.getKey(), graph);
                    graph.find().forEachRemaining(referenceData.asDatasetGraph().getDefaultGraph()::add);
                } catch (ImportRejectedException e) {
                    out.println(entry.getKey() + ": " + e.getMessage());
                    failed++;
                }
            }
        }
        ReferenceData lookups = ReferenceData.of(referenceData);
        for (var entry : contents.entrySet()) {
            Path file = entry.getKey();
            var format = ImportFormat.detect(RequestMediaType.of(null), file.getFileName().toString(), entry.getValue());
            if (format.isEmpty() || (!format.get().isCsv() && !parsed.containsKey(file))) {
                continue;
            }
            List<ImportProblem> problems;
            long triples;
            try {
                if (format.get() == ImportFormat.PRACTICE_CSV) {
                    PracticeTemplate.Conversion conversion = template.convert(entry.getValue(), lookups);
                    triples = conversion.graph().size();
                    problems = validator.validate(conversion.graph(), lookups).stream().map(conversion::place).toList();
                } else if (format.get() == ImportFormat.EUROSTAT_CSV) {
                    Graph graph = new EurostatTable().convert(entry.getValue(), lookups, false).graph();
                    triples = graph.size();
                    problems = validator.validate(graph, lookups);
                } else {
                    triples = parsed.get(file).size();
                    problems = validator.validate(parsed.get(file), lookups);
                }
            } catch (ImportRejectedException e) {
                triples = 0;
                problems = e.problems().isEmpty() ? List.of(ImportProblem.atLine(-1, e.getMessage())) : e.problems();
            }
            if (problems.isEmpty()) {
                out.printf("%s: conforms (%,d triples)%n", file, triples);
            } else {
                failed++;
                out.printf("%s: %d violations%n", file, problems.size());
                problems.forEach(problem -> out.println("  " + problem.describe()));
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
