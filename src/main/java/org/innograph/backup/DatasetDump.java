package org.innograph.backup;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.SparqlFiles;

/**
 * Writes the named graphs of the store, or one of them, as a stream of quads. Asked in SPARQL, as one supervised
 * query, so it works the same on the embedded store (inside one read transaction: a consistent snapshot) and
 * on a remote server (whose answer streams through); the quads go out as they come and are never all held in
 * memory.
 */
public final class DatasetDump {

    private static final long REPORT_EVERY = 10_000;

    private DatasetDump() {
    }

    /** As {@link #write(GraphStore, String, DumpFormat, OutputStream, Duration, long, Progress)}, without a time limit. */
    public static long write(GraphStore store, String graph, DumpFormat format, OutputStream out, long expected,
                             Progress progress) {
        return write(store, graph, format, out, Duration.ZERO, expected, progress);
    }

    /**
     * @param graph     the IRI of the one graph to write, or null for all named graphs
     * @param timeLimit the dump is stopped after this (zero: no limit)
     * @param expected  how many quads are expected (for progress), or 0 when unknown
     * @return the number of quads written
     */
    public static long write(GraphStore store, String graph, DumpFormat format, OutputStream out, Duration timeLimit,
                             long expected, Progress progress) {
        Query query;
        Node graphNode = graph == null ? null : NodeFactory.createURI(graph);
        if (graph == null) {
            query = SparqlFiles.query("store/all-quads.rq");
        } else {
            query = SparqlFiles.query("store/graph-triples.rq", Map.of("g", graphNode));
        }
        AtomicLong count = new AtomicLong();
        store.query(query, timeLimit, execution -> {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, format.rdfFormat());
            writer.start();
            execution.execSelect().forEachRemaining(row -> {
                Node g = graphNode != null ? graphNode : row.get("g").asNode();
                writer.quad(org.apache.jena.sparql.core.Quad.create(g, row.get("s").asNode(), row.get("p").asNode(),
                        row.get("o").asNode()));
                long n = count.incrementAndGet();
                if (n % REPORT_EVERY == 0) {
                    progress.report(n, expected > 0 ? Math.min(1.0, (double) n / expected) : -1);
                }
            });
            writer.finish();
            return null;
        });
        progress.report(count.get(), 1.0);
        return count.get();
    }

    /** Whether the store has a graph of this name with anything in it. */
    public static boolean hasGraph(GraphStore store, String graph) {
        Query ask = SparqlFiles.query("store/graph-exists.rq", Map.of("g", NodeFactory.createURI(graph)));
        return store.read(connection -> connection.queryAsk(ask));
    }
}
