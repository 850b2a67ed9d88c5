package org.innograph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.innograph.backup.DatasetDump;
import org.innograph.backup.DumpFormat;
import org.innograph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the store's named graphs (or one graph) as N-Quads or TriG, as GET /api/dump does; "
                + "gzip-compressed when the output file name ends in .gz.")
class ExportCommand extends ConsoleCommand {

    @Mixin
    StoreOptions store;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output)")
    Path output;

    @Option(names = "--format", paramLabel = "nquads|trig", defaultValue = "nquads",
            description = "nquads (default) or trig")
    String format;

    @Option(names = "--graph", paramLabel = "IRI", description = "Only this named graph")
    String graph;

    @Override
    public Integer call() throws IOException {
        DumpFormat dumpFormat = DumpFormat.named(format)
                .orElseThrow(() -> usageError("Unknown format '" + format + "': use nquads or trig"));
        try (GraphStore graphStore = store.open()) {
            if (graph != null && !DatasetDump.hasGraph(graphStore, graph)) {
                err().println("No graph <" + graph + "> in the store");
                return 1;
            }
            long expected = graphStore.tripleCount();
            ProgressLine progress = new ProgressLine(err(), "export");
            try (OutputStream out = open()) {
                DatasetDump.write(graphStore, graph, dumpFormat, out, graph == null ? expected : 0, progress);
            }
            progress.finish();
        }
        return 0;
    }

    private OutputStream open() {
        try {
            if (output == null) {
                // Not closed with the dump: standard output belongs to the caller.
                return new java.io.FilterOutputStream(System.out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
            }
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
            return output.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
