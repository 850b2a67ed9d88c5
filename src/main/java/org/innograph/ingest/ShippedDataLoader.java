package org.innograph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.query.ParameterizedSparqlString;
import org.innograph.store.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store in step with the shipped files: each RDF file in the data folders is one named graph.
 * A graph is reloaded only when its file's content hash changed, so a restart with the same files costs a
 * directory listing and one query. Each graph is replaced in one write, so a graph is never half-loaded.
 */
public class ShippedDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ShippedDataLoader.class);
    private static final String HASH = "https://w3id.org/innograph/ontology#contentHash";

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
        Map<String, Path> files = shippedFiles();
        Map<String, String> loadedHashes = loadedHashes();
        List<String> loaded = new java.util.ArrayList<>();
        long triples = 0;
        for (var entry : files.entrySet()) {
            String graph = entry.getKey();
            String hash = sha256(entry.getValue());
            if (hash.equals(loadedHashes.get(graph))) {
                continue;
            }
            triples += replaceGraph(graph, entry.getValue(), hash);
            loaded.add(graph);
        }
        List<String> dropped = loadedHashes.keySet().stream().filter(graph -> !files.containsKey(graph)).toList();
        dropped.forEach(this::dropGraph);
        Report report = new Report(files.size(), loaded, dropped, triples, (System.nanoTime() - start) / 1e9);
        log.info("Shipped data: {} graphs checked, {} loaded ({} triples), {} dropped, in {} s",
                report.graphsChecked(), loaded.size(), triples, dropped.size(),
                String.format(java.util.Locale.ROOT, "%.2f", report.seconds()));
        return report;
    }

    private Map<String, Path> shippedFiles() {
        Map<String, Path> files = new TreeMap<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                log.warn("Data folder {} does not exist; nothing loaded from it", directory.toAbsolutePath());
                continue;
            }
            try (Stream<Path> listing = Files.list(directory)) {
                listing.filter(Files::isRegularFile).filter(GraphNames::isShippedGraphFile).sorted()
                        .forEach(file -> {
                            Path previous = files.put(GraphNames.forFile(file), file);
                            if (previous != null) {
                                throw new IllegalStateException("Two shipped files name the same graph: "
                                        + previous + " and " + file);
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private Map<String, String> loadedHashes() {
        String query = "SELECT ?g ?hash WHERE { GRAPH <" + GraphNames.LOAD_STATE + "> { ?g <" + HASH + "> ?hash } }";
        return store.read(connection -> {
            Map<String, String> hashes = new TreeMap<>();
            try (QueryExecution execution = connection.query(query)) {
                execution.execSelect().forEachRemaining(row ->
                        hashes.put(row.getResource("g").getURI(), row.getLiteral("hash").getString()));
            }
            return hashes;
        });
    }

    private long replaceGraph(String graph, Path file, String hash) {
        long start = System.nanoTime();
        Model model = RDFDataMgr.loadModel(file.toString());
        ParameterizedSparqlString record = new ParameterizedSparqlString("""
                DELETE { GRAPH ?state { ?g ?hashProperty ?old } } WHERE { GRAPH ?state { ?g ?hashProperty ?old } } ;
                INSERT DATA { GRAPH ?state { ?g ?hashProperty ?hash } }""");
        record.setIri("state", GraphNames.LOAD_STATE);
        record.setIri("g", graph);
        record.setIri("hashProperty", HASH);
        record.setLiteral("hash", hash);
        store.write(connection -> {
            connection.put(graph, model);
            connection.update(record.asUpdate());
        });
        log.info("Loaded {} from {}: {} triples in {} s", graph, file, model.size(),
                String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return model.size();
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

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
