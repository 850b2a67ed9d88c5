package org.innograph.sparql;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.Query;
import org.innograph.ingest.RequestMediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** SPARQL 1.1 Protocol, query operation: GET, POST form and POST {@code application/sparql-query}. */
@RestController
class SparqlQueryController {

    static final String SPARQL_QUERY = "application/sparql-query";
    static final String SPARQL_UPDATE = "application/sparql-update";

    private final QueryService queries;
    private final ResultWriter writer;
    private final SparqlProperties properties;

    SparqlQueryController(QueryService queries, ResultWriter writer, SparqlProperties properties) {
        this.queries = queries;
        this.writer = writer;
        this.properties = properties;
    }

    // /sparql/query and /sparql/sparql let clients that derive endpoint names from a base work unchanged; Jena's
    // RDFConnection.connect("…/sparql") sends everything (queries, updates, graphs) to …/sparql itself.
    @GetMapping({"/sparql", "/sparql/query", "/sparql/sparql"})
    void get(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String query = request.getParameter("query");
        if (query == null && (request.getParameter("graph") != null || request.getParameter("default") != null)) {
            // Clients that treat one URL as the whole dataset (Fuseki's style) read graphs from it too.
            request.getRequestDispatcher("/sparql/data").forward(request, response);
            return;
        }
        if (query == null && acceptsHtml(request)) {
            // A person who opens the endpoint in a browser wants the query editor.
            response.sendRedirect(request.getContextPath() + "/query");
            return;
        }
        if (query == null && asksForRdf(request)) {
            writer.writeGraph(ServiceDescription.describe(request.getRequestURL().toString()), request, response);
            return;
        }
        run(OperationText.fromParameter(request, OperationText.Operation.QUERY, properties.maxTextSize()), request,
                response);
    }

    @PostMapping({"/sparql", "/sparql/query", "/sparql/sparql"})
    void post(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        RequestMediaType contentType = RequestMediaType.of(request.getContentType());
        // Clients that treat one URL as the whole dataset (Jena's RDFConnection.connect(url), Fuseki's style)
        // send updates and graphs here too. Those requests needed credentials to get this far (WriteAccess), and
        // are checked again on the way to the endpoint that does the writing.
        if (contentType.is(SPARQL_UPDATE)) {
            request.getRequestDispatcher("/sparql/update").forward(request, response);
            return;
        }
        if (contentType.rdfLang() != null) {
            request.getRequestDispatcher("/sparql/data").forward(request, response);
            return;
        }
        run(OperationText.fromPost(request, OperationText.Operation.QUERY, properties.maxTextSize()), request,
                response);
    }

    /** Graph Store writes sent to the dataset URL, as {@link #post} explains. */
    @RequestMapping(path = {"/sparql", "/sparql/query", "/sparql/sparql"},
            method = {RequestMethod.PUT, RequestMethod.DELETE})
    void graphStoreWrite(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.getRequestDispatcher("/sparql/data").forward(request, response);
    }

    private void run(String text, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Query query = queries.parse(text);
        ProtocolDataset dataset = new ProtocolDataset(values(request, "default-graph-uri"),
                values(request, "named-graph-uri"));
        writer.write(queries.execute(query, dataset), request, response);
    }

    static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** A client that asks the bare endpoint for RDF wants its service description. */
    private static boolean asksForRdf(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && ResultFormat.GRAPH.stream().filter(type -> !type.equals(MediaType.TEXT_PLAIN))
                .anyMatch(type -> accept.contains(type.toString()));
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
