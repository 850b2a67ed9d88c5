package org.innograph.queries;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.innograph.sparql.MediaTypeNegotiator;
import org.innograph.sparql.ResultFormat;
import org.innograph.problems.JsonApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The stored queries as a REST API: the catalogue, and each query run with its parameters. */
@JsonApi
@RestController
@RequestMapping("/api/queries")
class StoredQueryController {

    /** SELECT: the API's own JSON first, then the SPARQL result formats. */
    static final List<MediaType> TABLE = List.of(MediaType.APPLICATION_JSON, ResultFormat.SPARQL_JSON,
            ResultFormat.CSV, ResultFormat.TSV, ResultFormat.SPARQL_XML);
    static final List<MediaType> BOOLEAN = List.of(MediaType.APPLICATION_JSON, ResultFormat.SPARQL_JSON,
            ResultFormat.SPARQL_XML);
    /** CONSTRUCT and DESCRIBE; a client that asks for plain JSON gets JSON-LD. */
    static final List<MediaType> GRAPH = List.of(ResultFormat.TURTLE, ResultFormat.JSON_LD, ResultFormat.N_TRIPLES,
            ResultFormat.RDF_XML, MediaType.APPLICATION_JSON);

    private final QueryCatalogue catalogue;
    private final StoredQueryRunner runner;
    private final QueriesProperties properties;
    private final JsonMapper json;

    StoredQueryController(QueryCatalogue catalogue, StoredQueryRunner runner, QueriesProperties properties,
                          JsonMapper json) {
        this.catalogue = catalogue;
        this.runner = runner;
        this.properties = properties;
        this.json = json;
    }

    @Operation(summary = "The catalogue of stored queries", description = "Every stored query with its "
            + "parameters and SPARQL text, and the query files that were skipped and why.", tags = "catalogue")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    CatalogueJson catalogue() {
        return CatalogueJson.of(catalogue.contents(), properties);
    }

    // Documented per query by StoredQueryOpenApi, one operation each, so the generic mapping stays hidden.
    @Hidden
    @GetMapping("/{name}")
    void run(@PathVariable String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredQuery query = catalogue.find(name).orElseThrow(() -> new UnknownQueryException(name,
                catalogue.contents().queries().keySet()));
        Map<String, String[]> parameters = request.getParameterMap();
        // Negotiate before running, so a client that cannot read the answer does not wait for it.
        MediaType type = negotiate(request, query.query().isSelectType() ? TABLE
                : query.query().isAskType() ? BOOLEAN : GRAPH);
        StoredAnswer answer = runner.run(query, parameters);
        if (answer instanceof StoredAnswer.Table table) {
            response.addHeader(HttpHeaders.LINK, links(request, table));
            if (type.equals(MediaType.APPLICATION_JSON)) {
                TableJson body = TableJson.of(name, table, runner.labels(TableJson.iris(table)));
                try (OutputStream out = start(response, type)) {
                    json.writeValue(out, body);
                }
            } else {
                try (OutputStream out = start(response, type)) {
                    ResultsWriter.create().lang(resultSetLang(type)).write(out, table.resultSet());
                }
            }
        } else if (answer instanceof StoredAnswer.Answer ask) {
            try (OutputStream out = start(response, type)) {
                if (type.equals(MediaType.APPLICATION_JSON)) {
                    json.writeValue(out, Map.of("query", name, "boolean", ask.answer()));
                } else {
                    ResultsWriter.create().lang(resultSetLang(type)).write(out, ask.answer());
                }
            }
        } else if (answer instanceof StoredAnswer.Graph graph) {
            MediaType written = type.equals(MediaType.APPLICATION_JSON) ? ResultFormat.JSON_LD : type;
            try (OutputStream out = start(response, written)) {
                RDFDataMgr.write(out, graph.graph(), ResultFormat.rdfFormat(written));
            }
        }
    }

    /** RFC 8288 links to the first, previous and next pages: the request's own URL with another page number. */
    private static String links(HttpServletRequest request, StoredAnswer.Table table) {
        List<String> links = new ArrayList<>();
        links.add(link(request, 1, "first"));
        if (table.page().number() > 1) {
            links.add(link(request, table.page().number() - 1, "prev"));
        }
        if (table.hasNext()) {
            links.add(link(request, table.page().number() + 1, "next"));
        }
        return String.join(", ", links);
    }

    private static String link(HttpServletRequest request, int page, String relation) {
        String url = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).build()
                .toUriString();
        return "<" + url + ">; rel=\"" + relation + "\"";
    }

    private static MediaType negotiate(HttpServletRequest request, List<MediaType> offers) {
        String format = request.getParameter("format");
        if (format != null && !format.isBlank()) {
            // "json" means the API's own JSON for rows, JSON-LD for graphs; other names as on /sparql.
            Optional<MediaType> named = format.strip().equalsIgnoreCase("json")
                    ? Optional.of(offers == GRAPH ? ResultFormat.JSON_LD : MediaType.APPLICATION_JSON)
                    : ResultFormat.fromParameter(format, offers);
            return named.orElseThrow(() -> new QueryParameterException("format", names(offers),
                    "Parameter 'format': '" + format + "' is not one of " + names(offers)));
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return MediaTypeNegotiator.choose(accept, offers).orElseThrow(() -> new NotAcceptableException(accept,
                names(offers)));
    }

    private static String names(List<MediaType> offers) {
        return String.join(", ", offers.stream().map(MediaType::toString).toList());
    }

    private static org.apache.jena.riot.Lang resultSetLang(MediaType type) {
        if (type.equals(ResultFormat.CSV)) {
            return ResultSetLang.RS_CSV;
        }
        if (type.equals(ResultFormat.TSV)) {
            return ResultSetLang.RS_TSV;
        }
        return type.equals(ResultFormat.SPARQL_XML) ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON;
    }

    private static OutputStream start(HttpServletResponse response, MediaType type) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type + ";charset=utf-8");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return response.getOutputStream();
    }
}
