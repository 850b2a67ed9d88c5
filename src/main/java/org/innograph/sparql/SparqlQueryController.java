package org.innograph.sparql;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.Query;
import org.innograph.cache.VolatileQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

    // /sparql/query and /sparql/sparql let clients that derive endpoint names from a base (Jena's
    // RDFConnection.connect("…/sparql") uses …/sparql/sparql, …/sparql/update, …/sparql/data) work unchanged.
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
        run(requireQueryParameter(request, query), request, response);
    }

    @PostMapping({"/sparql", "/sparql/query", "/sparql/sparql"})
    void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MediaType contentType = contentType(request);
        if (contentType == null || contentType.equalsTypeAndSubtype(MediaType.APPLICATION_FORM_URLENCODED)) {
            RequestBodies.checkDeclaredLength(request, properties.maxRequestSize());
            if (request.getParameter("update") != null) {
                throw SparqlProtocolException.badRequest(
                        "This is the query endpoint: send updates (the 'update' parameter) to /sparql/update");
            }
            if (contentType == null && request.getParameter("query") == null) {
                throw unsupported(null);
            }
            run(requireQueryParameter(request, request.getParameter("query")), request, response);
        } else if (contentType.equalsTypeAndSubtype(MediaType.parseMediaType(SPARQL_QUERY))) {
            run(RequestBodies.readUtf8(request, properties.maxRequestSize()), request, response);
        } else if (contentType.equalsTypeAndSubtype(MediaType.parseMediaType(SPARQL_UPDATE))) {
            throw SparqlProtocolException.badRequest(
                    "This is the query endpoint: send application/sparql-update to /sparql/update");
        } else {
            throw unsupported(contentType);
        }
    }

    private void run(String text, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Query query = queries.parse(text);
        VolatileQueries.check(query, request);
        ProtocolDataset dataset = new ProtocolDataset(values(request, "default-graph-uri"),
                values(request, "named-graph-uri"));
        writer.write(queries.execute(query, dataset), request, response);
    }

    private static String requireQueryParameter(HttpServletRequest request, String query) {
        if (query == null || query.isBlank()) {
            throw SparqlProtocolException.badRequest("Missing parameter 'query': give the SPARQL query as "
                    + "?query=… or POST it as application/sparql-query");
        }
        if (request.getParameterValues("query").length > 1) {
            throw SparqlProtocolException.badRequest("Parameter 'query' is given more than once");
        }
        return query;
    }

    static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (RuntimeException e) {
            throw new SparqlProtocolException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type '" + header + "' is not a media type");
        }
    }

    private static SparqlProtocolException unsupported(MediaType contentType) {
        return new SparqlProtocolException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + contentType
                + " cannot carry a SPARQL query: use " + SPARQL_QUERY + " or application/x-www-form-urlencoded");
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
