package org.innograph.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.jena.sys.JenaSystem;
import org.innograph.bench.PracticeGraphGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code innograph generate --practices N --seed S --out FILE}: a synthetic graph shaped like the real one,
 * for benchmarks and load tests. A subcommand of {@code innograph}; {@link #main} runs it alone.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic synthetic InnoGraph graph (N-Triples) with N good practices.")
public class GenerateCommand extends ConsoleCommand {

    @Option(names = "--practices", required = true, description = "number of good practices (at least 1)")
    int practices;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same bytes (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the N-Triples file to write (.nt)")
    Path file;

    @Option(names = "--root", defaultValue = ".",
            description = "project directory holding data/nuts-2021.ttl and ontology/themes.ttl (default: current)")
    Path root;

    @Override
    public Integer call() {
        JenaSystem.init();
        long start = System.nanoTime();
        PracticeGraphGenerator.Summary summary = PracticeGraphGenerator.fromShippedData(root)
                .generate(practices, seed, file);
        out().printf(Locale.ROOT, "Wrote %s: %d triples (%d practices, %d organisations, %d actions) in %.1f s%n",
                file, summary.triples(), summary.practices(), summary.organisations(), summary.actions(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
