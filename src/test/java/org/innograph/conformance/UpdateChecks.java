package org.innograph.conformance;

import static org.innograph.conformance.Endpoints.encode;
import static org.innograph.conformance.ProtocolChecks.FORM;
import static org.innograph.conformance.ProtocolChecks.UPDATE;
import static org.innograph.conformance.ProtocolChecks.both;
import static org.innograph.conformance.ProtocolChecks.clientError;
import static org.innograph.conformance.ProtocolChecks.status;
import static org.innograph.conformance.Requirement.Level.MUST;
import static org.innograph.conformance.Requirement.Level.SHOULD;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.innograph.conformance.Endpoints.Reply;
import org.innograph.conformance.Requirement.Outcome;

/**
 * The update operation of the SPARQL 1.1 Protocol (§2.2). Every write goes into a graph of the checker's own;
 * every refused request is also checked to have changed nothing.
 */
final class UpdateChecks {

    private UpdateChecks() {
    }

    static List<Requirement> all() {
        List<Requirement> list = new ArrayList<>();
        list.add(new Requirement("P-update-form", "§2.2.1", MUST, "update via URL-encoded POST is executed",
                applied("form", (f, text) -> f.endpoints.post(f.endpoints.update(), FORM, "update=" + encode(text), null,
                        true))));
        list.add(new Requirement("P-update-form-charset", "§2.2.1", MUST,
                "update via URL-encoded POST with `; charset=UTF-8` is executed",
                applied("form-charset", (f, text) -> f.endpoints.post(f.endpoints.update(), FORM + "; charset=UTF-8",
                        "update=" + encode(text), null, true))));
        list.add(new Requirement("P-update-direct", "§2.2.2", MUST, "update via POST directly is executed",
                applied("direct", (f, text) -> f.endpoints.post(f.endpoints.update(), UPDATE, text, null, true))));
        list.add(new Requirement("P-update-direct-charset", "§2.2.2", MUST,
                "update via POST directly with `; charset=utf-8` is executed",
                applied("direct-charset", (f, text) -> f.endpoints.post(f.endpoints.update(), UPDATE + "; charset=utf-8",
                        text, null, true))));
        list.add(new Requirement("P-update-get", "§2.2", MUST,
                "the update operation is POST only: an update sent by GET is refused with 4xx and not executed",
                refused("get", (f, text) -> f.endpoints.send(f.endpoints.authorised(
                        Endpoints.to(f.endpoints.update() + "?update=" + encode(text)).GET())))));
        list.add(new Requirement("P-update-repeated", "§2.2", MUST,
                "exactly one `update`: two `update=` parameters are refused with 4xx and neither is executed",
                UpdateChecks::repeatedUpdate));
        list.add(new Requirement("P-update-missing", "§2.2", MUST,
                "exactly one `update`: a POST form without `update=` is refused with 4xx",
                f -> writable(f).orElseGet(() -> clientError(f.endpoints.post(f.endpoints.update(), FORM,
                        "using-graph-uri=" + encode(f.g1), null, true)))));
        list.add(new Requirement("P-update-non-utf8", "§2.2.2", MUST,
                "update via POST directly in UTF-16 is refused with 4xx and not executed",
                refused("utf16", (f, text) -> f.endpoints.post(f.endpoints.update(), UPDATE + "; charset=UTF-16",
                        text.getBytes(StandardCharsets.UTF_16), null, true))));
        list.add(new Requirement("P-update-form-no-type", "§2.2.1", MUST,
                "a URL-encoded update without its Content-Type is refused with 4xx and not executed",
                refused("form-no-type", (f, text) -> f.endpoints.post(f.endpoints.update(), null,
                        "update=" + encode(text), null, true))));
        list.add(new Requirement("P-update-direct-no-type", "§2.2.2", MUST,
                "a direct update without its Content-Type is refused with 4xx and not executed",
                refused("direct-no-type", (f, text) -> f.endpoints.post(f.endpoints.update(), null, text, null, true))));
        list.add(new Requirement("P-update-wrong-type", "§2.2.2", MUST,
                "an update sent as text/plain is refused with 4xx and not executed",
                refused("wrong-type", (f, text) -> f.endpoints.post(f.endpoints.update(), "text/plain", text, null, true))));
        list.add(new Requirement("P-update-query-type", "§2.2.2", MUST,
                "an update sent as `application/sparql-query` is refused with 4xx and not executed",
                refused("query-type", (f, text) -> f.endpoints.post(f.endpoints.update(), ProtocolChecks.QUERY, text,
                        null, true))));
        list.add(new Requirement("P-update-syntax", "§2.2.5", SHOULD, "an update that is not legal SPARQL gets 400",
                f -> writable(f).orElseGet(() -> status(f.endpoints.update("INSERT DATA { GRAPH <" + f.graph("x")
                        + "> { <urn:x:s> <urn:x:p> } }"), 400))));
        list.add(new Requirement("P-update-using-graph-uri", "§2.2.3", SHOULD,
                "`using-graph-uri=g` acts as `USING <g>`: the WHERE clause sees only g", UpdateChecks::usingGraphUri));
        list.add(new Requirement("P-update-using-named-graph-uri", "§2.2.3", SHOULD,
                "`using-named-graph-uri=g` acts as `USING NAMED <g>`: GRAPH ?g in the WHERE clause sees only g",
                UpdateChecks::usingNamedGraphUri));
        list.add(new Requirement("P-update-using-conflict", "§2.2.3", MUST,
                "`using-graph-uri` together with USING in the update is an error (4xx), and nothing is written",
                UpdateChecks::usingConflict));
        list.add(new Requirement("P-update-base-iri", "§2.3", MUST,
                "the service defines a base IRI: a relative IRI in an update is stored absolute",
                UpdateChecks::baseIri));
        list.add(new Requirement("P-update-default-graph", "§2.2.4", SHOULD,
                "`INSERT DATA { triples }` (the default graph) is executed with 2xx and its triples can be queried",
                UpdateChecks::defaultGraphInsert));
        return list;
    }

