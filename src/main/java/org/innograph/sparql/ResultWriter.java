package org.innograph.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes answers in the representation the client asked for (Accept, or format/output/results), as they come
 * from the store: rows and triples are never gathered in memory, except for the RDF syntaxes Jena cannot
 * write as a stream (JSON-LD, RDF/XML), which are gathered up to a cap.
 */
@Component
public class ResultWriter {

    private static final List<String> FORMAT_PARAMETERS = List.of("format", "output", "results");

    /** The media type to answer with, chosen before the query runs so that a 406 costs nothing. */
    MediaType negotiate(HttpServletRequest request, List<MediaType> offers, String what) {
        for (String parameter : FORMAT_PARAMETERS) {
            var named = ResultFormat.fromParameter(request.getParameter(parameter), offers);
            if (named.isPresent()) {
                return named.get();
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return MediaTypeNegotiator.choose(accept, offers).orElseThrow(() -> new SparqlProtocolException(
                HttpStatus.NOT_ACCEPTABLE, "None of the media types in Accept (" + accept + ") can represent " + what
                + "; available: " + offers.stream().map(MediaType::toString).collect(Collectors.joining(", "))));
    }

    void writeRows(ResultSet rows, AnswerBody body) {
        ResultsWriter.create().lang(ResultFormat.resultSetLang(body.type())).write(body, rows);
    }

    void writeAnswer(boolean answer, AnswerBody body) {
        ResultsWriter.create().lang(ResultFormat.resultSetLang(body.type())).write(body, answer);
    }

    /**
     * Triples as they come. JSON-LD and RDF/XML cannot be written before the graph is complete: those are
     * gathered, and refused with {@code tooMany} once more than {@code cap} triples arrive.
     */
    void writeTriples(Iterator<Triple> triples, PrefixMapping prefixes, long cap,
            Supplier<RuntimeException> tooMany, AnswerBody body) {
        RDFFormat format = ResultFormat.rdfFormat(body.type());
        if (!StreamRDFWriter.registered(format)) {
            Graph graph = GraphFactory.createDefaultGraph();
            graph.getPrefixMapping().setNsPrefixes(prefixes);
            ResultRows.capped(triples, cap, tooMany).forEachRemaining(graph::add);
            RDFDataMgr.write(body, graph, format);
            return;
        }
        StreamRDF stream = StreamRDFWriter.getWriterStream(body, format);
        stream.start();
        prefixes.getNsPrefixMap().forEach(stream::prefix);
        triples.forEachRemaining(stream::triple);
        stream.finish();
    }

    /** Quads as they come, in a dataset syntax (all of which stream). */
    void writeQuads(Iterator<Quad> quads, AnswerBody body) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(body, ResultFormat.rdfFormat(body.type()));
        stream.start();
        quads.forEachRemaining(stream::quad);
        stream.finish();
    }

    /** A small graph made by the service itself (its description). */
    public void writeGraph(Model graph, HttpServletRequest request, HttpServletResponse response) throws IOException {
        MediaType type = negotiate(request, ResultFormat.GRAPH, "an RDF graph");
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(type + ";charset=utf-8");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        try (OutputStream out = response.getOutputStream()) {
            RDFDataMgr.write(out, graph, ResultFormat.rdfFormat(type));
        }
    }
}
