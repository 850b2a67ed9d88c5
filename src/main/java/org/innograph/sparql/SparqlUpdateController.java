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
        String text = OperationText.fromPost(request, OperationText.Operation.UPDATE, properties.maxTextSize());
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
