package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.innograph.sparql.MediaTypeNegotiator;
import org.springframework.http.MediaType;

/** The representations of a resource: an HTML page, or its RDF in one of the usual syntaxes. */
public enum RdfFormat {
    HTML("html", MediaType.TEXT_HTML, null, null),
    TURTLE("ttl", MediaType.parseMediaType("text/turtle"), Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    JSON_LD("jsonld", MediaType.parseMediaType("application/ld+json"), Lang.JSONLD, RDFFormat.JSONLD11_PRETTY),
    N_TRIPLES("nt", MediaType.parseMediaType("application/n-triples"), Lang.NTRIPLES, RDFFormat.NTRIPLES),
    RDF_XML("rdf", MediaType.parseMediaType("application/rdf+xml"), Lang.RDFXML, RDFFormat.RDFXML_PRETTY);

    private final String extension;
    private final MediaType mediaType;
    private final Lang lang;
    private final RDFFormat writerFormat;

    RdfFormat(String extension, MediaType mediaType, Lang lang, RDFFormat writerFormat) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.lang = lang;
        this.writerFormat = writerFormat;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public Lang lang() {
        return lang;
    }

    public RDFFormat writerFormat() {
        return writerFormat;
    }

    public static Optional<RdfFormat> forExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    /** The format an Accept header asks for; the first offer is the default (absent header, {@code *}/{@code *}). */
    public static Optional<RdfFormat> negotiate(String accept, RdfFormat preferred) {
        List<RdfFormat> offers = new ArrayList<>();
        offers.add(preferred);
        Arrays.stream(values()).filter(format -> format != preferred).forEach(offers::add);
        return MediaTypeNegotiator.choose(accept, offers.stream().map(RdfFormat::mediaType).toList())
                .flatMap(chosen -> offers.stream().filter(format -> format.mediaType.equals(chosen)).findFirst());
    }
}
