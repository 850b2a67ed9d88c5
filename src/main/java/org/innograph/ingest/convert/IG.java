package org.innograph.ingest.convert;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** IRIs of the InnoGraph ontology and identifier space (DESIGN.md, "Identifiers"), in the style of Jena's vocabulary classes. */
public final class IG {
    public static final String NS = "https://w3id.org/innograph/ontology#";
    public static final String BASE = "https://w3id.org/innograph/";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    public static final String THEME = BASE + "theme/";
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

    private IG() {}

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
