package org.innograph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.innograph.backup.StoreBackup;
import org.innograph.ingest.GraphNames;
import org.innograph.store.EmbeddedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Bulk-loads RDF files into the embedded TDB2 store with Jena's TDB2 loader (fast, no "
                + "validation: for shipped data and dumps; curators' files go through 'import').",
                "A triples file goes into the graph https://w3id.org/innograph/graph/{file base name}, as shipped "
                        + "data does; quads keep their graphs. Files may be gzip-compressed (.gz)."})
class LoadCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--graph", paramLabel = "IRI", description = "Load every triple into this one graph instead")
    String graph;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "RDF files, or folders of them")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> all = expand(files);
        try (EmbeddedStore embedded = store.openEmbedded("load")) {
            long total = 0;
            for (Path file : all) {
                Lang lang = RDFLanguages.filenameToLang(withoutGz(file));
                if (lang == null) {
                    spec.commandLine().getErr().println("Skipped " + file + ": not an RDF file name");
                    continue;
                }
                String target = RDFLanguages.isQuads(lang) ? null
                        : graph != null ? graph : GraphNames.forFile(Path.of(withoutGz(file)));
                ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), file.getFileName().toString());
                total += StoreBackup.bulkLoad(embedded.dataset().asDatasetGraph(), file, lang, target, progress);
                progress.finish();
            }
            spec.commandLine().getOut().printf("Loaded %,d triples from %d files into %s%n", total, all.size(),
                    store.storeProperties().directory());
        }
        return 0;
    }

    private static String withoutGz(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("No file or folder " + path);
            }
        }
        return files;
    }
}
