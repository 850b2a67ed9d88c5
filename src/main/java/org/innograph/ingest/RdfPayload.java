package org.innograph.ingest;

import java.io.ByteArrayInputStream;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

/**
 * Parses RDF that clients send. Strict: the first error stops parsing and is reported with its line and
 * column, and nothing parsed so far is kept.
 */
public final class RdfPayload {

    /**
     * A client's JSON-LD may name a remote {@code @context}; fetching it would let any writer make this server
     * send requests (to the internal network, too). Only inline contexts are understood. (RDF/XML needs no
     * setting: Jena's XML input factory resolves no external entities.)
     */
    private static final DocumentLoader NO_REMOTE_DOCUMENTS = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "Remote JSON-LD contexts are never "
                + "fetched (" + url + "): put the @context inline");
    };

    private RdfPayload() {
    }

    /** A new options object per parse: Jena sets the base IRI on it. */
    private static Context noRemoteDocuments() {
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(NO_REMOTE_DOCUMENTS));
        return context;
    }

    /**
     * Turtle, N-Triples and JSON-LD are UTF-8 by definition; a parser would quietly turn bad bytes into U+FFFD
     * and store them. (RDF/XML names its own encoding and is checked by the XML parser.)
     */
    private static void requireUtf8(byte[] body, Lang lang) {
        if (RDFLanguages.sameLang(lang, Lang.RDFXML)) {
            return;
        }
        try {
            Utf8Text.require(body);
        } catch (Utf8Text.InvalidUtf8Exception e) {
            throw new MalformedRdfException("Malformed " + lang.getLabel() + ": " + e.getMessage(), e);
        }
    }

    /** A body that is not well-formed in its declared syntax. */
    public static class MalformedRdfException extends RefusalException {
        public MalformedRdfException(String message, Throwable cause) {
            super(HttpStatus.BAD_REQUEST, "Malformed RDF", message, cause);
        }
    }

    /** The triple syntax a Content-Type names, or null when it names none InnoGraph reads into a graph. */
    public static Lang tripleLang(RequestMediaType contentType) {
        Lang lang = contentType.rdfLang();
        return lang != null && RDFLanguages.isTriples(lang) ? lang : null;
    }

    public static Graph parseGraph(byte[] body, Lang lang, String base) {
        requireUtf8(body, lang);
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(new ByteArrayInputStream(body))
                    .lang(lang)
                    .base(base)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                    .context(noRemoteDocuments())
                    .parse(graph);
        } catch (RiotException e) {
            throw new MalformedRdfException("Malformed " + lang.getLabel() + ": " + e.getMessage(), e);
        }
        return graph;
    }
}
