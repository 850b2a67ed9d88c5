package org.innograph.linkeddata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.innograph.sparql.MediaTypeNegotiator;
import org.innograph.sparql.ResultFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** The representations of a resource: an HTML page, or its RDF in one of the usual syntaxes. */
public enum RdfFormat {
    HTML("html", MediaType.TEXT_HTML, null),
    // the media types of SPARQL answers; a resource is small, so written pretty rather than streamed
    TURTLE("ttl", ResultFormat.TURTLE, RDFFormat.TURTLE_PRETTY),
    JSON_LD("jsonld", ResultFormat.JSON_LD, RDFFormat.JSONLD11_PRETTY),
    N_TRIPLES("nt", ResultFormat.N_TRIPLES, RDFFormat.NTRIPLES),
    RDF_XML("rdf", ResultFormat.RDF_XML, RDFFormat.RDFXML_PRETTY);

    private final String extension;
    private final MediaType mediaType;
    private final RDFFormat writerFormat;

    RdfFormat(String extension, MediaType mediaType, RDFFormat writerFormat) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.writerFormat = writerFormat;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The RDF in this syntax as an HTTP answer; it varies by Accept, so caches must key on it. */
    ResponseEntity<byte[]> response(Model rdf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, rdf, writerFormat);
        return ResponseEntity.ok().contentType(new MediaType(mediaType, StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body.toByteArray());
    }

    public static Optional<RdfFormat> forExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    /** The format an Accept header asks for; the first offer is the default (absent header, {@code *}/{@code *}). */
    public static Optional<RdfFormat> negotiate(String accept, RdfFormat preferred) {
        List<RdfFormat> offers = offers(preferred);
        return MediaTypeNegotiator.choose(accept, offers.stream().map(RdfFormat::mediaType).toList())
                .flatMap(chosen -> offers.stream().filter(format -> format.mediaType.equals(chosen)).findFirst());
    }

    /** As {@link #negotiate}, or a 406 that names every representation {@code what} has, the default first. */
    public static RdfFormat negotiateOrRefuse(String accept, RdfFormat preferred, String what) {
        return negotiate(accept, preferred).orElseThrow(() -> {
            List<String> types = offers(preferred).stream().map(format -> format.mediaType.toString()).toList();
            return new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE, what + " is available as "
                    + String.join(", ", types.subList(0, types.size() - 1)) + " and " + types.getLast());
        });
    }

    private static List<RdfFormat> offers(RdfFormat preferred) {
        List<RdfFormat> offers = new ArrayList<>();
        offers.add(preferred);
        Arrays.stream(values()).filter(format -> format != preferred).forEach(offers::add);
        return offers;
    }
}
