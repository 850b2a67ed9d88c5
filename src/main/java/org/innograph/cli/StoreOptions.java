package org.innograph.cli;

import java.nio.file.Path;

import org.innograph.store.EmbeddedStore;
import org.innograph.store.GraphStore;
import org.innograph.store.RemoteStore;
import org.innograph.store.StoreMode;
import org.innograph.store.StoreProperties;
import picocli.CommandLine.Option;

/** Which store a command works on: the service's own settings, or a TDB2 directory named here. */
class StoreOptions extends ConfigOption {

    @Option(names = "--store", paramLabel = "DIR",
            description = "TDB2 directory of an embedded store (default: innograph.store.directory, var/tdb2)")
    Path directory;

    StoreProperties storeProperties() {
        StoreProperties properties = settings().store();
        return directory == null ? properties
                : new StoreProperties(StoreMode.EMBEDDED, directory, properties.remote(),
                        properties.maxRowsInMemory(), properties.heapGuardThreshold());
    }

    GraphStore open() {
        StoreProperties properties = storeProperties();
        return properties.mode() == StoreMode.EMBEDDED ? new EmbeddedStore(properties.directory())
                : new RemoteStore(properties.remote());
    }

    /** For the commands that only make sense on TDB2 (bulk load, backup). */
    EmbeddedStore openEmbedded(String command) {
        StoreProperties properties = storeProperties();
        if (properties.mode() != StoreMode.EMBEDDED) {
            throw new IllegalArgumentException(command + " works on the embedded TDB2 store only; the configured "
                    + "store is remote (innograph.store.mode=remote): use that server's own tools");
        }
        return new EmbeddedStore(properties.directory());
    }
}
