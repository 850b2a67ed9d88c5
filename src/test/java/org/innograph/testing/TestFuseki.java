package org.innograph.testing;

import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Fuseki in this JVM on a random loopback port, over TDB2 with the union default graph, configured as
 * InnoGraph's remote mode expects a production Fuseki to be.
 */
public final class TestFuseki implements AutoCloseable {

    private final FusekiServer server;

    private TestFuseki(FusekiServer server) {
        this.server = server;
    }

    /** Over a new TDB2 database in a temporary directory, removed when the JVM ends. */
    public static TestFuseki start() {
        return start(TemporaryDirectories.removedAtExit("fuseki-tdb2"));
    }

    /** Over the TDB2 database in this directory, as the docker configuration runs it (sorts spill to disk). */
    public static TestFuseki start(Path directory) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(directory.toString());
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        dataset.getContext().set(ARQ.spillToDiskThreshold, 50_000L);
        FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/ds", dataset).build().start();
        return new TestFuseki(server);
    }

    public String datasetUrl() {
        return "http://127.0.0.1:" + server.getHttpPort() + "/ds";
    }

    /** Points a Spring test context's InnoGraph at this server, as the remote store. */
    public void registerAsRemoteStore(DynamicPropertyRegistry registry) {
        registry.add("innograph.store.mode", () -> "remote");
        registry.add("innograph.store.remote.query-url", () -> datasetUrl() + "/query");
        registry.add("innograph.store.remote.update-url", () -> datasetUrl() + "/update");
        registry.add("innograph.store.remote.gsp-url", () -> datasetUrl() + "/data");
    }

    @Override
    public void close() {
        server.stop();
    }
}
