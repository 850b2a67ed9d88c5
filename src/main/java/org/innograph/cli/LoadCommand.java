package org.innograph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.riot.RDFLanguages;
import org.innograph.backup.StoreBackup;
import org.innograph.ingest.GraphNames;
import org.innograph.store.EmbeddedStore;
import org.innograph.vocabulary.IG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Bulk-loads RDF files into the embedded TDB2 store with Jena's TDB2 loader (fast, no "
                + "validation: for shipped data and dumps; curators' files go through 'import').",
                "A triples file goes into the graph the service would load it into (the graph it declares as a "
                        + "void:Dataset, else " + IG.GRAPH + "{file base name}); quads keep their "
                        + "graphs. Files may be gzip-compressed (.gz)."})
class LoadCommand extends ConsoleCommand {

    @Mixin
    StoreOptions store;

    @Option(names = "--graph", paramLabel = "IRI", description = "Load every triple into this one graph instead")
    String graph;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "RDF files, or folders of them")
    List<Path> files;

    @Override
    public Integer call() {
        List<Path> all = expand(files);
        try (EmbeddedStore embedded = store.openEmbedded("load")) {
            long total = 0;
            for (Path file : all) {
                Lang lang = RDFLanguages.filenameToLang(withoutGz(file));
                if (lang == null) {
                    err().println("Skipped " + file + ": not an RDF file name");
                    continue;
                }
                String target = RDFLanguages.isQuads(lang) ? null : graph != null ? graph : shippedGraph(file, lang);
                ProgressLine progress = new ProgressLine(err(), file.getFileName().toString());
                total += StoreBackup.bulkLoad(embedded.dataset().asDatasetGraph(), file, lang, target, progress);
                progress.finish();
            }
            out().printf("Loaded %,d triples from %d files into %s%n", total, all.size(),
                    store.storeProperties().directory());
        }
        return 0;
    }

    /**
     * The graph the service would load this file into: the graph it declares itself as ({@code void:Dataset}),
     * else its base name. Only the declarations are kept from this first pass over the file.
     */
    private static String shippedGraph(Path file, Lang lang) {
        Model declarations = ModelFactory.createDefaultModel();
        try (InputStream in = open(file)) {
            RDFParser.source(in).lang(lang).base(file.toUri().toString()).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple triple) {
                    if (triple.getPredicate().equals(RDF.type.asNode()) && triple.getObject().equals(VOID.Dataset.asNode())) {
                        declarations.getGraph().add(triple);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GraphNames.forShippedFile(Path.of(withoutGz(file)), declarations);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
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
