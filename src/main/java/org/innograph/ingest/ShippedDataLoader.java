package org.innograph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.VOID;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.SparqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store in step with the shipped files: each RDF file in the data folders is one named graph.
 * A file is reloaded only when its content hash changed, so a restart with the same files costs a
 * directory listing and one query. A graph that holds triples is replaced in one write, so it is never
 * half-replaced; a graph that is empty is filled by TDB2's phased bulk loader (see {@link #bulkLoadFresh}).
 */
public class ShippedDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ShippedDataLoader.class);

    private final GraphStore store;
    private final List<Path> directories;

    public ShippedDataLoader(GraphStore store, List<Path> directories) {
        this.store = store;
        this.directories = directories;
    }

    /** What one synchronisation did. */
    public record Report(int graphsChecked, List<String> graphsLoaded, List<String> graphsDropped,
                         long triplesLoaded, double seconds) {
    }

    public Report synchronise() {
        long start = System.nanoTime();
        List<Path> files = shippedFiles();
        Map<String, LoadedFile> loadedFiles = loadedFiles();
        List<String> loaded = new ArrayList<>();
        long triples = 0;
        for (Path file : files) {
            LoadedFile previous = loadedFiles.get(file.toString());
            CompletableFuture<String> hash;
            if (previous == null) {
                // A file never loaded is loaded whatever it holds: its hash is only needed for the record
                // written after the load, so it is computed beside the load rather than before it.
                hash = CompletableFuture.supplyAsync(() -> sha256(file));
            } else {
                hash = CompletableFuture.completedFuture(sha256(file));
                if (previous.hash().equals(hash.join())) {
                    continue;
                }
            }
            long fileStart = System.nanoTime();
            Loaded result = store.localDataset().map(dataset -> loadInto(dataset.asDatasetGraph(), file, hash))
                    .orElseGet(() -> loadStreamed(file, hash));
            log.info("Loaded {} from {}: {} triples in {} s", result.graph(), file, result.triples(),
                    String.format(Locale.ROOT, "%.2f", (System.nanoTime() - fileStart) / 1e9));
            triples += result.triples();
            loaded.add(result.graph());
        }
        Set<String> present = files.stream().map(Path::toString).collect(Collectors.toSet());
        List<String> dropped = loadedFiles.values().stream().filter(file -> !present.contains(file.path()))
                .map(LoadedFile::graph).toList();
        dropped.forEach(this::dropGraph);
        Report report = new Report(files.size(), loaded, dropped, triples, (System.nanoTime() - start) / 1e9);
        log.info("Shipped data: {} files checked, {} graphs loaded ({} triples), {} dropped, in {} s",
                report.graphsChecked(), loaded.size(), triples, dropped.size(),
                String.format(Locale.ROOT, "%.2f", report.seconds()));
        return report;
    }

    /** What the load-state graph remembers of a file: the graph it went into and its content then. */
    private record LoadedFile(String path, String graph, String hash) {
    }

    private List<Path> shippedFiles() {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                log.warn("Data folder {} does not exist; nothing loaded from it", directory.toAbsolutePath());
                continue;
            }
            try (Stream<Path> listing = Files.list(directory)) {
                listing.filter(Files::isRegularFile).filter(GraphNames::isShippedGraphFile).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private Map<String, LoadedFile> loadedFiles() {
        if (store.localDataset().map(dataset -> Txn.calculateRead(dataset, dataset::isEmpty)).orElse(false)) {
            return Map.of(); // a first start: nothing recorded, and no query to prepare and run to know it
        }
        Query query = SparqlFiles.query("ingest/loaded-files.rq", Map.of("state", iri(GraphNames.LOAD_STATE)));
        return store.read(connection -> {
            Map<String, LoadedFile> files = new HashMap<>();
            try (QueryExecution execution = connection.query(query)) {
                execution.execSelect().forEachRemaining(row -> {
                    String path = row.getLiteral("file").getString();
                    files.put(path, new LoadedFile(path, row.getResource("g").getURI(),
                            row.getLiteral("hash").getString()));
                });
            }
            return files;
        });
    }

    /** The graph a file went into and how many triples were read from it. */
    private record Loaded(String graph, long triples) {
    }

    /**
     * Embedded store: one strict pass over the file straight into TDB2, inside the write transaction, so a bad
     * file aborts it and the graph stays as it was. The graph a file declares itself to be is known only at
     * its end; a file whose name differs from that graph (ontology/innograph.ttl is the graph "ontology") is
     * moved there within the same transaction, which costs a second write of a small file only.
     */
    private Loaded loadInto(DatasetGraph database, Path file, CompletableFuture<String> hash) {
        Node provisionalGraph = NodeFactory.createURI(GraphNames.forFile(file));
        boolean fresh = Txn.calculateRead(database,
                () -> !database.containsGraph(provisionalGraph) || database.getGraph(provisionalGraph).isEmpty());
        if (fresh) {
            return bulkLoadFresh(database, file, hash, provisionalGraph);
        }
        return store.write(connection -> {
            database.deleteAny(provisionalGraph, Node.ANY, Node.ANY, Node.ANY);
            Scan scan = scan(file, triple -> database.add(provisionalGraph, triple.getSubject(),
                    triple.getPredicate(), triple.getObject()));
            String graph = GraphNames.forShippedFile(file, scan.declaredDatasets());
            moveIfDeclaredOtherwise(database, provisionalGraph, graph);
            connection.update(loadRecord(graph, file, hash.join()));
            return new Loaded(graph, scan.triples());
        });
    }

    /**
     * Embedded store, into a graph that is empty: nothing is replaced, so the file can go through a TDB2 bulk loader
     * (see {@link #bulkLoader}), which builds each index in a thread of its own and commits each on its own, not in
     * one transaction. The same strict parse feeds it, so a bad file still fails with its line and column; the loader
     * is then finished (its threads end, what it was given is committed) and the graph dropped in one write, so it
     * is empty again. The load record is written last: a load cut short leaves no record, and the next start loads
     * the file again. What a crash in the middle can leave: docs/benchmarks.md, "Third pass (2026-12-07): bulk load".
     */
    private Loaded bulkLoadFresh(DatasetGraph database, Path file, CompletableFuture<String> hash, Node provisional) {
        DataLoader loader = bulkLoader(database, provisional);
        Scan scan;
        loader.startBulk();
        try {
            StreamRDF sink = loader.stream();
            scan = scan(file, sink::triple);
        } catch (RuntimeException e) {
            try {
                loader.finishBulk();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
                loader.finishException(e);
            }
            store.write(connection -> {
                connection.update(new UpdateRequest(new UpdateDrop(provisional, true)));
                return null;
            });
            throw e;
        }
        loader.finishBulk();
        String graph = GraphNames.forShippedFile(file, scan.declaredDatasets());
        String digest = hash.join();
        store.write(connection -> {
            moveIfDeclaredOtherwise(database, provisional, graph);
            connection.update(loadRecord(graph, file, digest));
            return null;
        });
        return new Loaded(graph, scan.triples());
    }

    /**
     * TDB2's phased loader (Jena's default): its parallel plan, every index built at once, measured no faster on two
     * cores and can commit the indexes in any order, where the phased one commits the first index (GSPO) before it
     * builds the others from it, so that a load cut short leaves nothing a reload through GSPO does not remove
     * (docs/benchmarks.md, "Third pass (2026-12-07): bulk load").
     */
    private static DataLoader bulkLoader(DatasetGraph database, Node graph) {
        return LoaderFactory.phasedLoader(database, graph, (format, args) -> { });
    }

    /**
     * A file named otherwise than the graph it declares (ontology/innograph.ttl is "ontology") went into the graph
     * of its name; its triples move to the declared one, which they replace. Small files only; inside a write.
     */
    private static void moveIfDeclaredOtherwise(DatasetGraph dataset, Node provisional, String graph) {
        if (graph.equals(provisional.getURI())) {
            return;
        }
        Node target = NodeFactory.createURI(graph);
        dataset.deleteAny(target, Node.ANY, Node.ANY, Node.ANY);
        List<Triple> content = dataset.getGraph(provisional).find().toList();
        content.forEach(t -> dataset.add(target, t.getSubject(), t.getPredicate(), t.getObject()));
        dataset.deleteAny(provisional, Node.ANY, Node.ANY, Node.ANY);
    }

    /**
     * Remote store: a strict pass first (validation, graph name), then the file streams to the server in one
     * request, which the server applies atomically. No copy of the graph is held in memory either way.
     */
    private Loaded loadStreamed(Path file, CompletableFuture<String> hash) {
        Scan scan = scan(file, triple -> { });
        String graph = GraphNames.forShippedFile(file, scan.declaredDatasets());
        String digest = hash.join();
        store.write(connection -> {
            connection.put(graph, file.toString());
            connection.update(loadRecord(graph, file, digest));
            return null;
        });
        return new Loaded(graph, scan.triples());
    }

    private static UpdateRequest loadRecord(String graph, Path file, String hash) {
        return SparqlFiles.update("ingest/record-loaded-file.ru", Map.of("state", iri(GraphNames.LOAD_STATE),
                "g", iri(graph), "hash", NodeFactory.createLiteralString(hash),
                "file", NodeFactory.createLiteralString(file.toString())));
    }

    private void dropGraph(String graph) {
        // DROP takes no variable, so it is built as an operation; the bookkeeping goes in the same request.
        UpdateRequest drop = new UpdateRequest().add(new UpdateDrop(iri(graph), true));
        SparqlFiles.update("ingest/forget-loaded-file.ru", Map.of("state", iri(GraphNames.LOAD_STATE), "g", iri(graph)))
                .getOperations().forEach(drop::add);
        store.write(connection -> {
            connection.update(drop);
            return null;
        });
        log.info("Dropped {}: its shipped file is gone", graph);
    }

    /** What a strict pass over a file found: how many triples, and which graphs it describes as void:Dataset. */
    private record Scan(long triples, List<String> declaredDatasets) {
    }

    /**
     * Reads the whole file strictly, streaming each triple to {@code sink}: a bad file fails with its line and
     * column. Counts the triples and notes which graphs the file describes as a {@code void:Dataset}.
     */
    private static Scan scan(Path file, Consumer<Triple> sink) {
        long[] triples = {0};
        List<String> declared = new ArrayList<>();
        try {
            RDFParser.source(file).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                    .parse(new StreamRDFBase() {
                        @Override
                        public void triple(Triple triple) {
                            triples[0]++;
                            sink.accept(triple);
                            if (triple.getSubject().isURI() && triple.getPredicate().equals(RDF.Nodes.type)
                                    && triple.getObject().equals(VOID.Dataset.asNode())) {
                                declared.add(triple.getSubject().getURI());
                            }
                        }
                    });
        } catch (RiotException e) {
            throw new IllegalStateException("Shipped file " + file + " is not valid RDF: " + e.getMessage(), e);
        }
        return new Scan(triples[0], declared);
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
