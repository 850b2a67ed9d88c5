package org.innograph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.innograph.backup.StoreBackup;
import org.innograph.store.EmbeddedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up the embedded TDB2 store: gzip-compressed N-Quads of every graph (TDB2's own "
                + "backup, consistent while the store is in use by this process).",
                "Restore it with 'innograph restore FILE --store NEW_DIR'."})
class BackupCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to put the backup (default: Backups/ in the store directory)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (EmbeddedStore embedded = store.openEmbedded("backup")) {
            Path file = StoreBackup.backup(embedded.dataset(), output);
            spec.commandLine().getOut().println("Backup written to " + file);
        }
        return 0;
    }
}
