package org.innograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.innograph.store.EmbeddedStore;
import org.innograph.store.GraphStore;
import org.innograph.store.RemoteStore;
import org.innograph.store.StoreProperties;
import org.innograph.testing.TestFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Start-up loading: one graph per file, reloaded only when the file changed, on both store modes. */
class ShippedDataLoaderTest {

    static final TestFuseki FUSEKI = TestFuseki.start();

    @AfterAll
    static void stop() {
        FUSEKI.close();
    }

    static Stream<String> modes() {
        return Stream.of("embedded", "remote");
    }

    GraphStore store(String mode, Path tdb) {
        if (mode.equals("embedded")) {
            return new EmbeddedStore(tdb);
        }
        // A fresh dataset per test: clear what an earlier test left in the shared Fuseki.
        RemoteStore remote = new RemoteStore(new StoreProperties.Remote(URI.create(FUSEKI.datasetUrl() + "/query"),
                URI.create(FUSEKI.datasetUrl() + "/update"), URI.create(FUSEKI.datasetUrl() + "/data"), null, null));
        remote.write(connection -> {
            connection.update("DROP ALL");
            return null;
        });
        return remote;
    }

    @ParameterizedTest
    @MethodSource("modes")
    void loadsEachFileIntoItsGraphAndReloadsOnlyWhatChanged(String mode, @TempDir Path data, @TempDir Path tdb)
            throws IOException {
        Files.writeString(data.resolve("alpha.ttl"), "<urn:example:a> <urn:example:p> 1 .");
        Files.writeString(data.resolve("beta.nt"), "<urn:example:b> <urn:example:p> \"2\" .\n");
        Files.writeString(data.resolve("notes.csv"), "not,rdf\n");
        GraphStore store = store(mode, tdb);
        try (store) {
            ShippedDataLoader loader = new ShippedDataLoader(store, List.of(data));

            ShippedDataLoader.Report first = loader.synchronise();
            assertThat(first.graphsLoaded()).containsExactlyInAnyOrder(
                    GraphNames.GRAPH_BASE + "alpha", GraphNames.GRAPH_BASE + "beta");
            assertThat(first.triplesLoaded()).isEqualTo(2);
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "alpha")).isEqualTo(1);

            assertThat(loader.synchronise().graphsLoaded()).as("unchanged files are not reloaded").isEmpty();

