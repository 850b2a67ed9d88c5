package org.innograph.ingest.convert;

import org.apache.jena.rdf.model.Model;
import org.innograph.vocabulary.IG;

/** The prefixes every generated file declares, so that the files read the same as the ontology and the queries. */
final class Prefixes {
    private Prefixes() {}

    static Model standard(Model m) {
        m.setNsPrefix("ig", IG.NS);
        m.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        m.setNsPrefix("dct", "http://purl.org/dc/terms/");
        m.setNsPrefix("prov", IG.PROV);
        m.setNsPrefix("void", IG.VOID);
        m.setNsPrefix("dcat", IG.DCAT);
        m.setNsPrefix("cc", IG.CC);
        m.setNsPrefix("foaf", IG.FOAF);
        m.setNsPrefix("org", IG.ORG);
        m.setNsPrefix("geo", IG.GEO);
        m.setNsPrefix("qb", IG.QB);
        m.setNsPrefix("sdmx-dimension", IG.SDMX_DIM);
        m.setNsPrefix("nuts", IG.NUTS);
        m.setNsPrefix("nutsscheme", IG.NUTS_SCHEME);
        m.setNsPrefix("country", IG.COUNTRY);
        m.setNsPrefix("eurovoc", IG.EUROVOC);
        m.setNsPrefix("theme", IG.THEME);
        m.setNsPrefix("practice", IG.ID + "practice/");
        m.setNsPrefix("organisation", IG.ID + "organisation/");
        m.setNsPrefix("instrument", IG.ID + "instrument/");
        m.setNsPrefix("cluster", IG.ID + "cluster/");
        m.setNsPrefix("project", IG.ID + "project/");
        m.setNsPrefix("actionplan", IG.ID + "action-plan/");
        m.setNsPrefix("action", IG.ID + "action/");
        m.setNsPrefix("graph", IG.GRAPH);
        return m;
    }
}
