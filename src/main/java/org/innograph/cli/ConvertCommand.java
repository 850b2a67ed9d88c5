package org.innograph.cli;

import java.nio.file.Path;

import org.innograph.ingest.convert.ShippedDataConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Regenerates the shipped RDF from its source tables: data/sources/**.csv to one sorted "
                + "Turtle file per named graph (data/{source}.ttl). Deterministic, so a corrected CSV cell shows "
                + "up as a small diff of the Turtle."})
class ConvertCommand extends ConsoleCommand {

    @Parameters(index = "0", paramLabel = "SOURCES", defaultValue = "data/sources",
            description = "The source folder (default: data/sources)")
    Path sources;

    @Parameters(index = "1", paramLabel = "OUT", defaultValue = "data",
            description = "Where the Turtle files go (default: data)")
    Path out;

    @Override
    public Integer call() throws Exception {
        java.nio.file.Files.createDirectories(out);
        ShippedDataConverter.convert(sources, out).forEach((graph, size) ->
                out().printf("%-24s %,9d triples%n", graph, size));
        return 0;
    }
}
