package org.innograph.hardening;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Graph Store Protocol requests with RDF bodies: Turtle, N-Triples, JSON-LD and RDF/XML, valid or spoilt, with
 * the right Content-Type, a wrong one, none, or odd charsets; aimed at the fuzzer's graphs, the default graph,
 * the whole store, shipped graphs, or graph names that are not IRIs.
 */
final class RdfBodies {

    private final Random random;

    RdfBodies(Random random) {
        this.random = random;
    }

    FuzzCase next() {
        int count = List.of(1, 3, 20, 2_000).get(random.nextInt(4));
        int syntax = random.nextInt(4);
        String body = switch (syntax) {
            case 0 -> turtle(count);
            case 1 -> nTriples(count);
            case 2 -> jsonLd(count);
            default -> rdfXml(count);
        };
        String rightType = List.of("text/turtle", "application/n-triples", "application/ld+json",
                "application/rdf+xml").get(syntax);
        List<String> applied = new ArrayList<>();
        byte[] bytes = random.nextInt(3) == 0 ? new Mutations(random).mutate(body, applied)
                : body.getBytes(StandardCharsets.UTF_8);
        String contentType = switch (random.nextInt(10)) {
            case 0 -> rightType + "; charset=utf-8";
            case 1 -> rightType + "; charset=ISO-8859-1";
            case 2 -> {
                bytes = body.getBytes(StandardCharsets.UTF_16);
                yield rightType + (random.nextBoolean() ? "; charset=utf-16" : "; charset=utf-8");
            }
            case 3 -> List.of("application/json", "text/plain", "application/sparql-update", "text/turtle;;;charset",
                    "x", "", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded")
                    .get(random.nextInt(8));
            case 4 -> null;
            case 5 -> rightType + "; charset=bogus-charset; q=\"";
            default -> rightType;
        };
        String target = switch (random.nextInt(9)) {
            case 0 -> "?default";
            case 1 -> "";
            case 2 -> "?graph=" + URLEncoder.encode(FuzzCases.shippedGraph(random), StandardCharsets.UTF_8);
            case 3 -> List.of("?graph=relative", "?graph=%ZZ", "?graph=", "?graph=a&graph=b", "?default&graph=urn:x",
                    "?graph=" + "x".repeat(9_000), "?graph=urn:x%00y").get(random.nextInt(7));
            default -> "?graph=" + URLEncoder.encode(FuzzCases.fuzzGraph(random), StandardCharsets.UTF_8);
        };
        String method = List.of("PUT", "PUT", "POST", "POST", "DELETE", "GET", "HEAD", "PATCH").get(random.nextInt(8));
        List<String> headers = new ArrayList<>();
        String who = FuzzCases.credentials(random, headers);
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        String accept = method.equals("GET") || method.equals("HEAD") ? FuzzCases.accept(random, headers) : "";
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        byte[] sent = method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") ? null : bytes;
        String summary = method + " " + (target.length() > 60 ? target.substring(0, 60) + "…" : target) + "; "
                + rightType + " " + count + " triples" + (applied.isEmpty() ? "" : " (" + String.join(", ", applied) + ")")
                + "; Content-Type " + contentType + "; " + who + (accept.isEmpty() ? "" : "; " + accept);
        return new FuzzCase("rdf-body", summary, FuzzCase.http(method, "/sparql/data" + target, headers, sent), write,
                false);
    }

    private String subject(int i) {
        return "urn:fuzz:s" + i;
    }

    private String turtle(int count) {
        StringBuilder text = new StringBuilder("@prefix f: <urn:fuzz:> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n");
        for (int i = 0; i < count; i++) {
            text.append("f:s").append(i).append(" f:p \"value ").append(i).append(" é日\"@en ; f:n ").append(i)
                    .append(" ; f:d \"2020-01-0").append(1 + i % 9).append("\"^^xsd:date .\n");
        }
        if (random.nextBoolean()) {
            text.append("[] f:p ( 1 2 3 ) .\n");
        }
        return text.toString();
    }

    private String nTriples(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append('<').append(subject(i)).append("> <urn:fuzz:p> \"value ").append(i).append("\" .\n");
        }
        return text.toString();
    }

    private String jsonLd(int count) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append("{\"@id\":\"").append(subject(i))
                    .append("\",\"urn:fuzz:p\":[{\"@value\":\"value ").append(i).append("\",\"@language\":\"en\"}]}");
        }
        if (random.nextInt(4) == 0) {
            // A remote context: must never be fetched.
            text.insert(1, "{\"@context\":\"http://127.0.0.1:9/context.jsonld\",\"@id\":\"urn:fuzz:c\"},");
        }
        return text.append(']').toString();
    }

    private String rdfXml(int count) {
        StringBuilder text = new StringBuilder("<?xml version=\"1.0\"?>\n");
        if (random.nextInt(4) == 0) {
            // An external entity: must never be resolved.
            text.append("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n");
        }
        text.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:f=\"urn:fuzz:\">\n");
        String entity = text.indexOf("ENTITY") > 0 ? "&e;" : "";
        for (int i = 0; i < count; i++) {
            text.append("<rdf:Description rdf:about=\"").append(subject(i)).append("\"><f:p>value ").append(i)
                    .append(entity).append("</f:p></rdf:Description>\n");
        }
        return text.append("</rdf:RDF>\n").toString();
    }
}
