package org.innograph.linkeddata;

import java.util.Map;

/** The prefixes pages and RDF output use, so that IRIs read the same everywhere in the UI. */
public final class Vocabulary {

    public static final String IG = "https://w3id.org/innograph/ontology#";
    public static final String NUTS = "http://data.europa.eu/nuts/code/";
    public static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    public static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("ig", IG),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
            Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            Map.entry("dct", "http://purl.org/dc/terms/"),
            Map.entry("prov", "http://www.w3.org/ns/prov#"),
            Map.entry("org", "http://www.w3.org/ns/org#"),
            Map.entry("foaf", "http://xmlns.com/foaf/0.1/"),
            Map.entry("geo", "http://www.opengis.net/ont/geosparql#"),
            Map.entry("void", "http://rdfs.org/ns/void#"),
            Map.entry("dcat", "http://www.w3.org/ns/dcat#"),
            Map.entry("qb", "http://purl.org/linked-data/cube#"),
            Map.entry("cc", "http://creativecommons.org/ns#"),
            Map.entry("nuts", NUTS),
            Map.entry("country", "http://publications.europa.eu/resource/authority/country/"),
            Map.entry("eurovoc", "http://eurovoc.europa.eu/"),
            Map.entry("theme", "https://w3id.org/innograph/theme/"),
            Map.entry("practice", "https://w3id.org/innograph/id/practice/"),
            Map.entry("organisation", "https://w3id.org/innograph/id/organisation/"),
            Map.entry("graph", "https://w3id.org/innograph/graph/"));

    private Vocabulary() {
    }

    /** {@code ig:summary} → the full IRI; a full IRI stays as it is. */
    public static String expand(String curie) {
        int colon = curie.indexOf(':');
        if (colon > 0) {
            String namespace = PREFIXES.get(curie.substring(0, colon));
            if (namespace != null && !curie.startsWith("//", colon + 1)) {
                return namespace + curie.substring(colon + 1);
            }
        }
        return curie;
    }

    /** {@code skos:Concept} for an IRI in a known namespace, else the IRI. */
    public static String shortName(String iri) {
        return PREFIXES.entrySet().stream()
                .filter(entry -> iri.startsWith(entry.getValue()) && iri.length() > entry.getValue().length())
                .max(java.util.Comparator.comparingInt(entry -> entry.getValue().length()))
                .map(entry -> entry.getKey() + ":" + iri.substring(entry.getValue().length())).orElse(iri);
    }

    /** The SPARQL prologue declaring every prefix, for the query editor. */
    public static String sparqlPrologue() {
        StringBuilder prologue = new StringBuilder();
        PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                prologue.append("PREFIX ").append(entry.getKey()).append(": <").append(entry.getValue()).append(">\n"));
        return prologue.toString();
    }
}
