package org.innograph.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.innograph.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TDB2 backup restored into an empty directory is the same dataset, blank nodes and all. */
class StoreBackupTest {

    private static final String DATA = """
            <https://example.org/g1> { <https://example.org/a> <https://example.org/p> "one" , _:b1 .
                                       _:b1 <https://example.org/q> "2"^^<http://www.w3.org/2001/XMLSchema#integer> . }
            <https://example.org/g2> { <https://example.org/a> <https://example.org/p> "zwei"@de . }
            """;

    @Test
    void restoredStoreIsIsomorphicToTheOriginal(@TempDir Path dir) {
        DatasetGraph original = DatasetGraphFactory.create();
        RDFParser.fromString(DATA, org.apache.jena.riot.Lang.TRIG).parse(original);
        EmbeddedStore store = new EmbeddedStore(dir.resolve("store"));
        Dataset dataset = store.dataset();
        Txn.executeWrite(dataset, () -> original.find().forEachRemaining(dataset.asDatasetGraph()::add));

        Path backup = StoreBackup.backup(dataset, dir.resolve("backups/innograph.nq.gz"));
        long restored = StoreBackup.restore(backup, dir.resolve("restored"), Progress.NONE);

        assertThat(backup).exists().hasFileName("innograph.nq.gz");
        assertThat(restored).isEqualTo(4);
        EmbeddedStore copy = new EmbeddedStore(dir.resolve("restored"));
        DatasetGraph copied = Txn.calculateRead(copy.dataset(), () -> {
            DatasetGraph plain = DatasetGraphFactory.create();
            copy.dataset().asDatasetGraph().find().forEachRemaining(plain::add);
            return plain;
        });
        DatasetGraph source = Txn.calculateRead(dataset, () -> {
            DatasetGraph plain = DatasetGraphFactory.create();
            dataset.asDatasetGraph().find().forEachRemaining(plain::add);
            return plain;
        });
        assertThat(IsoMatcher.isomorphic(source, copied)).isTrue();
        assertThat(IsoMatcher.isomorphic(original, copied)).isTrue();
    }

    @Test
    void restoreRefusesADirectoryThatIsNotEmpty(@TempDir Path dir) throws Exception {
        Path backup = Files.writeString(dir.resolve("b.nq"), "<https://example.org/a> <https://example.org/p> \"x\" <https://example.org/g> .\n");
        Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "precious");

        assertThatThrownBy(() -> StoreBackup.restore(backup, occupied, Progress.NONE))
                .hasMessageContaining("not empty");
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("precious");
        assertThat(occupied).isDirectoryNotContaining("glob:**/Data-*");
    }
}
