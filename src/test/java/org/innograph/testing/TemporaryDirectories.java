package org.innograph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * Temporary directories of tests (TDB2 stores, browser profiles, outputs), removed when the test JVM ends. A store
 * lives as long as the Spring context (or Fuseki) that opened it, and cached contexts live until the JVM ends; left
 * behind, each suite run would leave more than a gigabyte in the temporary folder of the machine.
 */
public final class TemporaryDirectories {

    private TemporaryDirectories() {
    }

    public static Path removedAtExit(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            // Deleting the files of a store still open is safe: the JVM is ending, and an open file that is unlinked
            // stays readable to whoever still maps it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
