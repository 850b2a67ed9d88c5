package org.innograph.sparql;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** SPARQL 1.1 Protocol, update operation: POST form ({@code update=}) or POST {@code application/sparql-update}. */
@RestController
class SparqlUpdateController {

    private final UpdateService updates;
    private final SparqlProperties properties;

    SparqlUpdateController(UpdateService updates, SparqlProperties properties) {
        this.updates = updates;
        this.properties = properties;
    }

    @PostMapping("/sparql/update")
    ResponseEntity<Void> post(HttpServletRequest request) {
        MediaType contentType = SparqlQueryController.contentType(request);
        String text;
        if (contentType != null && contentType.equalsTypeAndSubtype(MediaType.APPLICATION_FORM_URLENCODED)) {
            RequestBodies.checkDeclaredLength(request, properties.maxRequestSize());
            if (request.getParameter("query") != null) {
                throw SparqlProtocolException.badRequest(
                        "This is the update endpoint: send queries (the 'query' parameter) to /sparql");
            }
            text = request.getParameter("update");
            if (text == null || text.isBlank()) {
                throw SparqlProtocolException.badRequest("Missing parameter 'update'");
            }
        } else if (contentType != null
                && contentType.equalsTypeAndSubtype(MediaType.parseMediaType(SparqlQueryController.SPARQL_UPDATE))) {
            text = RequestBodies.readUtf8(request, properties.maxRequestSize());
        } else if (contentType != null
                && contentType.equalsTypeAndSubtype(MediaType.parseMediaType(SparqlQueryController.SPARQL_QUERY))) {
            throw SparqlProtocolException.badRequest("This is the update endpoint: send queries to /sparql");
        } else {
            throw new SparqlProtocolException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + contentType
                    + " cannot carry a SPARQL update: use " + SparqlQueryController.SPARQL_UPDATE
                    + " or application/x-www-form-urlencoded");
        }
        ProtocolDataset dataset = new ProtocolDataset(SparqlQueryController.values(request, "using-graph-uri"),
                SparqlQueryController.values(request, "using-named-graph-uri"));
        updates.execute(updates.parse(text), dataset);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sparql/update")
    ResponseEntity<String> get() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST")
                .contentType(MediaType.TEXT_PLAIN)
                .body("SPARQL updates are sent with POST (SPARQL 1.1 Protocol §2.2)\n");
    }
}
