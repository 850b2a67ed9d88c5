package org.innograph.queries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.innograph.cache.AnswerSource;
import org.innograph.vocabulary.SparqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The stored queries: the {@code .rq} files shipped in {@code classpath:queries/} and those in the external
 * folder ({@code innograph.queries.dir}). A file that cannot be served is logged with its line and listed as
 * skipped; the others are served. The external folder is looked at again on every use and re-read when its
 * listing (names, sizes, modification times) changed, so a dropped-in file is served without a restart.
 */
@Component
public class QueryCatalogue implements AnswerSource {

    private static final Logger log = LoggerFactory.getLogger(QueryCatalogue.class);
    /** The class-path folder of the shipped queries. */
    private static final String SHIPPED = "queries";

    /** The queries by name, and the files skipped. */
    public record Contents(Map<String, StoredQuery> queries, List<QueryFileProblem> skipped) {
    }

    private final Path externalFolder;
    private final Contents shipped;
    private volatile Contents contents;
    private volatile List<String> externalListing = List.of();

    public QueryCatalogue(QueriesProperties properties) {
        this.externalFolder = properties.dir();
        this.shipped = readShipped();
        this.contents = shipped;
        refresh();
    }

    /** The current queries, after re-reading the external folder if it changed. */
    public Contents contents() {
        refresh();
        return contents;
    }

    /** Changes when the external folder's listing does: answers of stored queries may have changed. */
    @Override
    public String version() {
        refresh();
        return Integer.toHexString(externalListing.hashCode());
    }

    public Optional<StoredQuery> find(String name) {
        return Optional.ofNullable(contents().queries().get(name));
    }

    /** A shipped query that a page is drawn from: without it the page cannot be made, which is a build fault. */
    public StoredQuery require(String name, String page) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "The stored query " + name + ".rq behind " + page + " is missing"));
    }

    private synchronized void refresh() {
        if (externalFolder == null) {
            return;
        }
        List<String> listing = listing(externalFolder);
        if (listing.equals(externalListing)) {
            return;
        }
        Map<String, StoredQuery> queries = new TreeMap<>(shipped.queries());
        List<QueryFileProblem> skipped = new ArrayList<>(shipped.skipped());
        for (Path file : queryFiles(externalFolder)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                skip(skipped, new MalformedQueryFileException(file.toString(), 1, "cannot be read: " + e.getMessage()));
                continue;
            }
            read(file.toString(), text, "external", queries, skipped);
        }
        contents = new Contents(Collections.unmodifiableMap(queries), List.copyOf(skipped));
        externalListing = listing;
        log.info("Stored queries: {} served, {} skipped (external folder {})", queries.size(), skipped.size(),
                externalFolder.toAbsolutePath());
    }

    private static Contents readShipped() {
        Map<String, StoredQuery> queries = new TreeMap<>();
        List<QueryFileProblem> skipped = new ArrayList<>();
        // Read as InnoGraph's own SPARQL files are; only the queries at the top of the folder are served.
        SparqlFiles.texts(SHIPPED, QueryCatalogue.class.getClassLoader()).forEach((name, text) -> {
            if (name.endsWith(".rq") && !name.contains("/")) {
                read(SHIPPED + "/" + name, text, "shipped", queries, skipped);
            }
        });
        log.info("Shipped stored queries: {} served, {} skipped", queries.size(), skipped.size());
        return new Contents(Collections.unmodifiableMap(queries), List.copyOf(skipped));
    }

    private static void read(String file, String text, String origin, Map<String, StoredQuery> queries,
                             List<QueryFileProblem> skipped) {
        String fileName = Path.of(file).getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".rq".length());
        try {
            StoredQuery query = QueryFileReader.read(name, file, text, origin);
            StoredQuery replaced = queries.put(name, query);
            if (replaced != null) {
                log.info("Stored query '{}' from {} replaces the {} one", name, file, replaced.origin());
            }
        } catch (MalformedQueryFileException e) {
            skip(skipped, e);
        }
    }

    private static void skip(List<QueryFileProblem> skipped, MalformedQueryFileException e) {
        log.error("Stored query skipped: {}", e.getMessage());
        skipped.add(e.report());
    }

    private static List<Path> queryFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".rq")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot list the query folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private static List<String> listing(Path folder) {
        List<String> listing = new ArrayList<>();
        for (Path file : queryFiles(folder)) {
            try {
                listing.add(file.getFileName() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                listing.add(file.getFileName() + " unreadable");
            }
        }
        // A missing folder differs from an empty one only in the log; both serve the shipped queries.
        return listing.isEmpty() && !Files.isDirectory(folder) ? List.of("(absent)") : listing;
    }
}
