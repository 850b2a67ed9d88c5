package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.innograph.testing.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile requests, one per row: each gets its status and message, writes nothing, and leaves the
 * server answering. The server's limits here: 64 KB bodies and query/update texts, 3 s per query, 1000 rows, 2 concurrent queries.
 */
class HostileInputTest extends HardenedServer {

    static final String G = Http.encode(SCRATCH);
    static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xFF};

    /** One hostile request: what it is, how to send it, and what must come back. */
    record Hostile(String name, Function<Http, HttpRequest.Builder> request, int status, String says) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> inputs() {
        List<Hostile> rows = new ArrayList<>();
        // --- malformed and huge queries ---
        rows.add(get("unterminated query", "/sparql?query=" + Http.encode("SELECT * WHERE {"), 400, "line 1"));
        rows.add(get("not SPARQL at all", "/sparql?query=" + Http.encode("%%% DROP TABLE users; --"), 400,
                "Malformed query"));
        rows.add(get("empty query", "/sparql?query=", 400, "'query'"));
        rows.add(get("query given twice", "/sparql?query=" + Http.encode("ASK {}") + "&query="
                + Http.encode("ASK {}"), 400, "exactly one"));
        rows.add(get("negative LIMIT", "/sparql?query=" + Http.encode("SELECT * { ?s ?p ?o } LIMIT -1"), 400, ""));
        rows.add(body("query body over the size limit", "/sparql", "application/sparql-query",
                ("# " + "x".repeat(70_000) + "\nASK {}").getBytes(StandardCharsets.UTF_8), false, 413, "64 KB"));
        rows.add(body("form body over the size limit", "/sparql", "application/x-www-form-urlencoded",
                ("query=" + Http.encode("ASK {} #" + "x".repeat(70_000))).getBytes(StandardCharsets.UTF_8), false,
                413, "innograph.sparql.max-text-size"));
        rows.add(get("query in a URL longer than the header limit",
                "/sparql?query=" + Http.encode("ASK { FILTER(\"" + "y".repeat(20_000) + "\") }"), 400, ""));
        rows.add(body("groups nested 20000 deep", "/sparql", "application/sparql-query",
                ("SELECT * " + "{ ".repeat(20_000) + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8), false,
                400, ""));
        rows.add(body("expression nested 20000 deep", "/sparql", "application/sparql-query",
                ("ASK { FILTER(" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ") }")
                        .getBytes(StandardCharsets.UTF_8), false, 400, ""));
        rows.add(body("OPTIONALs nested 3000 deep", "/sparql", "application/sparql-query",
                ("SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(3_000) + "}".repeat(3_000) + " }")
                        .getBytes(StandardCharsets.UTF_8), false, 400, ""));
        rows.add(get("cartesian explosion stopped by the time limit", "/sparql?query=" + Http.encode(
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?q ?r ?t . ?u ?v ?w }"),
                503, "3 s"));
        rows.add(get("cartesian explosion stopped by the row cap", "/sparql?query=" + Http.encode(
                "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"), 422, "max-result-rows"));
        rows.add(get("property path explosion stopped by the time limit", "/sparql?query=" + Http.encode(
                "SELECT (COUNT(*) AS ?n) { ?a (<urn:ex:p>|!<urn:ex:q>)* ?b . ?c (!<urn:ex:q>)* ?d . ?e ?f ?g . ?h ?i ?j . "
                        + "?k ?l ?m }"), 503, "query-timeout"));
        rows.add(get("regular expression with catastrophic backtracking", "/sparql?query=" + Http.encode(
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(CONCAT(STR(?o), \"" + "a".repeat(60) + "\"), \"(.*a){12}c\")) }"),
                503, "query-timeout"));
        rows.add(get("malformed regular expression", "/sparql?query=" + Http.encode(
                "SELECT * { ?s ?p ?o FILTER(REGEX(STR(?o), \"[a-\")) }"), 400, "Malformed query"));
        rows.add(get("bad default-graph-uri", "/sparql?query=" + Http.encode("ASK {}")
                + "&default-graph-uri=" + Http.encode("not an iri"), 400, "not an absolute IRI"));
        rows.add(new Hostile("script in a malformed query is echoed as plain text", http -> http.request("/sparql?query="
                + Http.encode("SELECT <script>alert(1)</script>")).header("Accept", "text/html").GET(), 400, ""));
        // --- invalid UTF-8 and NUL ---
        rows.add(body("invalid UTF-8 in a query body", "/sparql", "application/sparql-query",
                concat("ASK { FILTER(\"", INVALID_UTF8, "\") }"), false, 400, "not valid UTF-8"));
        rows.add(body("invalid UTF-8 in an update body", "/sparql/update", "application/sparql-update",
                concat("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> \"", INVALID_UTF8, "\" } }"), true,
                400, "not valid UTF-8"));
        rows.add(get("invalid UTF-8 percent-encoded in the URL", "/sparql?query=ASK%20%7B%7D%C3%28%FF", 400, ""));
        rows.add(body("invalid UTF-8 in Turtle", "/sparql/data?graph=" + G, "text/turtle",
                concat("<urn:ex:x> <urn:ex:p> \"", INVALID_UTF8, "\" ."), true, 400, "Turtle"));
        rows.add(body("NUL bytes in a query", "/sparql", "application/sparql-query",
                "ASK {\u0000\u0000}".getBytes(StandardCharsets.UTF_8), false, 400, ""));
        // --- wrong or missing content types ---
        rows.add(body("JSON posted as a query, without credentials", "/sparql", "application/json",
                "{\"query\":\"ASK {}\"}".getBytes(StandardCharsets.UTF_8), false, 401, "application/sparql-query"));
        rows.add(body("JSON posted as a query", "/sparql", "application/json",
                "{\"query\":\"ASK {}\"}".getBytes(StandardCharsets.UTF_8), true, 415, "application/sparql-query"));
        rows.add(body("update with no content type", "/sparql/update", null,
                "CLEAR ALL".getBytes(StandardCharsets.UTF_8), true, 415, "application/sparql-update"));
        rows.add(body("update sent as text/plain", "/sparql/update", "text/plain",
                "CLEAR ALL".getBytes(StandardCharsets.UTF_8), true, 415, ""));
        rows.add(body("a media type that does not parse", "/sparql", "application/sparql-query;;;=\"",
                "ASK {}".getBytes(StandardCharsets.UTF_8), false, 415, "not a media type"));
        rows.add(body("graph with no content type", "/sparql/data?graph=" + G, null,
                "<urn:ex:x> <urn:ex:p> 1 .".getBytes(StandardCharsets.UTF_8), true, 415, "text/turtle"));
        rows.add(body("graph as a PDF", "/sparql/data?graph=" + G, "application/pdf",
                "%PDF-1.7".getBytes(StandardCharsets.UTF_8), true, 415, ""));
        rows.add(body("graph as HTML with a script", "/sparql/data?graph=" + G, "text/html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), true, 415, ""));
        rows.add(body("CSV sent as a graph", "/sparql/data?graph=" + G, "text/csv",
                "id,name\n1,\"unterminated\n".getBytes(StandardCharsets.UTF_8), true, 415, ""));
        rows.add(body("CSV sent as an update", "/sparql/update", "text/csv",
                "id,name\n1,x\n".getBytes(StandardCharsets.UTF_8), true, 415, ""));
        // --- broken RDF ---
        rows.add(body("Turtle missing its object", "/sparql/data?graph=" + G, "text/turtle",
                "<urn:ex:x> <urn:ex:p> .".getBytes(StandardCharsets.UTF_8), true, 400, "line: 1"));
        rows.add(body("Turtle with an undeclared prefix", "/sparql/data?graph=" + G, "text/turtle",
                "ex:x ex:p 1 .".getBytes(StandardCharsets.UTF_8), true, 400, "ex"));
        rows.add(body("Turtle broken after many good triples", "/sparql/data?graph=" + G, "text/turtle",
                ("<urn:ex:x> <urn:ex:p> 1 .\n".repeat(1_000) + "<urn:ex:x> <urn:ex:p> \"open\n")
                        .getBytes(StandardCharsets.UTF_8), true, 400, "line: 1002"));
        rows.add(body("Turtle blank nodes nested 4000 deep", "/sparql/data?graph=" + G, "text/turtle",
                ("<urn:ex:x> <urn:ex:p> " + "[<urn:ex:p>".repeat(4_000) + "1" + "]".repeat(4_000) + " .")
                        .getBytes(StandardCharsets.UTF_8), true, 400, ""));
        rows.add(body("JSON-LD that is not JSON", "/sparql/data?graph=" + G, "application/ld+json",
                "{\"@id\": \"urn:ex:x\", ".getBytes(StandardCharsets.UTF_8), true, 400, "JSON-LD"));
        rows.add(body("JSON-LD with a number as @id", "/sparql/data?graph=" + G, "application/ld+json",
                "{\"@id\": 5, \"urn:ex:p\": 1}".getBytes(StandardCharsets.UTF_8), true, 400, "JSON-LD"));
        rows.add(body("JSON-LD arrays nested 20000 deep", "/sparql/data?graph=" + G, "application/ld+json",
                ("{\"@id\":\"urn:ex:x\",\"urn:ex:p\":" + "[".repeat(20_000) + "1" + "]".repeat(20_000) + "}")
                        .getBytes(StandardCharsets.UTF_8), true, 400, ""));
        rows.add(body("RDF/XML that is not XML", "/sparql/data?graph=" + G, "application/rdf+xml",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><oops>"
                        .getBytes(StandardCharsets.UTF_8), true, 400, "RDF/XML"));
        rows.add(body("RDF/XML billion laughs", "/sparql/data?graph=" + G, "application/rdf+xml",
                billionLaughs().getBytes(StandardCharsets.UTF_8), true, 400, ""));
        rows.add(body("N-Triples with a literal as subject", "/sparql/data?graph=" + G, "application/n-triples",
                "\"x\" <urn:ex:p> \"1\" .\n".getBytes(StandardCharsets.UTF_8), true, 400, "N-Triples"));
        // --- imports (CSV and RDF through /api/imports) ---
        rows.add(post("CSV import that is not the template", "/api/imports", "text/csv",
                "gp_id,title,sumary\nT-1,A practice,Text\n", true, 422, "sumary"));
        rows.add(post("CSV import with an unclosed quote", "/api/imports", "text/csv",
                String.join(",", org.innograph.ingest.PracticeTemplate.COLUMNS) + "\nT-1,\"A practice,AT\n", true,
                400, "Malformed CSV"));
        rows.add(post("CSV import without credentials", "/api/imports", "text/csv", "gp_id\nT-1\n", false, 401, ""));
        rows.add(post("import batch id that climbs out", "/api/imports?batch=" + Http.encode("../../etc/passwd"),
                "text/turtle", "<urn:ex:x> <urn:ex:p> 1 .", true, 400, "not allowed"));
        rows.add(post("import of broken Turtle", "/api/imports", "text/turtle", "<urn:ex:x> <urn:ex:p> .", true, 400,
                "Malformed Turtle"));
        rows.add(post("import as an executable", "/api/imports", "application/x-msdownload", "MZ", true, 415, ""));
        // --- updates ---
        rows.add(body("malformed update", "/sparql/update", "application/sparql-update",
                ("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> } }").getBytes(StandardCharsets.UTF_8),
                true, 400, "line 1"));
        rows.add(body("update without credentials", "/sparql/update", "application/sparql-update",
                ("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> 1 } }").getBytes(StandardCharsets.UTF_8),
                false, 401, "credentials"));
        rows.add(body("script in a literal, without credentials", "/sparql/update", "application/sparql-update",
                ("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> \"<script>alert(1)</script>\" } }")
                        .getBytes(StandardCharsets.UTF_8), false, 401, ""));
        rows.add(body("oversized literal in an update", "/sparql/update", "application/sparql-update",
                ("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> \"" + "z".repeat(100_000) + "\" } }")
                        .getBytes(StandardCharsets.UTF_8), true, 413, "64 KB"));
        rows.add(body("oversized literal in a graph", "/sparql/data?graph=" + G, "text/turtle",
                ("<urn:ex:x> <urn:ex:p> \"" + "z".repeat(100_000) + "\" .").getBytes(StandardCharsets.UTF_8), true, 413, ""));
        rows.add(body("update that is half good, half broken", "/sparql/update", "application/sparql-update",
                ("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> 1 } } ; INSERT DATA { GRAPH <" + SCRATCH
                        + "> { <urn:ex:y> } }").getBytes(StandardCharsets.UTF_8), true, 400, ""));
        rows.add(body("update nested 20000 deep", "/sparql/update", "application/sparql-update",
                ("INSERT { GRAPH <" + SCRATCH + "> { <urn:ex:x> <urn:ex:p> 1 } } WHERE " + "{ ".repeat(20_000)
                        + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8), true, 400, ""));
        rows.add(body("update over the time limit", "/sparql/update", "application/sparql-update",
                ("INSERT { GRAPH <" + SCRATCH + "> { ?a <urn:ex:p> ?d } } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
                        + "?j ?k ?l . ?m ?n ?o . ?q ?r ?s FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), STR(?l), STR(?o), STR(?s))) }").getBytes(StandardCharsets.UTF_8), true,
                503, "update-timeout"));
        // --- path traversal in graph names and slugs ---
        rows.add(body("graph name that is a relative path", "/sparql/data?graph=" + Http.encode("../../etc/passwd"),
                "text/turtle", "<urn:ex:x> <urn:ex:p> 1 .".getBytes(StandardCharsets.UTF_8), true, 400,
                "not an absolute IRI"));
        rows.add(body("graph name with .. segments", "/sparql/data?graph="
                + Http.encode("https://w3id.org/innograph/graph/x/../ontology"), "text/turtle",
                "<urn:ex:x> <urn:ex:p> 1 .".getBytes(StandardCharsets.UTF_8), true, 400, "'..'"));
        rows.add(get("encoded traversal in a slug", "/id/practice/..%2F..%2F..%2Fetc%2Fpasswd", 400, ""));
        rows.add(get("dot segments in a slug", "/id/practice/%2e%2e/%2e%2e/etc/passwd", 400, ""));
        rows.add(get("traversal under the graph store", "/sparql/data/..;/..;/etc/passwd", 400, ""));
        rows.add(delete("delete of the whole dataset", "/sparql/data", 400, "?graph="));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void isRefusedWritesNothingAndLeavesTheServerAnswering(Hostile hostile) {
        long before = triples();
        HttpResponse<String> response = http.send(hostile.request().apply(http));
        assertThat(response.statusCode()).as(hostile.name() + ": " + response.body()).isEqualTo(hostile.status());
        assertThat(response.body()).contains(hostile.says());
        // Errors come back as plain text; the few the servlet container answers itself (as HTML) carry nothing
        // of the request, so nothing a request carried can run in a browser.
        if (response.headers().firstValue("Content-Type").orElse("").contains("html")) {
            assertThat(response.body()).doesNotContain("<script").doesNotContain("passwd");
        }
        assertThat(triples()).as("triples after " + hostile.name()).isEqualTo(before);
        assertThat(http.get("/sparql?query=" + Http.encode("ASK { ?s ?p ?o }"), null).statusCode()).isEqualTo(200);
    }

    private static Hostile get(String name, String path, int status, String says) {
        return new Hostile(name, http -> http.request(path).GET(), status, says);
    }

    private static Hostile post(String name, String path, String contentType, String body, boolean asWriter,
            int status, String says) {
        return new Hostile(name, http -> {
            HttpRequest.Builder request = http.request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            return asWriter ? Http.withWriter(request) : request;
        }, status, says);
    }

    private static Hostile delete(String name, String path, int status, String says) {
        return new Hostile(name, http -> Http.withWriter(http.request(path).DELETE()), status, says);
    }

    private static Hostile body(String name, String path, String contentType, byte[] body, boolean asWriter,
            int status, String says) {
        return new Hostile(name, http -> {
            HttpRequest.Builder request = http.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (path.startsWith("/sparql/data")) {
                request = http.request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return asWriter ? Http.withWriter(request) : request;
        }, status, says);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY lol \"lol\">\n");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">\n");
            previous = "lol" + i;
        }
        return dtd + "]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"urn:ex:\">"
                + "<rdf:Description rdf:about=\"urn:ex:x\"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>";
    }
}
