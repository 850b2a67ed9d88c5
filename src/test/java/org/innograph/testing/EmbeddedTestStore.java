package org.innograph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The embedded counterpart of {@link TestFuseki#registerAsRemoteStore}: a fresh TDB2 store for one test context. */
public final class EmbeddedTestStore {

    private EmbeddedTestStore() {
    }

    /** Embedded mode on a new temporary directory, so that no test context sees another's writes. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String directory;
        try {
            directory = Files.createTempDirectory(name).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("innograph.store.mode", () -> "embedded");
        registry.add("innograph.store.directory", () -> directory);
    }
}
