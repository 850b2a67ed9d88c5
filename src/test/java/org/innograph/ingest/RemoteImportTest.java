package org.innograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.innograph.backup.DatasetDump;
import org.innograph.backup.DumpFormat;
import org.innograph.backup.Progress;
import org.innograph.store.RemoteStore;
import org.innograph.store.StoreProperties;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Imports and dumps on the remote mode, in front of a real Fuseki: the same service, one request per write. */
class RemoteImportTest {

    private static final TestFuseki FUSEKI = TestFuseki.start();
    private final RemoteStore store = new RemoteStore(new StoreProperties.Remote(URI.create(FUSEKI.datasetUrl() + "/query"),
            URI.create(FUSEKI.datasetUrl() + "/update"), URI.create(FUSEKI.datasetUrl() + "/data"), null, null));
    private final ImportService imports = new ImportService(store,
            () -> ImportValidator.fromFile(Path.of("ontology/shapes.ttl")),
            new PracticeTemplate(Path.of("src/test/resources/imports/topic_themes.csv"), null), DataSize.ofMegabytes(1));

    @AfterAll
    static void stop() {
        FUSEKI.close();
    }

    @Test
    void importReplaceRefuseDumpAndDeleteOnARemoteStore() throws IOException {
        store.write(connection -> {
            connection.put("https://w3id.org/innograph/graph/reference",
                    RDFDataMgr.loadModel("src/test/resources/reference/reference.ttl"));
            return null;
        });

        ImportOutcome created = imports.importFile(request("practices.csv", "remote"));
        ImportOutcome unchanged = imports.importFile(request("practices.csv", "remote"));

        assertThat(created.result()).isEqualTo(ImportOutcome.CREATED);
        assertThat(unchanged.result()).isEqualTo(ImportOutcome.UNCHANGED);
        assertThat(imports.list()).extracting(ImportBatch::id).containsExactly("remote");
        DatasetGraph before = content();
        assertThatThrownBy(() -> imports.importFile(request("practices-no-source.csv", "remote")))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("SHACL");
        assertThat(IsoMatcher.isomorphic(before, content())).as("refused: nothing written").isTrue();

        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        long quads = DatasetDump.write(store, null, DumpFormat.NQUADS, dump, 0, Progress.NONE);
        DatasetGraph dumped = DatasetGraphFactory.create();
        RDFParser.fromString(dump.toString(java.nio.charset.StandardCharsets.UTF_8), Lang.NQUADS).parse(dumped);
        assertThat(quads).isEqualTo(before.stream().count());
        assertThat(IsoMatcher.isomorphic(before, dumped)).isTrue();

        assertThat(imports.delete("remote")).isTrue();
        assertThat(imports.list()).isEmpty();
        assertThat(DatasetDump.hasGraph(store, ImportService.graphOf("remote"))).isFalse();
    }

    private static ImportService.ImportRequest request(String file, String batch) throws IOException {
        return new ImportService.ImportRequest(file, "text/csv",
                Files.readAllBytes(Path.of("src/test/resources/imports", file)), batch, "tester", false);
    }

    /** Every quad on the server, asked for in SPARQL (a remote store has no whole-dataset download). */
    private DatasetGraph content() {
        DatasetGraph content = DatasetGraphFactory.create();
        store.read(connection -> {
            connection.querySelect("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", row -> content.add(
                    row.get("g").asNode(), row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode()));
            return null;
        });
        return content;
    }
}