    interface Send {
        Reply send(Fixture f, String updateText);
    }

    static Optional<Outcome> writable(Fixture f) {
        return f.writable() ? Optional.empty() : Optional.of(Outcome.notApplicable(f.unwritableReason()));
    }

    /** Sends {@code INSERT DATA} of one triple into a graph of its own; passes when it is 2xx and the triple is there. */
    private static Requirement.Check applied(String name, Send send) {
        return f -> writable(f).orElseGet(() -> {
            String graph = f.graph("update-" + name);
            f.written(graph);
            String triple = f.triple("s-" + name, name);
            Reply reply = send.send(f, "INSERT DATA { GRAPH <" + graph + "> { " + triple + " } }");
            Outcome sent = reply.isSuccess() ? Outcome.pass(Integer.toString(reply.status())) : Outcome.fail(reply.summary());
            return both(sent, f.holds(graph, triple), "the triple is not in the store");
        });
    }

    /** Sends {@code INSERT DATA} that must be refused; passes when it is 4xx and nothing was written. */
    private static Requirement.Check refused(String name, Send send) {
        return f -> writable(f).orElseGet(() -> {
            String graph = f.graph("refused-" + name);
            f.written(graph);
            String triple = f.triple("s-" + name, name);
            Outcome refusal = clientError(send.send(f, "INSERT DATA { GRAPH <" + graph + "> { " + triple + " } }"));
            return both(refusal, f.holds(graph, triple).map(held -> !held), "it was executed all the same");
        });
    }

