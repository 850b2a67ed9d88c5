package org.innograph.cli;

import java.nio.file.Path;

import org.innograph.backup.StoreBackup;
import org.innograph.store.EmbeddedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up the embedded TDB2 store: gzip-compressed N-Quads of every graph (TDB2's own "
                + "backup, consistent while the store is in use by this process).",
                "Restore it with 'innograph restore FILE --store NEW_DIR'."})
class BackupCommand extends ConsoleCommand {

    @Mixin
    StoreOptions store;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to put the backup (default: Backups/ in the store directory)")
    Path output;

    @Override
    public Integer call() {
        try (EmbeddedStore embedded = store.openEmbedded("backup")) {
            Path file = StoreBackup.backup(embedded.dataset(), output);
            out().println("Backup written to " + file);
        }
        return 0;
    }
}
