package org.innograph.sparql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.springframework.http.MediaType;

/** The representations InnoGraph writes, by kind of result, with the default first. */
public final class ResultFormat {

    public static final MediaType SPARQL_JSON = MediaType.parseMediaType("application/sparql-results+json");
    public static final MediaType SPARQL_XML = MediaType.parseMediaType("application/sparql-results+xml");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv");
    public static final MediaType TSV = MediaType.parseMediaType("text/tab-separated-values");
    public static final MediaType TURTLE = MediaType.parseMediaType("text/turtle");
    public static final MediaType N_TRIPLES = MediaType.parseMediaType("application/n-triples");
    public static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    public static final MediaType RDF_XML = MediaType.parseMediaType("application/rdf+xml");
    public static final MediaType TRIG = MediaType.parseMediaType("application/trig");
    public static final MediaType N_QUADS = MediaType.parseMediaType("application/n-quads");

    /** SELECT and ASK; plain JSON and XML are what several clients ask for and get the SPARQL formats. */
    public static final List<MediaType> TABULAR = List.of(SPARQL_JSON, SPARQL_XML, CSV, TSV,
            MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML);
    /** CONSTRUCT and DESCRIBE, and single graphs. */
    public static final List<MediaType> GRAPH = List.of(TURTLE, N_TRIPLES, JSON_LD, RDF_XML,
            MediaType.parseMediaType("application/x-turtle"), MediaType.TEXT_PLAIN);
    /** Whole datasets. */
    public static final List<MediaType> DATASET = List.of(TRIG, N_QUADS);

    // The short names clients send in ?format=, ?output= or ?results= (Fuseki's names, and full media types).
    private static final Map<String, MediaType> SHORT_NAMES = Map.ofEntries(
            Map.entry("json", SPARQL_JSON), Map.entry("xml", SPARQL_XML), Map.entry("csv", CSV),
            Map.entry("tsv", TSV), Map.entry("turtle", TURTLE), Map.entry("ttl", TURTLE),
            Map.entry("nt", N_TRIPLES), Map.entry("ntriples", N_TRIPLES), Map.entry("n-triples", N_TRIPLES),
            Map.entry("jsonld", JSON_LD), Map.entry("json-ld", JSON_LD), Map.entry("rdfxml", RDF_XML),
            Map.entry("rdf", RDF_XML), Map.entry("trig", TRIG), Map.entry("nq", N_QUADS),
            Map.entry("nquads", N_QUADS));

    private ResultFormat() {
    }

    /**
     * The format a {@code format}/{@code output}/{@code results} parameter asks for among the offers, if it
     * names one; for graph results "json" and "xml" mean JSON-LD and RDF/XML, as in Fuseki.
     */
    public static Optional<MediaType> fromParameter(String value, List<MediaType> offers) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        MediaType named = SHORT_NAMES.get(name);
        if (offers == GRAPH && named != null && (named.equals(SPARQL_JSON) || named.equals(SPARQL_XML))) {
            named = named.equals(SPARQL_JSON) ? JSON_LD : RDF_XML;
        }
        if (named == null) {
            try {
                named = MediaType.parseMediaType(name);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        MediaType wanted = named;
        return offers.stream().filter(offer -> offer.equalsTypeAndSubtype(wanted)).findFirst();
    }

    static Lang resultSetLang(MediaType type) {
        if (type.equalsTypeAndSubtype(CSV)) {
            return ResultSetLang.RS_CSV;
        }
        if (type.equalsTypeAndSubtype(TSV)) {
            return ResultSetLang.RS_TSV;
        }
        if (type.getSubtype().contains("xml")) {
            return ResultSetLang.RS_XML;
        }
        return ResultSetLang.RS_JSON;
    }

    public static RDFFormat rdfFormat(MediaType type) {
        if (type.equalsTypeAndSubtype(N_TRIPLES) || type.equalsTypeAndSubtype(MediaType.TEXT_PLAIN)) {
            return RDFFormat.NTRIPLES;
        }
        if (type.equalsTypeAndSubtype(JSON_LD)) {
            return RDFFormat.JSONLD;
        }
        if (type.equalsTypeAndSubtype(RDF_XML)) {
            return RDFFormat.RDFXML_PLAIN;
        }
        if (type.equalsTypeAndSubtype(TRIG)) {
            return RDFFormat.TRIG_BLOCKS;
        }
        if (type.equalsTypeAndSubtype(N_QUADS)) {
            return RDFFormat.NQUADS;
        }
        return RDFFormat.TURTLE_BLOCKS;
    }
}
