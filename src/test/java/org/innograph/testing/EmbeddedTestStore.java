package org.innograph.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The embedded counterpart of {@link TestFuseki#registerAsRemoteStore}: a fresh TDB2 store for one test context. */
public final class EmbeddedTestStore {

    private EmbeddedTestStore() {
    }

    /** Embedded mode on a new temporary directory, so that no test context sees another's writes; removed at exit. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String directory = TemporaryDirectories.removedAtExit(name).toString();
        registry.add("innograph.store.mode", () -> "embedded");
        registry.add("innograph.store.directory", () -> directory);
    }
}
