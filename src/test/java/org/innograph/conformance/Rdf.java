package org.innograph.conformance;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.innograph.conformance.Endpoints.Reply;
import org.innograph.conformance.Requirement.Outcome;

/** Reading RDF graph answers in the syntax their Content-Type names, as a client must. */
final class Rdf {

    static final List<Lang> GRAPH_SYNTAXES = List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML);

    private Rdf() {
    }

    static Optional<Graph> parse(Reply reply) {
        Lang lang = RDFLanguages.contentTypeToLang(reply.mediaType());
        if (lang == null || !RDFLanguages.isTriples(lang)) {
            return Optional.empty();
        }
        try {
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(reply.body())).lang(lang).base("http://example.org/base/")
                    .parse(graph);
            return Optional.of(graph);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Passes when the reply succeeded with an RDF graph syntax as its Content-Type ({@code wanted}, if given),
     * the body parses in it, and it mentions {@code subject} (if given).
     */
    static Outcome graphIn(Reply reply, Lang wanted, String subject) {
        if (!reply.isSuccess()) {
            return Outcome.fail(reply.summary());
        }
        Lang lang = RDFLanguages.contentTypeToLang(reply.mediaType());
        if (lang == null || !RDFLanguages.isTriples(lang)) {
            return Outcome.fail("Content-Type " + reply.mediaType() + " is not an RDF graph syntax");
        }
        if (wanted != null && !wanted.equals(lang)) {
            return Outcome.fail("asked for " + wanted.getLabel() + ", got " + reply.mediaType());
        }
        Optional<Graph> graph = parse(reply);
        if (graph.isEmpty()) {
            return Outcome.fail("body is not " + lang.getLabel() + " as its Content-Type says: " + reply.summary());
        }
        if (subject != null && !graph.get().contains(NodeFactory.createURI(subject), null, null)) {
            return Outcome.fail("no <" + subject + "> in the answer: " + reply.summary());
        }
        return Outcome.pass(reply.status() + " " + reply.mediaType());
    }

    /** Does this graph answer hold the fixture triple {@code <subject> <p> "value"}? */
    static boolean holds(Reply reply, Fixture f, String subject, String value) {
        return parse(reply).map(graph -> graph.contains(NodeFactory.createURI(f.subject(subject)),
                NodeFactory.createURI(f.predicate), NodeFactory.createLiteralString(value))).orElse(false);
    }
}
