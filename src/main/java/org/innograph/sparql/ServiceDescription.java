package org.innograph.sparql;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of {@code /sparql}: what a client may discover before it sends a
 * query (languages, result formats, that the default graph is the union of the named graphs).
 */
final class ServiceDescription {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {
    }

    static Model describe(String endpoint) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("sd", SD);
        model.setNsPrefix("format", FORMATS);
        Resource service = model.createResource(endpoint + "#service")
                .addProperty(RDF.type, model.createResource(SD + "Service"))
                .addProperty(sd(model, "endpoint"), model.createResource(endpoint))
                .addProperty(sd(model, "supportedLanguage"), model.createResource(SD + "SPARQL11Query"))
                .addProperty(sd(model, "supportedLanguage"), model.createResource(SD + "SPARQL11Update"))
                .addProperty(sd(model, "feature"), model.createResource(SD + "UnionDefaultGraph"))
                .addProperty(sd(model, "feature"), model.createResource(SD + "BasicFederatedQuery"));
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"}) {
            service.addProperty(sd(model, "resultFormat"), model.createResource(FORMATS + format));
        }
        Resource dataset = model.createResource().addProperty(RDF.type, model.createResource(SD + "Dataset"))
                .addProperty(sd(model, "defaultGraph"),
                        model.createResource().addProperty(RDF.type, model.createResource(SD + "Graph")));
        service.addProperty(sd(model, "defaultDataset"), dataset);
        return model;
    }

    private static Property sd(Model model, String name) {
        return model.createProperty(SD, name);
    }
}
