package org.innograph.hardening;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Requests whose HTTP itself is wrong: unknown methods, missing or doubled headers, huge headers and URLs, bad
 * percent-encoding, conflicting lengths, chunked bodies cut short, bytes that are not HTTP at all.
 */
final class HttpFraming {

    private static final List<String> PATHS = List.of("/sparql", "/sparql/update", "/sparql/data?graph=urn%3Afuzz%3Ag",
            "/actuator/health", "/", "/api/search?q=x", "/sparql/data?default", "/api/imports");

    private final Random random;

    HttpFraming(Random random) {
        this.random = random;
    }

    FuzzCase next() {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        boolean write = path.startsWith("/sparql/update") || path.startsWith("/sparql/data")
                || path.startsWith("/api/imports");
        String auth = random.nextBoolean() ? "Authorization: " + FuzzCase.GOOD_CREDENTIALS + "\r\n" : "";
        String update = "INSERT DATA { GRAPH <" + FuzzCases.fuzzGraph(random) + "> { <urn:fuzz:framing> <urn:fuzz:p> 1 } }";
        String type = path.startsWith("/sparql/data") ? "text/turtle" : path.startsWith("/sparql/update")
                ? "application/sparql-update" : "application/sparql-query";
        String body = path.startsWith("/sparql/data") ? "<urn:fuzz:framing> <urn:fuzz:p> 1 ." : path.startsWith("/sparql/update")
                ? update : "ASK {}";
        int choice = random.nextInt(16);
        String name = "";
        String raw;
        boolean cut = false;
        switch (choice) {
            case 0 -> {
                name = "unknown method";
                raw = List.of("FOO", "BREW", "GET\u0000", "G E T", "TRACE", "CONNECT", "PROPFIND", "get").get(random.nextInt(8))
                        + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + auth + "\r\n";
            }
            case 1 -> {
                name = "no Host header";
                raw = "GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n";
            }
            case 2 -> {
                name = "two different Content-Lengths";
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type
                        + "\r\n" + auth + "Content-Length: " + body.length() + "\r\nContent-Length: 3\r\n\r\n" + body;
            }
            case 3 -> {
                int size = List.of(9_000, 70_000, 1_000_000).get(random.nextInt(3));
                name = "huge header (" + size + ")";
                raw = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Fuzz: " + "h".repeat(size)
                        + "\r\n\r\n";
            }
            case 4 -> {
                name = "thousands of headers";
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 5_000; i++) {
                    many.append("X-Fuzz-").append(i).append(": ").append(i).append("\r\n");
                }
                raw = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + many + "\r\n";
            }
            case 5 -> {
                name = "bad percent-encoding";
                raw = "GET /sparql?query=" + List.of("%ZZ", "%", "%E2%82", "%C0%AF", "ASK%20%7B%7D%", "%00", "%uFFFF")
                        .get(random.nextInt(7)) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            }
            case 6 -> {
                int size = List.of(8_000, 65_000, 500_000).get(random.nextInt(3));
                name = "huge URL (" + size + ")";
                raw = "GET /sparql?query=" + "A".repeat(size) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            }
            case 7 -> {
                name = "chunked body cut short";
                cut = true;
                String chunk = body.substring(0, body.length() / 2);
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type + "\r\n"
                        + auth + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + chunk;
            }
            case 8 -> {
                name = "Content-Length longer than the body, then closed";
                cut = true;
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type + "\r\n"
                        + auth + "Content-Length: " + (body.length() * 2) + "\r\n\r\n" + body;
            }
            case 9 -> {
                name = "Content-Length and Transfer-Encoding both";
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type + "\r\n"
                        + auth + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length())
                        + "\r\n" + body + "\r\n0\r\n\r\n";
            }
            case 10 -> {
                name = "bad chunk size";
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type + "\r\n"
                        + auth + "Transfer-Encoding: chunked\r\n\r\n" + List.of("zz", "-1", "FFFFFFFFFFFFFFFF", "")
                        .get(random.nextInt(4)) + "\r\n" + body + "\r\n0\r\n\r\n";
            }
            case 11 -> {
                name = "not HTTP";
                byte[] garbage = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(garbage);
                return new FuzzCase("http-framing", name, garbage, false, random.nextBoolean());
            }
            case 12 -> {
                name = "HTTP/0.9 and odd versions";
                raw = "GET " + path + List.of("", " HTTP/0.9", " HTTP/2.0", " HTTP/1.1 extra", " HTTP/9.9")
                        .get(random.nextInt(5)) + "\r\n\r\n";
            }
            case 13 -> {
                name = "Expect: 100-continue, body never sent";
                cut = true;
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type + "\r\n"
                        + auth + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n";
            }
            case 14 -> {
                name = "duplicate Content-Type and Authorization";
                raw = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type
                        + "\r\nContent-Type: text/plain\r\n" + auth + "Authorization: " + FuzzCase.WRONG_CREDENTIALS
                        + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            }
            default -> {
                name = "header without colon, bare LF line ends";
                raw = "POST " + path + " HTTP/1.1\nHost: 127.0.0.1\nConnection: close\nBroken header line\nContent-Type: "
                        + type + "\n" + auth.replace("\r\n", "\n") + "Content-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body;
            }
        }
        return new FuzzCase("http-framing", name + " → " + path + (auth.isEmpty() ? "" : "; writer"),
                raw.getBytes(StandardCharsets.UTF_8), write, cut);
    }
}
