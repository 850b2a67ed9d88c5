package org.innograph.linkeddata;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/** {@code /ontology}: the ontology documented as a page, or itself as Turtle, JSON-LD, … by Accept or extension. */
@Controller
class OntologyController {

    private final OntologyDocumentation documentation;

    OntologyController(OntologyDocumentation documentation) {
        this.documentation = documentation;
    }

    @GetMapping("/ontology")
    Object ontology(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, ModelMap model) {
        return represent(RdfFormat.negotiateOrRefuse(accept, RdfFormat.HTML, "The ontology"), model);
    }

    @GetMapping("/ontology.{extension}")
    Object ontologyFile(@PathVariable String extension, ModelMap model) {
        RdfFormat format = RdfFormat.forExtension(extension).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No ontology file ." + extension + "; try .ttl, .jsonld, .nt or .rdf"));
        return represent(format, model);
    }

    private Object represent(RdfFormat format, ModelMap model) {
        OntologyDocumentation.Documentation current = documentation.current();
        if (current.rdf().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The ontology graph "
                    + OntologyDocumentation.GRAPH + " is not loaded");
        }
        if (format != RdfFormat.HTML) {
            return format.response(current.rdf());
        }
        model.addAttribute("doc", current);
        return "ontology";
    }
}
