package org.innograph.conformance;

import static org.innograph.conformance.ProtocolChecks.both;
import static org.innograph.conformance.ProtocolChecks.status;
import static org.innograph.conformance.Requirement.Level.MUST;
import static org.innograph.conformance.Requirement.Level.SHOULD;
import static org.innograph.conformance.UpdateChecks.writable;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.riot.Lang;
import org.innograph.conformance.Endpoints.Reply;
import org.innograph.conformance.Requirement.Outcome;

/**
 * The requirements of the SPARQL 1.1 Graph Store HTTP Protocol (W3C Recommendation 21 March 2013,
 * https://www.w3.org/TR/sparql11-http-rdf-update/), with indirect graph identification ({@code ?graph=},
 * {@code ?default}). Writes go into graphs of the checker's own; PUT and DELETE of the default graph are not
 * run, because on a real server they would replace or wipe data that is not the checker's.
 */
final class GraphStoreChecks {

    private static final Set<String> GET_DEFAULT_SYNTAXES = Set.of("application/rdf+xml", "text/turtle",
            "application/n-triples");

    private GraphStoreChecks() {
    }

    static List<Requirement> all() {
        List<Requirement> list = new ArrayList<>();
        list.add(new Requirement("G-put-new", "§5.3", MUST, "PUT of a new graph stores it and answers 201 Created",
                GraphStoreChecks::putNew));
        list.add(new Requirement("G-put-existing", "§5.3", MUST,
                "PUT of an existing graph replaces it and answers 200 or 204", GraphStoreChecks::putExisting));
        list.add(new Requirement("G-put-charset", "§5", MUST,
                "PUT with `text/turtle; charset=utf-8` is parsed as Turtle (media-type parameters)",
                f -> stored(f, "charset", "text/turtle; charset=utf-8", 200, 201, 204)));
        for (Lang lang : Rdf.GRAPH_SYNTAXES) {
            list.add(new Requirement("G-put-" + lang.getFileExtensions().get(0), "§5", MUST,
                    "PUT as " + lang.getContentType().getContentTypeStr() + " is parsed in that syntax, or refused with 415",
                    f -> syntax(f, lang)));
        }
        list.add(new Requirement("G-put-no-type", "§5", SHOULD,
                "PUT without Content-Type is parsed as RDF/XML", f -> stored(f, "no-type", null, 200, 201, 204)));
        list.add(new Requirement("G-bad-payload", "§5.1", MUST,
                "an RDF payload that does not parse in its Content-Type gets 400 and changes nothing",
                GraphStoreChecks::badPayload));
        list.add(new Requirement("G-unsupported-type", "§5.1", MUST,
                "PUT or POST with a Content-Type the store does not understand gets 415 and changes nothing",
                GraphStoreChecks::unsupportedType));
        list.add(new Requirement("G-unsupported-verb", "§5.1", MUST,
                "an unsupported verb (PATCH with a text/plain body) gets 405", GraphStoreChecks::unsupportedVerb));
        list.add(new Requirement("G-get", "§5.2", MUST, "GET of a graph returns its triples",
                f -> writable(f).orElseGet(() -> Rdf.graphIn(f.endpoints.get(f.endpoints.graphUrl(f.g1), "text/turtle"),
                        null, f.subject("s1")))));
        list.add(new Requirement("G-get-no-accept", "§5", MUST,
                "GET without Accept returns RDF/XML, Turtle or N-Triples", GraphStoreChecks::getWithoutAccept));
        list.add(new Requirement("G-get-accept-parameters", "§4.2", MUST,
                "GET with `Accept: text/turtle; charset=utf-8` (the specification's own example) returns Turtle",
                f -> writable(f).orElseGet(() -> Rdf.graphIn(f.endpoints.get(f.endpoints.graphUrl(f.g1),
                        "text/turtle; charset=utf-8"), Lang.TURTLE, f.subject("s1")))));
        list.add(new Requirement("G-get-conneg", "§5.2", SHOULD,
                "GET answers in the format Accept prefers (N-Triples)",
                f -> writable(f).orElseGet(() -> Rdf.graphIn(f.endpoints.get(f.endpoints.graphUrl(f.g1),
                        "application/n-triples, text/turtle;q=0.5"), Lang.NTRIPLES, f.subject("s1")))));
        list.add(new Requirement("G-get-406", "§5.2", SHOULD, "GET with an Accept the store cannot meet gets 406",
                f -> writable(f).orElseGet(() -> status(f.endpoints.get(f.endpoints.graphUrl(f.g1),
                        "application/x-not-a-format"), 406))));
        list.add(new Requirement("G-get-missing", "§5.1", MUST, "GET of a graph that does not exist gets 404",
                f -> status(f.endpoints.get(f.endpoints.graphUrl(f.graph("never-written")), "text/turtle"), 404)));
        list.add(new Requirement("G-get-default", "§4.2", MUST, "GET `?default` returns the default graph as RDF",
                f -> Rdf.graphIn(f.endpoints.get(f.endpoints.defaultGraphUrl(), "application/n-triples"), null, null)));
        list.add(new Requirement("G-relative-iri", "§4.2", MUST, "`?graph=` with a relative IRI gets 400",
                f -> status(f.endpoints.get(f.endpoints.graphStore() + "?graph=relative%2Fgraph", "text/turtle"), 400)));
        list.add(new Requirement("G-head", "§5.6", MUST, "HEAD is GET without a body: same status and Content-Type",
                GraphStoreChecks::head));
        list.add(new Requirement("G-head-missing", "§5.6", MUST, "HEAD of a graph that does not exist gets 404",
                f -> status(f.endpoints.send(Endpoints.to(f.endpoints.graphUrl(f.graph("never-written")))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())), 404)));
        list.add(new Requirement("G-post-merge", "§5.5", MUST,
                "POST to an existing graph merges the payload into it (200 or 204)", GraphStoreChecks::postMerge));
        list.add(new Requirement("G-post-empty", "§5.5", SHOULD, "POST with an empty body answers 204",
                f -> writable(f).orElseGet(() -> status(f.endpoints.post(f.endpoints.graphUrl(f.g1), "text/turtle",
                        new byte[0], null, true), 204))));
        list.add(new Requirement("G-post-store", "§5.5", MUST,
                "POST to the Graph Store itself creates a new graph and says where (201 and Location, SHOULD)",
                GraphStoreChecks::postToStore));
        list.add(new Requirement("G-post-default", "§5.5", MUST,
                "POST `?default` merges the payload into the default graph (as INSERT DATA does)",
                GraphStoreChecks::postDefault));
        list.add(new Requirement("G-delete", "§5.4", MUST, "DELETE of a graph removes it and answers 200 or 204",
                GraphStoreChecks::delete));
        list.add(new Requirement("G-delete-missing", "§5.4", MUST, "DELETE of a graph that does not exist gets 404",
                f -> writable(f).orElseGet(() -> status(f.endpoints.send(f.endpoints.authorised(Endpoints.to(
                        f.endpoints.graphUrl(f.graph("never-written"))).DELETE())), 404))));
        list.add(new Requirement("G-put-default", "§5.3", MUST, "PUT `?default` replaces the default graph",
                f -> Outcome.notApplicable("not run: it would replace the server's default graph")));
        list.add(new Requirement("G-delete-default", "§5.4", MUST, "DELETE `?default` clears the default graph",
                f -> Outcome.notApplicable("not run: it would clear the server's default graph")));
        return list;
    }

    private static String turtle(Fixture f, String subject, String value) {
        return f.triple(subject, value) + "\n";
    }

    private static Outcome putNew(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("put-new");
            Reply reply = f.put(graph, "text/turtle", turtle(f, "s-put", "new"));
            return both(status(reply, 201), f.holds(graph, f.triple("s-put", "new")), "the triple is not stored");
        });
    }

    private static Outcome putExisting(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("put-existing");
            Reply first = f.put(graph, "text/turtle", turtle(f, "s-put", "before"));
            if (!first.isSuccess()) {
                return Outcome.fail("the first PUT failed: " + first.summary());
            }
            Reply second = f.put(graph, "text/turtle", turtle(f, "s-put", "after"));
            Optional<Boolean> replaced = f.holds(graph, f.triple("s-put", "after"))
                    .flatMap(after -> f.holds(graph, f.triple("s-put", "before")).map(before -> after && !before));
            return both(status(second, 200, 204), replaced, "the graph was not replaced");
        });
    }

    /** PUTs one triple with this Content-Type (null: none) and checks the status and that it is stored. */
    private static Outcome stored(Fixture f, String name, String contentType, int... statuses) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("put-" + name);
            String body = contentType == null ? rdfXml(f, "s-" + name, name) : turtle(f, "s-" + name, name);
            return both(status(f.put(graph, contentType, body), statuses), f.holds(graph, f.triple("s-" + name, name)),
                    "the triple is not stored");
        });
    }

    private static String rdfXml(Fixture f, String subject, String value) {
        String predicate = f.predicate;
        int split = predicate.lastIndexOf('/') + 1;
        return "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:c=\""
                + predicate.substring(0, split) + "\">\n  <rdf:Description rdf:about=\"" + f.subject(subject) + "\">\n"
                + "    <c:" + predicate.substring(split) + ">" + value + "</c:" + predicate.substring(split)
                + ">\n  </rdf:Description>\n</rdf:RDF>\n";
    }

    private static String body(Fixture f, Lang lang, String subject, String value) {
        if (lang.equals(Lang.RDFXML)) {
            return rdfXml(f, subject, value);
        }
        if (lang.equals(Lang.JSONLD)) {
            return "{ \"@id\": \"" + f.subject(subject) + "\", \"" + f.predicate + "\": \"" + value + "\" }";
        }
        return turtle(f, subject, value);
    }

    private static Outcome syntax(Fixture f, Lang lang) {
        return writable(f).orElseGet(() -> {
            String name = lang.getFileExtensions().get(0);
            String graph = f.graph("syntax-" + name);
            Reply reply = f.put(graph, lang.getContentType().getContentTypeStr(), body(f, lang, "s-" + name, name));
            if (reply.status() == 415) {
                return Outcome.pass("415 (not a syntax this store reads)");
            }
            return both(status(reply, 200, 201, 204), f.holds(graph, f.triple("s-" + name, name)),
                    "the triple is not stored");
        });
    }

    private static Outcome badPayload(Fixture f) {
        return writable(f).orElseGet(() -> {
            Reply reply = f.put(f.g1, "text/turtle", "<urn:x:s> <urn:x:p> \"unterminated .\n");
            return both(status(reply, 400), f.holds(f.g1, f.triple("s1", "one")), "g1 was changed");
        });
    }

    private static Outcome unsupportedType(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("unsupported");
            f.written(graph);
            Reply put = f.put(graph, "application/x-not-rdf", turtle(f, "s-unsupported", "x"));
            Reply post = f.endpoints.post(f.endpoints.graphUrl(graph), "application/x-not-rdf",
                    turtle(f, "s-unsupported", "x"), null, true);
            Outcome statuses = put.status() != 415 ? Outcome.fail("PUT: " + put.summary())
                    : post.status() != 415 ? Outcome.fail("POST: " + post.summary()) : Outcome.pass("415");
            return both(statuses, f.endpoints.ask("ASK { GRAPH <" + graph + "> { ?s ?p ?o } }").map(held -> !held),
                    "the graph was written all the same");
        });
    }

    private static Outcome unsupportedVerb(Fixture f) {
        return writable(f).orElseGet(() -> status(f.endpoints.send(f.endpoints.authorised(Endpoints.to(
                f.endpoints.graphUrl(f.g1)).header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("not a patch", StandardCharsets.UTF_8)))), 405));
    }

    private static Outcome getWithoutAccept(Fixture f) {
        return writable(f).orElseGet(() -> {
            Reply reply = f.endpoints.get(f.endpoints.graphUrl(f.g1), null);
            if (!GET_DEFAULT_SYNTAXES.contains(reply.mediaType())) {
                return Outcome.fail("Content-Type " + reply.mediaType() + ": " + reply.summary());
            }
            return Rdf.graphIn(reply, null, f.subject("s1"));
        });
    }

    private static Outcome head(Fixture f) {
        return writable(f).orElseGet(() -> {
            Reply get = f.endpoints.get(f.endpoints.graphUrl(f.g1), "text/turtle");
            Reply head = f.endpoints.send(Endpoints.to(f.endpoints.graphUrl(f.g1)).header("Accept", "text/turtle")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            if (head.status() != get.status() || !head.mediaType().equals(get.mediaType())) {
                return Outcome.fail("HEAD " + head.summary() + " but GET " + get.status() + " " + get.mediaType());
            }
            return head.body().length == 0 ? Outcome.pass(head.status() + " " + head.mediaType())
                    : Outcome.fail("HEAD returned a body of " + head.body().length + " bytes");
        });
    }

    private static Outcome postMerge(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("post-merge");
            Reply first = f.put(graph, "text/turtle", turtle(f, "s-merge", "first"));
            if (!first.isSuccess()) {
                return Outcome.fail("the PUT before failed: " + first.summary());
            }
            Reply post = f.endpoints.post(f.endpoints.graphUrl(graph), "text/turtle", turtle(f, "s-merge", "second"),
                    null, true);
            Optional<Boolean> merged = f.holds(graph, f.triple("s-merge", "first"))
                    .flatMap(a -> f.holds(graph, f.triple("s-merge", "second")).map(b -> a && b));
            return both(status(post, 200, 204), merged, "the graph does not hold both triples");
        });
    }

    private static Outcome postToStore(Fixture f) {
        return writable(f).orElseGet(() -> {
            String triple = f.triple("s-store", "posted to the store");
            Reply reply = f.endpoints.post(f.endpoints.graphStore(), "text/turtle", triple + "\n", null, true);
            f.writtenToDefaultGraph(triple);
            // Where did it go? A new named graph is what §5.5 asks for.
            Reply where = f.endpoints.getQuery("SELECT ?x WHERE { GRAPH ?x { " + triple + " } }",
                    ProtocolChecks.JSON);
            List<String> graphs = new ArrayList<>();
            ProtocolChecks.column(where, "x").ifPresent(values -> values.forEach(v -> graphs.add(v.toString())));
            graphs.forEach(f::written);
            if (!reply.isSuccess()) {
                return Outcome.fail(reply.summary());
            }
            if (graphs.isEmpty()) {
                return Outcome.fail(reply.status() + ": the triples are in no named graph");
            }
            if (reply.status() != 201 || reply.location().isEmpty()) {
                return Outcome.fail(reply.status() + " without Location: the new graph is <" + graphs.get(0) + ">");
            }
            URI location = URI.create(f.endpoints.graphStore()).resolve(reply.location().get());
            Reply get = f.endpoints.get(location.toString(), "text/turtle");
            return Rdf.holds(get, f, "s-store", "posted to the store")
                    ? Outcome.pass("201, Location " + reply.location().get())
                    : Outcome.fail("201, but GET of Location " + location + ": " + get.summary());
        });
    }

    private static Outcome postDefault(Fixture f) {
        return writable(f).orElseGet(() -> {
            String triple = f.triple("s-default-post", "posted to the default graph");
            f.writtenToDefaultGraph(triple);
            Reply reply = f.endpoints.post(f.endpoints.defaultGraphUrl(), "text/turtle", triple + "\n", null, true);
            return both(status(reply, 200, 201, 204), f.endpoints.ask("ASK { " + triple + " }"),
                    "the triple cannot be queried in the default graph");
        });
    }

    private static Outcome delete(Fixture f) {
        return writable(f).orElseGet(() -> {
            String graph = f.graph("delete");
            Reply put = f.put(graph, "text/turtle", turtle(f, "s-delete", "x"));
            if (!put.isSuccess()) {
                return Outcome.fail("the PUT before failed: " + put.summary());
            }
            Reply delete = f.endpoints.send(f.endpoints.authorised(Endpoints.to(f.endpoints.graphUrl(graph)).DELETE()));
            Reply after = f.endpoints.get(f.endpoints.graphUrl(graph), "text/turtle");
            return both(status(delete, 200, 204), Optional.of(after.status() == 404),
                    "GET afterwards answers " + after.summary());
        });
    }
}
