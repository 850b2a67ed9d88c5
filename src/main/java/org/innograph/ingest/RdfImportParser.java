package org.innograph.ingest;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * Reads an RDF import file into one graph. Strict: the first error stops parsing and is reported with its line
 * and column. Nothing is ever fetched while parsing: JSON-LD gets a document loader that refuses every remote
 * {@code @context} (only inline contexts work), and Jena's RDF/XML parser resolves no external entities.
 * Quads of TriG and N-Quads files are gathered into the one graph of the batch.
 */
public final class RdfImportParser {

    private RdfImportParser() {
    }

    /** Refuses every document, so that a JSON-LD file cannot make the server fetch anything. */
    static final DocumentLoader NO_REMOTE_DOCUMENTS = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "InnoGraph does not fetch remote "
                + "JSON-LD documents (" + url + "): put the @context inline in the file");
    };

    public static Graph parse(byte[] content, ImportFormat format, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        StreamRDF sink = StreamRDFLib.graph(graph);
        StreamRDF flattening = new StreamRDFWrapper(sink) {
            @Override
            public void quad(Quad quad) {
                sink.triple(quad.asTriple());
            }
        };
        Context context = new Context();
        // A new options object per parse: Jena sets the base IRI on it.
        context.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(NO_REMOTE_DOCUMENTS));
        FirstError errors = new FirstError();
        try {
            RDFParser.source(new ByteArrayInputStream(content))
                    .lang(format.lang())
                    .base(base)
                    .context(context)
                    .errorHandler(errors)
                    .parse(flattening);
        } catch (RiotException e) {
            String message = errors.message != null ? errors.message : e.getMessage();
            throw ImportRejectedException.unparseable("Malformed " + format.lang().getLabel() + ": " + message,
                    List.of(ImportProblem.atLine(errors.line, message)));
        }
        return graph;
    }

    /** Keeps the place of the first error, which Jena's own exception message does not always carry. */
    private static final class FirstError implements ErrorHandler {
        private String message;
        private long line = -1;

        @Override
        public void warning(String message, long line, long col) {
            error(message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            if (this.message == null) {
                this.message = line > 0 ? message + " (line " + line + ", column " + col + ")" : message;
                this.line = line;
            }
            throw new RiotException(this.message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            error(message, line, col);
        }
    }
}
