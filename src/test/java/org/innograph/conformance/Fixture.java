package org.innograph.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.innograph.conformance.Endpoints.Reply;

/**
 * What the checks write and read: two small named graphs of the checker's own, under IRIs no server holds, made
 * through the Graph Store Protocol (or SPARQL Update where that fails) and removed afterwards. Every write the
 * checks make is recorded here so that {@link #cleanUp()} can take it back.
 */
final class Fixture {

    final Endpoints endpoints;
    final String base;
    final String g1;
    final String g2;
    final String predicate;
    private final Set<String> graphsWritten = new LinkedHashSet<>();
    private final List<String> defaultGraphTriples = new ArrayList<>();
    private String unwritableReason;

    Fixture(Endpoints endpoints) {
        this.endpoints = endpoints;
        this.base = "http://example.org/conformance/" + UUID.randomUUID() + "/";
        this.g1 = graph("g1");
        this.g2 = graph("g2");
        this.predicate = base + "p";
    }

    String graph(String name) {
        return base + "graph/" + name;
    }

    String subject(String name) {
        return base + name;
    }

    /** An N-Triples line of this run: {@code <base+subject> <base+p> "value" .} */
    String triple(String subject, String value) {
        return "<" + subject(subject) + "> <" + predicate + "> \"" + value + "\" .";
    }

    /** Creates g1 (s1 "one") and g2 (s2 "two"); if that is refused, the checks that need them say why. */
    void setUp() {
        for (String[] graph : new String[][] {{g1, triple("s1", "one")}, {g2, triple("s2", "two")}}) {
            Reply reply = put(graph[0], "text/turtle", graph[1]);
            if (!reply.isSuccess()) {
                Reply update = endpoints.update("INSERT DATA { GRAPH <" + graph[0] + "> { " + graph[1] + " } }");
                if (!update.isSuccess()) {
                    unwritableReason = "cannot write fixture graphs (Graph Store PUT: " + reply.summary()
                            + "; SPARQL Update: " + update.summary() + ")"
                            + (endpoints.hasCredentials() ? "" : "; no credentials were given");
                    return;
                }
            }
        }
    }

    boolean writable() {
        return unwritableReason == null;
    }

    String unwritableReason() {
        return unwritableReason;
    }

    Reply put(String graph, String contentType, String body) {
        graphsWritten.add(graph);
        var request = Endpoints.to(endpoints.graphUrl(graph))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return endpoints.send(endpoints.authorised(request));
    }

    /** Notes a graph a check may have written some other way. */
    void written(String graph) {
        graphsWritten.add(graph);
    }

    /** Notes a triple a check may have written into the default graph. */
    void writtenToDefaultGraph(String nTriple) {
        defaultGraphTriples.add(nTriple);
    }

    /** Does the service's default dataset hold this triple in that graph? Empty when the question failed. */
    java.util.Optional<Boolean> holds(String graph, String nTriple) {
        return endpoints.ask("ASK { GRAPH <" + graph + "> { " + nTriple + " } }");
    }

    /** Takes back every write: the graphs this run named, and its triples in the default graph. */
    void cleanUp() {
        for (String graph : graphsWritten) {
            endpoints.send(endpoints.authorised(Endpoints.to(endpoints.graphUrl(graph)).DELETE()));
        }
        graphsWritten.add(g1);
        graphsWritten.add(g2);
        StringBuilder drop = new StringBuilder();
        for (String graph : graphsWritten) {
            drop.append("DROP SILENT GRAPH <").append(graph).append("> ;\n");
        }
        endpoints.update(drop.toString());
        if (!defaultGraphTriples.isEmpty()) {
            endpoints.update("DELETE DATA { " + String.join("\n", defaultGraphTriples) + " }");
        }
    }
}
