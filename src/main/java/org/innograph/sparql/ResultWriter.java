package org.innograph.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes answers in the representation the client asked for (Accept, or format/output/results). */
@Component
public class ResultWriter {

    private static final List<String> FORMAT_PARAMETERS = List.of("format", "output", "results");

    public void write(QueryOutcome outcome, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (outcome instanceof QueryOutcome.Rows rows) {
            MediaType type = negotiate(request, ResultFormat.TABULAR, "a SELECT result");
            try (OutputStream out = start(response, type)) {
                ResultsWriter.create().lang(ResultFormat.resultSetLang(type)).write(out, rows.rows());
            }
        } else if (outcome instanceof QueryOutcome.Answer answer) {
            MediaType type = negotiate(request, ResultFormat.TABULAR, "an ASK result");
            try (OutputStream out = start(response, type)) {
                ResultsWriter.create().lang(ResultFormat.resultSetLang(type)).write(out, answer.answer());
            }
        } else if (outcome instanceof QueryOutcome.Graph graph) {
            writeGraph(graph.graph(), request, response);
        }
    }

    public void writeGraph(Model graph, HttpServletRequest request, HttpServletResponse response) throws IOException {
        MediaType type = negotiate(request, ResultFormat.GRAPH, "an RDF graph");
        try (OutputStream out = start(response, type)) {
            RDFDataMgr.write(out, graph, ResultFormat.rdfFormat(type));
        }
    }

    public void writeDataset(DatasetGraph dataset, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        MediaType type = negotiate(request, ResultFormat.DATASET, "an RDF dataset");
        try (OutputStream out = start(response, type)) {
            RDFDataMgr.write(out, dataset, ResultFormat.rdfFormat(type));
        }
    }

    private static MediaType negotiate(HttpServletRequest request, List<MediaType> offers, String what) {
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

    private static OutputStream start(HttpServletResponse response, MediaType type) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(type + ";charset=utf-8");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return response.getOutputStream();
    }
}
