package org.innograph.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes the fuzzer's requests. Case {@code i} of seed {@code s} is always the same bytes (its own
 * {@code Random}), so one case can be sent again on its own to reproduce what it found.
 */
final class FuzzCases {

    static final String QUERIES = "src/main/resources/queries";
    private static final List<String> ACCEPTS = List.of("application/sparql-results+json",
            "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/turtle",
            "application/ld+json", "application/n-triples", "application/rdf+xml", "*/*", "text/html",
            "application/x-nothing", "application/json;q=0.1, text/csv;q=0.9", ";;;", "*/*;q=x");
    private static final List<String> SHIPPED_GRAPHS = List.of("inno-industry", "ontology", "themes", "eurovoc");

    private final long seed;
    private final List<String> realQueries;

    FuzzCases(long seed) {
        this.seed = seed;
        try (Stream<Path> files = Files.list(Path.of(QUERIES))) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".rq")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
            this.realQueries = texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FuzzCase get(long index) {
        Random random = new Random(seed * 1_000_003L + index);
        int dice = random.nextInt(100);
        if (dice < 22) {
            return query("query-grammar", new SparqlGrammar(random).query().getBytes(StandardCharsets.UTF_8),
                    "generated", random);
        }
        if (dice < 37) {
            List<String> applied = new ArrayList<>();
            String real = realQueries.get(random.nextInt(realQueries.size()));
            byte[] mutated = random.nextInt(5) == 0 ? real.getBytes(StandardCharsets.UTF_8)
                    : new Mutations(random).mutate(real, applied);
            return query("query-mutated", mutated, applied.isEmpty() ? "unchanged stored query" : String.join(", ", applied),
                    random);
        }
        if (dice < 50) {
            return update("update-grammar", new SparqlGrammar(random).update().getBytes(StandardCharsets.UTF_8),
                    "generated", random);
        }
        if (dice < 58) {
            List<String> applied = new ArrayList<>();
            byte[] mutated = new Mutations(random).mutate(new SparqlGrammar(random).update(), applied);
            return update("update-mutated", mutated, String.join(", ", applied), random);
        }
        if (dice < 78) {
            return new RdfBodies(random).next();
        }
        if (dice < 93) {
            return new HttpFraming(random).next();
        }
        return otherEndpoint(random);
    }

    static String credentials(Random random, List<String> headers) {
        int dice = random.nextInt(10);
        if (dice < 6) {
            headers.add("Authorization: " + FuzzCase.GOOD_CREDENTIALS);
            return "writer";
        }
        if (dice < 8) {
            headers.add("Authorization: " + FuzzCase.WRONG_CREDENTIALS);
            return "wrong password";
        }
        return "anonymous";
    }

    static String accept(Random random, List<String> headers) {
        if (random.nextInt(4) == 0) {
            return "no Accept";
        }
        String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
        headers.add("Accept: " + accept);
        return accept;
    }

    private static String form(String name, byte[] text) {
        return name + "=" + URLEncoder.encode(new String(text, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static FuzzCase query(String kind, byte[] text, String how, Random random) {
        List<String> headers = new ArrayList<>();
        String accept = accept(random, headers);
        return switch (random.nextInt(3)) {
            case 0 -> new FuzzCase(kind, how + "; GET; " + accept,
                    FuzzCase.http("GET", "/sparql?" + form("query", text), headers, null), false, false);
            case 1 -> {
                headers.add("Content-Type: application/x-www-form-urlencoded");
                yield new FuzzCase(kind, how + "; POST form; " + accept, FuzzCase.http("POST", "/sparql", headers,
                        form("query", text).getBytes(StandardCharsets.US_ASCII)), false, false);
            }
            default -> {
                headers.add("Content-Type: application/sparql-query" + (random.nextBoolean() ? "; charset=utf-8" : ""));
                yield new FuzzCase(kind, how + "; POST direct; " + accept, FuzzCase.http("POST", "/sparql", headers,
                        text), false, false);
            }
        };
    }

    private static FuzzCase update(String kind, byte[] text, String how, Random random) {
        List<String> headers = new ArrayList<>();
        String who = credentials(random, headers);
        if (random.nextBoolean()) {
            headers.add("Content-Type: application/x-www-form-urlencoded");
            String body = form("update", text) + (random.nextInt(8) == 0 ? "&" + form("update", text) : "");
            return new FuzzCase(kind, how + "; POST form; " + who, FuzzCase.http("POST", "/sparql/update", headers,
                    body.getBytes(StandardCharsets.US_ASCII)), true, false);
        }
        headers.add("Content-Type: application/sparql-update" + (random.nextBoolean() ? "; charset=utf-8" : ""));
        return new FuzzCase(kind, how + "; POST direct; " + who, FuzzCase.http("POST", "/sparql/update", headers, text),
                true, false);
    }

    private static FuzzCase otherEndpoint(Random random) {
        String junk = List.of("", "x", "%ZZ", "SE31", "..%2F..%2Fetc%2Fpasswd", "<script>", "a".repeat(5_000), "%00",
                "%C3%28", "'", "\\", "-1", "99999999999999999999", "urn:x", "http://[::1").get(random.nextInt(15));
        String path = List.of("/api/search?q=" + junk, "/api/search?q=x&country=" + junk + "&region=" + junk,
                "/resource?uri=" + junk, "/id/practice/" + junk, "/theme/" + junk, "/api/recommendations?region=" + junk,
                "/api/recommendations?themes=" + junk + "&limit=" + junk, "/api/practices/" + junk + "/similar",
                "/api/regions/" + junk + "/peers", "/api/geo/nuts/" + junk, "/api/queries/" + junk,
                "/api/queries/practices-by-region?region=" + junk, "/search?q=" + junk, "/query?query=" + junk,
                "/charts?x=" + junk, "/ontology." + junk, "/.well-known/void", "/admin/queries",
                "/api/dump?format=" + junk, "/sparql?query=&default-graph-uri=" + junk)
                .get(random.nextInt(20));
        List<String> headers = new ArrayList<>();
        String accept = accept(random, headers);
        String method = List.of("GET", "GET", "GET", "HEAD", "POST", "DELETE", "OPTIONS").get(random.nextInt(7));
        boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        String who = write ? credentials(random, headers) : "anonymous";
        return new FuzzCase("other-endpoint", method + " " + path.substring(0, Math.min(path.length(), 60)) + "; "
                + accept + "; " + who, FuzzCase.http(method, path, headers, write ? new byte[0] : null), write, false);
    }

    static String fuzzGraph(Random random) {
        return SparqlGrammar.FUZZ_GRAPH + random.nextInt(3);
    }

    static String shippedGraph(Random random) {
        return "https://w3id.org/innograph/graph/" + SHIPPED_GRAPHS.get(random.nextInt(SHIPPED_GRAPHS.size()));
    }
}
