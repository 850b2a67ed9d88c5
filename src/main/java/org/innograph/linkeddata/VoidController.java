package org.innograph.linkeddata;

import org.apache.jena.rdf.model.Model;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /.well-known/void} (RFC 8615, VoID §7): Turtle by default, JSON-LD and others by Accept, a page for browsers. */
@Controller
class VoidController {

    private final DatasetDescription description;

    VoidController(DatasetDescription description) {
        this.description = description;
    }

    @GetMapping("/.well-known/void")
    Object describe(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, ModelMap page) {
        RdfFormat format = RdfFormat.negotiateOrRefuse(accept, RdfFormat.TURTLE, "The dataset description");
        String service = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Model rdf = description.describe(service);
        if (format != RdfFormat.HTML) {
            return format.response(rdf);
        }
        page.addAttribute("datasetIri", description.datasetIri());
        page.addAttribute("subsets", description.subsets(rdf));
        page.addAttribute("endpoint", service + "/sparql");
        return "void";
    }
}
