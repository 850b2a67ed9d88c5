package org.innograph.linkeddata;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.innograph.vocabulary.IG;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.innograph.sparql.AbsoluteIri;

/**
 * Dereferencing: every IRI we mint answers on this server (HTML for browsers, RDF by Accept or by file
 * extension), and the resources we hold but did not mint are browsable through {@code /resource?uri=}.
 */
@Controller
class LinkedDataController {

    /** What a path segment of our IRIs may hold: IRI characters without delimiters or spaces. */
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}._~!$&'()*+,;=:@%-]+");

    private final ResourceDescriber describer;
    private final RelatedResources related;
    private final PublicIris iris;

    LinkedDataController(ResourceDescriber describer, RelatedResources related, PublicIris iris) {
        this.describer = describer;
        this.related = related;
        this.iris = iris;
    }

    @GetMapping("/id/{kind}/{slug}")
    Object minted(@PathVariable String kind, @PathVariable String slug,
                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, ModelMap model,
                  HttpServletResponse response) {
        return answer("id/" + kind + "/", slug, accept, model, response);
    }

    @GetMapping("/theme/{slug}")
    Object theme(@PathVariable String slug, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                 ModelMap model, HttpServletResponse response) {
        return answer("theme/", slug, accept, model, response);
    }

    /** The theme scheme itself, {@code {base}theme/}. */
    @GetMapping("/theme/")
    Object themeScheme(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, ModelMap model,
                       HttpServletResponse response) {
        return represent(iris.iriOf("theme/"), negotiate(accept), model, response);
    }

    @GetMapping("/resource")
    Object held(@RequestParam(required = false) String uri, @RequestParam(required = false) String format,
                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, ModelMap model,
                HttpServletResponse response) {
        if (uri == null || uri.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter 'uri' is required: the IRI to show");
        }
        if (!AbsoluteIri.is(uri)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter 'uri' is not an absolute IRI: " + uri);
        }
        if (iris.isMinted(uri)) {
            String target = iris.pageOf(uri) + (format != null ? "." + format : "");
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
        }
        RdfFormat chosen = format != null ? RdfFormat.forExtension(format).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown format '" + format + "'; use one of "
                        + List.of(RdfFormat.values()).stream().map(RdfFormat::extension).toList()))
                : negotiate(accept);
        return represent(uri, chosen, model, response);
    }

    private Object answer(String pathPrefix, String slug, String accept, ModelMap model,
                          HttpServletResponse response) {
        String name = slug;
        RdfFormat format = null;
        int dot = slug.lastIndexOf('.');
        if (dot > 0) {
            Optional<RdfFormat> byExtension = RdfFormat.forExtension(slug.substring(dot + 1));
            if (byExtension.isPresent()) {
                name = slug.substring(0, dot);
                format = byExtension.get();
            }
        }
        if (!SLUG.matcher(name).matches()) {
            // No IRI we mint has such characters, and they must not reach a query as an IRI.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No resource is called '" + name + "'");
        }
        String iri = iris.iriOf(pathPrefix + name);
        return represent(iri, format != null ? format : negotiate(accept), model, response);
    }

    private static RdfFormat negotiate(String accept) {
        return RdfFormat.negotiateOrRefuse(accept, RdfFormat.HTML, "This resource");
    }

    private Object represent(String iri, RdfFormat format, ModelMap model, HttpServletResponse response) {
        if (format != RdfFormat.HTML) {
            org.apache.jena.rdf.model.Model rdf = describer.rdf(iri);
            if (rdf.isEmpty()) {
                return notFound(iri);
            }
            return format.response(rdf);
        }
        Optional<ResourceDescription> found = describer.describe(iri);
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing is known about " + iri);
        }
        ResourceDescription description = found.get();
        List<Alternate> alternates = alternates(iri);
        model.addAttribute("d", description);
        model.addAttribute("formats", alternates);
        // Crawlers and RDF tools find the data behind a page without parsing it (RFC 8288).
        response.setHeader(HttpHeaders.LINK, String.join(", ", alternates.stream().map(alternate ->
                "<" + alternate.href() + ">; rel=\"alternate\"; type=\"" + alternate.mediaType() + "\"").toList()));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (description.hasType("ig:GoodPractice")) {
            model.addAttribute("similar", related.similarPractices(iri));
            model.addAttribute("inspired", related.actionsInspiredBy(iri));
            return "practice";
        }
        if (description.hasType("ig:Region") && iri.startsWith(IG.NUTS)) {
            model.addAttribute("code", iri.substring(IG.NUTS.length()));
            model.addAttribute("practices", related.locatedIn(iri, "ig:GoodPractice"));
            model.addAttribute("organisations", related.locatedIn(iri, "ig:Organisation"));
            model.addAttribute("clusters", related.locatedIn(iri, "ig:Cluster"));
            model.addAttribute("recommended", related.recommendedFor(iri));
            return "region";
        }
        if (description.hasType("ig:Theme")) {
            model.addAttribute("practices", related.practicesWithTheme(iri));
            model.addAttribute("eurovoc", related.euroVocMapping(iri));
            return "theme";
        }
        return "resource";
    }

    private ResponseEntity<String> notFound(String iri) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("Nothing is known about " + iri + "\n");
    }

    /** Links to the RDF representations of the page's resource. */
    private List<Alternate> alternates(String iri) {
        String page = iris.pageOf(iri);
        return List.of(RdfFormat.TURTLE, RdfFormat.JSON_LD, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML).stream()
                .map(format -> new Alternate(format.extension(), format.mediaType().toString(),
                        iris.isMinted(iri) ? page + "." + format.extension() : page + "&format=" + format.extension()))
                .toList();
    }

    record Alternate(String name, String mediaType, String href) {
    }
}