    private static Outcome repeatedUpdate(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("refused-repeated");
            f.written(graph);
            String first = f.triple("s-first", "first");
            String second = f.triple("s-second", "second");
            Reply reply = f.endpoints.post(f.endpoints.update(), FORM,
                    "update=" + encode("INSERT DATA { GRAPH <" + graph + "> { " + first + " } }") + "&update="
                            + encode("INSERT DATA { GRAPH <" + graph + "> { " + second + " } }"), null, true);
            Optional<Boolean> untouched = f.endpoints.ask("ASK { GRAPH <" + graph + "> { ?s ?p ?o } }").map(held -> !held);
            return both(clientError(reply), untouched, "an update was executed all the same");
        });
    }

    /** INSERTs what the WHERE clause sees into a graph of its own, and tells what ended up there. */
    private static Outcome copyWithDataset(Fixture f, String name, String update, String urlParameters,
            boolean expectS1, boolean expectS2) {
        return writable(f).orElseGet(() -> {
            String target = f.graph(name);
            f.written(target);
            Reply reply = f.endpoints.post(f.endpoints.update() + "?" + urlParameters, UPDATE,
                    update.replace("TARGET", "<" + target + ">"), null, true);
            if (!reply.isSuccess()) {
                return Outcome.fail(reply.summary());
            }
            Optional<Boolean> s1 = f.holds(target, f.triple("s1", "one"));
            Optional<Boolean> s2 = f.holds(target, f.triple("s2", "two"));
            if (s1.isEmpty() || s2.isEmpty()) {
                return Outcome.fail("the follow-up query failed");
            }
            return s1.get() == expectS1 && s2.get() == expectS2 ? Outcome.pass(Integer.toString(reply.status()))
                    : Outcome.fail("the WHERE clause saw g1: " + s1.get() + ", g2: " + s2.get() + " (expected "
                            + expectS1 + ", " + expectS2 + ")");
        });
    }

    private static Outcome usingGraphUri(Fixture f) {
        return copyWithDataset(f, "using", "INSERT { GRAPH TARGET { ?s ?p ?o } } WHERE { ?s ?p ?o }",
                "using-graph-uri=" + encode(f.g1), true, false);
    }

    private static Outcome usingNamedGraphUri(Fixture f) {
        return copyWithDataset(f, "using-named", "INSERT { GRAPH TARGET { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
                "using-named-graph-uri=" + encode(f.g2), false, true);
    }

    private static Outcome usingConflict(Fixture f) {
        return writable(f).orElseGet(() -> {
            String target = f.graph("using-conflict");
            f.written(target);
            Reply reply = f.endpoints.post(f.endpoints.update() + "?using-graph-uri=" + encode(f.g2), UPDATE,
                    "INSERT { GRAPH <" + target + "> { ?s ?p ?o } } USING <" + f.g1 + "> WHERE { ?s ?p ?o }", null, true);
            Optional<Boolean> untouched = f.endpoints.ask("ASK { GRAPH <" + target + "> { ?s ?p ?o } }").map(held -> !held);
            return both(clientError(reply), untouched, "the update was executed all the same");
        });
    }

    private static Outcome baseIri(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("base-iri");
            f.written(graph);
            Reply reply = f.endpoints.update("INSERT DATA { GRAPH <" + graph + "> { <relative/subject> <" + f.predicate
                    + "> \"base\" } }");
            if (!reply.isSuccess()) {
                return Outcome.fail(reply.summary());
            }
            Reply stored = f.endpoints.getQuery("SELECT ?x WHERE { GRAPH <" + graph + "> { ?x ?p ?o } }",
                    ProtocolChecks.JSON);
            Optional<List<org.apache.jena.rdf.model.RDFNode>> subjects = ProtocolChecks.column(stored, "x");
            if (subjects.isEmpty() || subjects.get().size() != 1 || !subjects.get().get(0).isURIResource()) {
                return Outcome.fail("reading it back: " + stored.summary());
            }
            String iri = subjects.get().get(0).asResource().getURI();
            return ProtocolChecks.isServiceBase(iri, "relative/subject") ? Outcome.pass(iri)
                    : Outcome.fail("stored as <" + iri + ">");
        });
    }

    private static Outcome defaultGraphInsert(Fixture f) {
        return writable(f).orElseGet(() -> {
            String triple = f.triple("s-default", "default graph");
            f.writtenToDefaultGraph(triple);
            Reply reply = f.endpoints.update("INSERT DATA { " + triple + " }");
            Outcome sent = reply.isSuccess() ? Outcome.pass(Integer.toString(reply.status())) : Outcome.fail(reply.summary());
            return both(sent, f.endpoints.ask("ASK { " + triple + " }"), "the triple cannot be queried");
        });
    }
}