            Files.writeString(data.resolve("alpha.ttl"), "<urn:example:a> <urn:example:p> 1, 2, 3 .");
            Files.delete(data.resolve("beta.nt"));
            ShippedDataLoader.Report third = loader.synchronise();
            assertThat(third.graphsLoaded()).containsExactly(GraphNames.GRAPH_BASE + "alpha");
            assertThat(third.graphsDropped()).containsExactly(GraphNames.GRAPH_BASE + "beta");
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "alpha")).isEqualTo(3);
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "beta")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aFileThatDescribesItsGraphGoesIntoThatGraph(String mode, @TempDir Path data, @TempDir Path tdb)
            throws IOException {
        Files.writeString(data.resolve("innograph.ttl"), """
                <https://w3id.org/innograph/graph/ontology> a <http://rdfs.org/ns/void#Dataset> .
                <urn:example:a> <urn:example:p> 1 .""");
        try (GraphStore store = store(mode, tdb)) {
            new ShippedDataLoader(store, List.of(data)).synchronise();
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "ontology")).isEqualTo(2);
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "innograph")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aBrokenFileStopsTheLoadWithItsNameAndLeavesTheGraphAsItWas(String mode, @TempDir Path data,
            @TempDir Path tdb) throws IOException {
        Files.writeString(data.resolve("alpha.ttl"), "<urn:example:a> <urn:example:p> 1 .");
        try (GraphStore store = store(mode, tdb)) {
            ShippedDataLoader loader = new ShippedDataLoader(store, List.of(data));
            loader.synchronise();
            Files.writeString(data.resolve("alpha.ttl"), "<urn:example:a> <urn:example:p> .");
            org.assertj.core.api.Assertions.assertThatThrownBy(loader::synchronise).hasMessageContaining("line: 1");
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "alpha")).isEqualTo(1);
        }
    }

    /** A file into an empty graph takes the bulk path (embedded): the graph must hold exactly what the file says. */
    @ParameterizedTest
    @MethodSource("modes")
    void aFileLoadedIntoAnEmptyGraphHoldsExactlyItsTriples(String mode, @TempDir Path data, @TempDir Path tdb)
            throws IOException {
        Path file = data.resolve("terms.ttl");
        Files.writeString(file, """
                @prefix ex: <https://example.org/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                ex:a ex:label "Innovation"@en, "Innovación"@es, "Innovation" ;
                     ex:count 42, -7, 12345678901234567890 ;
                     ex:share 0.25, true ;
                     ex:on "2024-03-01"^^xsd:date, "2024-03-01T10:00:00Z"^^xsd:dateTime ;
                     ex:note "line one\\nline two \\"quoted\\" ⚙" ;
                     ex:part [ ex:name "anonymous" ; ex:next [ ex:name "second" ] ] .
                ex:b ex:sameAs ex:a .
                """);
        try (GraphStore store = store(mode, tdb)) {
            ShippedDataLoader.Report report = new ShippedDataLoader(store, List.of(data)).synchronise();

            Model expected = RDFDataMgr.loadModel(file.toString());
            assertThat(report.triplesLoaded()).isEqualTo(expected.size());
            Model stored = store.read(connection -> ModelFactory.createDefaultModel()
                    .add(connection.fetch(GraphNames.GRAPH_BASE + "terms")));
            assertThat(stored.isIsomorphicWith(expected)).as("stored graph %s", stored.listStatements().toList())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aBrokenFileIntoAnEmptyGraphLeavesItEmptyAndIsLoadedOnceMended(String mode, @TempDir Path data,
            @TempDir Path tdb) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            lines.append("<urn:example:s").append(i).append("> <urn:example:p> \"").append(i).append("\" .\n");
        }
        Files.writeString(data.resolve("alpha.nt"), lines + "<urn:example:broken> <urn:example:p> .\n");
        try (GraphStore store = store(mode, tdb)) {
            ShippedDataLoader loader = new ShippedDataLoader(store, List.of(data));
            org.assertj.core.api.Assertions.assertThatThrownBy(loader::synchronise).hasMessageContaining("alpha.nt")
                    .hasMessageContaining("line: 5001");
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "alpha")).as("nothing of the broken file").isZero();
            assertThat(loaderThreadsLeft()).as("threads of TDB2's bulk loader still waiting for data").isEmpty();

            Files.writeString(data.resolve("alpha.nt"), lines);
            ShippedDataLoader.Report mended = loader.synchronise();
            assertThat(mended.graphsLoaded()).as("no record of the failed load").containsExactly(
                    GraphNames.GRAPH_BASE + "alpha");
            assertThat(countIn(store, GraphNames.GRAPH_BASE + "alpha")).isEqualTo(5000);
            assertThat(loader.synchronise().graphsLoaded()).as("recorded once loaded").isEmpty();
        }
    }

    /** Threads running TDB2's bulk loader, once those that are finishing have had a few seconds to end. */
    static List<String> loaderThreadsLeft() throws InterruptedException {
        List<String> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            left = Thread.getAllStackTraces().entrySet().stream()
                    .filter(entry -> entry.getKey().isAlive() && Stream.of(entry.getValue())
                            .anyMatch(frame -> frame.getClassName().startsWith("org.apache.jena.tdb2.loader")))
                    .map(entry -> entry.getKey().getName()).toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return left;
    }

    static long countIn(GraphStore store, String graph) {
        return store.read(connection -> {
            long[] count = {0};
            connection.querySelect("SELECT * WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }", row -> count[0]++);
            return count[0];
        });
    }
}
