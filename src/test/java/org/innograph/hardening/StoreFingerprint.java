package org.innograph.hardening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.innograph.testing.Http;

/**
 * A cheap picture of the store, read over HTTP like any client: the number of quads in every graph, and a hash of
 * the sorted content of the small graphs (the fuzzer's own, and any graph under 500 quads). Two equal
 * fingerprints mean no refused request changed anything a client can see.
 */
record StoreFingerprint(String countsPerGraph, String smallGraphsHash, boolean leakedFile) {

    /**
     * Every graph but the ranking statistics: InnoGraph derives those from the data and brings them up to date when
     * a query first reads them after a write, so a read may rewrite them; what they hold follows the other graphs.
     */
    private static final String COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            + "FILTER (?g != <https://w3id.org/innograph/graph/statistics>) } GROUP BY ?g ORDER BY ?g";

    static StoreFingerprint of(Http http) {
        String counts = csv(http, COUNTS);
        List<String> small = new ArrayList<>();
        for (String line : counts.split("\r\n")) {
            String[] cells = line.split(",");
            // Only names that can be written back into a query as they are; the others are still counted.
            if (cells.length == 2 && cells[1].matches("\\d+") && Long.parseLong(cells[1]) < 500
                    && cells[0].matches("[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\\\\s\\x00-\\x20]*")) {
                small.add("<" + cells[0] + ">");
            }
        }
        String dump = small.isEmpty() ? "" : csv(http, "SELECT ?g ?s ?p ?o WHERE { VALUES ?g { " + String.join(" ", small)
                + " } GRAPH ?g { ?s ?p ?o } }");
        String[] lines = dump.split("\r\n");
        Arrays.sort(lines);
        return new StoreFingerprint(counts, sha256(String.join("\n", lines)), dump.contains("root:x:0:0"));
    }

    private static String csv(Http http, String query) {
        var response = http.get("/sparql?query=" + Http.encode(query), "text/csv");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the store could not be read: " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What differs, for a report. */
    String differenceFrom(StoreFingerprint before) {
        if (!countsPerGraph.equals(before.countsPerGraph)) {
            return "quads per graph before:\n" + before.countsPerGraph + "after:\n" + countsPerGraph;
        }
        return smallGraphsHash.equals(before.smallGraphsHash) ? "nothing" : "the content of a small graph changed";
    }
}
