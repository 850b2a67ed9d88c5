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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.query.ParameterizedSparqlString;
import org.innograph.store.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store in step with the shipped files: each RDF file in the data folders is one named graph.
 * A file is reloaded only when its content hash changed, so a restart with the same files costs a
 * directory listing and one query. Each graph is replaced in one write, so a graph is never half-loaded.
 */
public class ShippedDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ShippedDataLoader.class);
    private static final String HASH = "https://w3id.org/innograph/ontology#contentHash";
    private static final String LOADED_FROM = "https://w3id.org/innograph/ontology#loadedFrom";

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
            String hash = sha256(file);
            LoadedFile previous = loadedFiles.get(file.toString());
            if (previous != null && previous.hash().equals(hash)) {
                continue;
            }
            Scan scan = scan(file);
            String graph = GraphNames.forShippedFile(file, scan.declaredDatasets());
            triples += replaceGraph(graph, file, hash, scan.triples());
            loaded.add(graph);
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
        ParameterizedSparqlString query = new ParameterizedSparqlString(
                "SELECT ?g ?file ?hash WHERE { GRAPH ?state { ?g ?loadedFrom ?file ; ?hashProperty ?hash } }");
        query.setIri("state", GraphNames.LOAD_STATE);
        query.setIri("loadedFrom", LOADED_FROM);
        query.setIri("hashProperty", HASH);
        return store.read(connection -> {
            Map<String, LoadedFile> files = new HashMap<>();
            try (QueryExecution execution = connection.query(query.asQuery())) {
                execution.execSelect().forEachRemaining(row -> {
                    String path = row.getLiteral("file").getString();
                    files.put(path, new LoadedFile(path, row.getResource("g").getURI(),
                            row.getLiteral("hash").getString()));
                });
            }
            return files;
        });
    }

    private long replaceGraph(String graph, Path file, String hash, long triples) {
        long start = System.nanoTime();
        ParameterizedSparqlString record = new ParameterizedSparqlString("""
                DELETE WHERE { GRAPH ?state { ?g ?p ?o } } ;
                INSERT DATA { GRAPH ?state { ?g ?hashProperty ?hash ; ?loadedFrom ?file } }""");
        record.setIri("state", GraphNames.LOAD_STATE);
        record.setIri("g", graph);
        record.setIri("hashProperty", HASH);
        record.setIri("loadedFrom", LOADED_FROM);
        record.setLiteral("hash", hash);
        record.setLiteral("file", file.toString());
        // The file streams into the store (or to the remote server) inside the write: no copy of the graph
        // in memory, so a file of millions of triples costs no more heap than a small one.
        store.write(connection -> {
            connection.put(graph, file.toString());
            connection.update(record.asUpdate());
        });
        log.info("Loaded {} from {}: {} triples in {} s", graph, file, triples,
                String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return triples;
    }

    private void dropGraph(String graph) {
        ParameterizedSparqlString drop = new ParameterizedSparqlString("""
                DROP SILENT GRAPH ?g ;
                DELETE WHERE { GRAPH ?state { ?g ?p ?o } }""");
        drop.setIri("g", graph);
        drop.setIri("state", GraphNames.LOAD_STATE);
        store.write(connection -> connection.update(drop.asUpdate()));
        log.info("Dropped {}: its shipped file is gone", graph);
    }

    /** What a strict pass over a file found: how many triples, and which graphs it describes as void:Dataset. */
    private record Scan(long triples, List<String> declaredDatasets) {
    }

    /**
     * Checks the whole file strictly before anything is written, streaming, so a bad file fails with its
     * line and column and the store keeps the previous version of the graph.
     */
    private static Scan scan(Path file) {
        long[] triples = {0};
        List<String> declared = new ArrayList<>();
        try {
            RDFParser.source(file).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                    .parse(new StreamRDFBase() {
                        @Override
                        public void triple(Triple triple) {
                            triples[0]++;
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
}
