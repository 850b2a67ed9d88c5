package org.innograph.vocabulary;

import java.util.Comparator;
import java.util.Map;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * IRIs of the InnoGraph ontology and identifier space (DESIGN.md, "Identifiers"), in the style of Jena's vocabulary
 * classes: the one place our namespaces are written out, the terms Java code names, and the prefixes that pages,
 * RDF output and the SPARQL files ({@link SparqlFiles}) share.
 */
public final class IG {
    public static final String BASE = "https://w3id.org/innograph/";
    public static final String NS = BASE + "ontology#";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    public static final String THEME = BASE + "theme/";
    public static final String PRACTICE = ID + "practice/";
    public static final String ORGANISATION = ID + "organisation/";
    /** Functions InnoGraph adds to SPARQL (e.g. an interruptible regex). */
    public static final String FUNCTION = BASE + "function#";
    /** The recommender's ranking statistics. */
    public static final String STATISTICS = BASE + "statistics#";
    public static final String NUTS = "http://data.europa.eu/nuts/code/";
    public static final String NUTS_SCHEME = "http://data.europa.eu/nuts/scheme/";
    public static final String EUROVOC = "http://eurovoc.europa.eu/";
    public static final String COUNTRY = "http://publications.europa.eu/resource/authority/country/";
    public static final String CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/";
    public static final String QB = "http://purl.org/linked-data/cube#";
    public static final String SDMX_DIM = "http://purl.org/linked-data/sdmx/2009/dimension#";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String CC = "http://creativecommons.org/ns#";

    /** The prefixes pages, RDF output and the SPARQL files use, so that IRIs read the same everywhere. */
    public static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("ig", NS),
            Map.entry("rdf", RDF.uri),
            Map.entry("rdfs", RDFS.uri),
            Map.entry("owl", OWL.NS),
            Map.entry("xsd", XSD.NS),
            Map.entry("skos", SKOS.uri),
            Map.entry("dct", DCTerms.NS),
            Map.entry("prov", PROV),
            Map.entry("org", ORG),
            Map.entry("foaf", FOAF),
            Map.entry("geo", GEO),
            Map.entry("void", VOID),
            Map.entry("dcat", DCAT),
            Map.entry("qb", QB),
            Map.entry("cc", CC),
            Map.entry("nuts", NUTS),
            Map.entry("country", COUNTRY),
            Map.entry("eurovoc", EUROVOC),
            Map.entry("theme", THEME),
            Map.entry("practice", PRACTICE),
            Map.entry("organisation", ORGANISATION),
            Map.entry("graph", GRAPH));

    private IG() {}

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
                .max(Comparator.comparingInt(entry -> entry.getValue().length()))
                .map(entry -> entry.getKey() + ":" + iri.substring(entry.getValue().length())).orElse(iri);
    }

    /** The SPARQL prologue declaring every prefix, for the query editor. */
    public static String sparqlPrologue() {
        StringBuilder prologue = new StringBuilder();
        PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                prologue.append("PREFIX ").append(entry.getKey()).append(": <").append(entry.getValue()).append(">\n"));
        return prologue.toString();
    }

    public static Resource term(String local) { return ResourceFactory.createResource(NS + local); }
    public static Property p(String local) { return ResourceFactory.createProperty(NS + local); }
    public static Property p(String ns, String local) { return ResourceFactory.createProperty(ns + local); }
    public static Resource r(String iri) { return ResourceFactory.createResource(iri); }
    public static String id(String kind, String slug) { return ID + kind + "/" + slug; }
    public static String graph(String source) { return GRAPH + source; }
    public static String nuts(String code) { return NUTS + code; }

    // classes
    public static final Resource GoodPractice = term("GoodPractice");
    public static final Resource PolicyInstrument = term("PolicyInstrument");
    public static final Resource ActionPlan = term("ActionPlan");
    public static final Resource Action = term("Action");
    public static final Resource Organisation = term("Organisation");
    public static final Resource Cluster = term("Cluster");
    public static final Resource ClusterGroup = term("ClusterGroup");
    public static final Resource Project = term("Project");
    public static final Resource ProjectPhase = term("ProjectPhase");
    public static final Resource ProjectLink = term("ProjectLink");
    public static final Resource InspirationLink = term("InspirationLink");
    public static final Resource NutsName = term("NutsName");
    public static final Resource BudgetStatement = term("BudgetStatement");
    public static final Resource Event = term("Event");
    public static final Resource Region = term("Region");
    public static final Resource Country = term("Country");
    public static final Resource NutsCodeChange = term("NutsCodeChange");

    // properties Java code reads or writes
    public static final Property contentHash = p("contentHash");
    public static final Property loadedFrom = p("loadedFrom");

    // controlled values
    public static final Resource confirmed = term("confirmed");
    public static final Resource likely = term("likely");
    public static final Resource possible = term("possible");
    public static final Resource nationalLevel = term("nationalLevel");
    public static final Resource regionalLevel = term("regionalLevel");
    public static final Resource localLevel = term("localLevel");
    public static final Resource leadPartner = term("leadPartner");
    public static final Resource projectPartner = term("projectPartner");
    public static final Resource codeAdded = term("codeAdded");
    public static final Resource codeRemoved = term("codeRemoved");

    // external terms not in Jena's vocabulary classes
    public static final Property geoAsWKT = p(GEO, "asWKT");
    public static final Resource geoGeometry = r(GEO + "Geometry");
    public static final Property foafHomepage = p(FOAF, "homepage");
    public static final Property provWasDerivedFrom = p(PROV, "wasDerivedFrom");
    public static final Property provWasGeneratedBy = p(PROV, "wasGeneratedBy");
    public static final Property provWasAttributedTo = p(PROV, "wasAttributedTo");
    public static final Property ccAttributionText = p(CC, "attributionText");
    public static final Property voidTriples = p(VOID, "triples");
    public static final Resource voidDataset = r(VOID + "Dataset");
    public static final Resource dcatDataset = r(DCAT + "Dataset");
    public static final Resource qbObservation = r(QB + "Observation");
    public static final Resource qbDataSet = r(QB + "DataSet");
    public static final Property qbDataSetP = p(QB, "dataSet");
    public static final Property refArea = p(SDMX_DIM, "refArea");
    public static final Property refPeriod = p(SDMX_DIM, "refPeriod");
    public static final String SDMX_ATTR = "http://purl.org/linked-data/sdmx/2009/attribute#";
    public static final Property unitMeasure = p(SDMX_ATTR, "unitMeasure");
    public static final Resource orgMembership = r(ORG + "Membership");
    public static final Resource orgOrganizationalCollaboration = r(ORG + "OrganizationalCollaboration");
    public static final Property orgMember = p(ORG, "member");
    public static final Property orgOrganization = p(ORG, "organization");
    public static final Property orgRole = p(ORG, "role");
}
