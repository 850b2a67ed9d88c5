package org.innograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.innograph.ingest.ImportOutcome;
import org.innograph.ingest.ImportProperties;
import org.innograph.ingest.ImportRejectedException;
import org.innograph.ingest.ImportService;
import org.innograph.ingest.ImportValidator;
import org.innograph.ingest.PracticeTemplate;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.IG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports files as POST /api/imports does: validated against the SHACL shapes, each file "
                + "written in one transaction into its own graph " + IG.GRAPH + "import/{id} with "
                + "its provenance. A file with problems is not written at all; the problems are listed.",
                "Formats by file name: .ttl .nt .nq .trig .jsonld .rdf, and .csv (the good-practice template, or a "
                        + "Eurostat SDMX-CSV table).",
                "Exit code: 0 all imported (or unchanged), 1 a file was refused, 2 wrong usage."})
class ImportCommand extends ConsoleCommand {

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import, one batch each")
    List<Path> files;

    @Option(names = "--batch", paramLabel = "ID",
            description = "Create or replace this batch (one file only); default: named after the content's hash")
    String batch;

    @Option(names = "--skip-unknown-regions",
            description = "Eurostat tables: leave out, and list, rows whose geo code is not a region of the graph")
    boolean skipUnknownRegions;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Who imports, for the provenance record (default: cli:<login name>)")
    String user = "cli:" + System.getProperty("user.name");

    @Override
    public Integer call() {
        if (batch != null && files.size() > 1) {
            throw usageError("--batch names one batch: give one file with it");
        }
        PrintWriter out = out();
        PrintWriter err = err();
        ImportProperties properties = store.settings().imports();
        int refused = 0;
        try (GraphStore graphStore = store.open()) {
            ImportService imports = new ImportService(graphStore, () -> ImportValidator.fromFile(properties.shapes()),
                    new PracticeTemplate(properties.topicThemes(), properties.personNames()), properties.maxSize());
            for (Path file : files) {
                try {
                    ImportOutcome outcome = imports.importFile(new ImportService.ImportRequest(
                            file.getFileName().toString(), null, Files.readAllBytes(file), batch, user,
                            skipUnknownRegions));
                    out.printf("%s: %s batch %s (%,d triples) in <%s>%n", file, outcome.result(),
                            outcome.batch().id(), outcome.batch().triples(), outcome.batch().graph());
                    outcome.batch().notes().forEach(note -> out.println("  note: " + note));
                } catch (ImportRejectedException e) {
                    refused++;
                    err.println(file + ": refused (" + e.status().value() + "), nothing written: " + e.getMessage());
                    e.problems().forEach(problem -> err.println("  " + problem.describe()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return refused == 0 ? 0 : 1;
    }
}
