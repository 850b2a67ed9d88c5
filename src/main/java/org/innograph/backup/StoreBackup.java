package org.innograph.backup;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.graph.Triple;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.system.progress.MonitorOutput;

/**
 * Backup and restore of the embedded TDB2 store. A backup is TDB2's own: gzip-compressed N-Quads of every
 * graph, taken in one read transaction while the store stays in use. A restore bulk-loads such a file into a
 * new, empty database directory, so that a restore never mixes with data already there.
 */
public final class StoreBackup {

    private StoreBackup() {
    }

    /**
     * Writes a backup of the dataset; without a target it stays where TDB2 puts it ({@code Backups/} in the
     * database directory).
     *
     * @return the backup file
     */
    public static Path backup(Dataset dataset, Path target) {
        Path written = Path.of(DatabaseMgr.backup(dataset.asDatasetGraph()));
        if (target == null) {
            return written;
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            return Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a backup (gzip N-Quads, or plain N-Quads) into a new TDB2 database in {@code directory}, which must
     * not exist yet or be empty.
     *
     * @return the number of quads restored
     */
    public static long restore(Path backup, Path directory, Progress progress) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("No backup file " + backup);
        }
        requireEmpty(directory);
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(directory.toString());
        try {
            return bulkLoad(database, backup, Lang.NQUADS, null, progress);
        } finally {
            // Let go of the directory so that the restored store can be opened (again) by the service.
            TDBInternal.expel(database);
        }
    }

    /**
     * Loads one file with TDB2's bulk loader, gzip or not; triples go into {@code graph} (quads keep their own).
     *
     * @return the number of triples and quads loaded
     */
    public static long bulkLoad(DatasetGraph database, Path file, Lang lang, String graph, Progress progress) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The loader's own log lines are replaced by the progress report.
        MonitorOutput quiet = (format, args) -> {
        };
        DataLoader loader = graph == null ? LoaderFactory.basicLoader(database, quiet)
                : LoaderFactory.basicLoader(database, org.apache.jena.graph.NodeFactory.createURI(graph), quiet);
        AtomicLong bytes = new AtomicLong();
        AtomicLong count = new AtomicLong();
        StreamRDF counting = new StreamRDFWrapper(loader.stream()) {
            @Override
            public void triple(Triple triple) {
                super.triple(triple);
                tick();
            }

            @Override
            public void quad(Quad quad) {
                super.quad(quad);
                tick();
            }

            private void tick() {
                long n = count.incrementAndGet();
                if (n % 10_000 == 0) {
                    progress.report(n, size > 0 ? Math.min(1.0, (double) bytes.get() / size) : -1);
                }
            }
        };
        loader.startBulk();
        try (InputStream in = open(file, bytes)) {
            RDFParser.source(in).lang(lang).base(file.toUri().toString()).parse(counting);
            loader.finishBulk();
        } catch (IOException e) {
            loader.finishException(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        progress.report(count.get(), 1.0);
        return count.get();
    }

    private static InputStream open(Path file, AtomicLong bytes) throws IOException {
        InputStream raw = new FilterInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static void requireEmpty(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is a file, not a database directory");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("Restore needs an empty directory, and " + directory
                        + " is not empty: restore into a new directory, then point innograph.store.directory at it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
