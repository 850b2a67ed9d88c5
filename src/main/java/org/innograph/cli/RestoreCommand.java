package org.innograph.cli;

import java.nio.file.Path;

import org.innograph.backup.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a backup (or any N-Quads dump, .gz or not) into a new TDB2 store.",
                "The store directory (--store, or innograph.store.directory) must be empty or not exist yet: a "
                        + "restore never mixes with data already there. Point the service at it afterwards."})
class RestoreCommand extends ConsoleCommand {

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "BACKUP", description = "The backup file (.nq.gz)")
    Path backup;

    @Override
    public Integer call() {
        Path directory = store.storeProperties().directory();
        ProgressLine progress = new ProgressLine(err(), "restore");
        long quads = StoreBackup.restore(backup, directory, progress);
        progress.finish();
        out().printf("Restored %,d quads into %s%n", quads, directory);
        return 0;
    }
}
