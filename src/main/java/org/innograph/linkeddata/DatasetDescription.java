package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.innograph.ingest.GraphNames;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/**
 * The VoID/DCAT description of the whole dataset. Each named graph describes itself, inside itself, as a
 * {@code void:Dataset} (title, licence, sources, attribution); this gathers those descriptions as subsets of
 * one dataset and replaces their stated triple counts by what the store holds now.
 */
@Component
public class DatasetDescription {

    private static final List<String> EXAMPLE_CLASSES = List.of("ig:GoodPractice", "ig:PolicyInstrument",
            "ig:ActionPlan", "ig:Action", "ig:Cluster", "ig:Organisation", "ig:Project", "ig:Theme", "ig:Region",
            "ig:Country");
    private static final List<String> VOCABULARIES = List.of("ig", "skos", "org", "dct", "prov", "geo", "dcat",
            "void", "qb", "foaf");

    /** One named graph as the page lists it. */
    public record Subset(String iri, String title, long triples, List<ValueView> licences, List<ValueView> sources,
                         String attribution) {
    }

    private final GraphReader reader;
    private final PublicIris iris;

    public DatasetDescription(GraphReader reader, PublicIris iris) {
        this.reader = reader;
        this.iris = iris;
    }

    /** The IRI of the whole dataset. */
    public String datasetIri() {
        return iris.base() + "dataset";
    }

    /** @param service this server's root URL, for the endpoint and dump addresses */
    public Model describe(String service) {
        Model void_ = ModelFactory.createDefaultModel();
        IG.PREFIXES.forEach(void_::setNsPrefix);
        Resource dataset = void_.createResource(datasetIri())
                .addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, void_.createLiteral("InnoGraph", "en"))
                .addProperty(DCTerms.description, void_.createLiteral("Knowledge graph of European industrial-policy "
                        + "good practices (Interreg Europe INNO INDUSTRY), policy instruments, action plans, clusters "
                        + "and partner organisations, on NUTS regions, EuroVoc and the EU country table. Each subset "
                        + "is one named graph with its own source and licence.", "en"))
                .addProperty(DCTerms.rights, void_.createLiteral("Each subset (named graph) states its own "
                        + "licence, source and attribution; reuse follows the subset's terms.", "en"))
                .addProperty(VOID.sparqlEndpoint, void_.createResource(service + "/sparql"))
                .addProperty(VOID.dataDump, void_.createResource(service + "/api/dump"))
                .addProperty(VOID.uriSpace, iris.base() + "id/")
                .addProperty(VOID.feature, void_.createResource("http://www.w3.org/ns/formats/Turtle"))
                .addProperty(VOID.feature, void_.createResource("http://www.w3.org/ns/formats/JSON-LD"));
        VOCABULARIES.forEach(prefix -> dataset.addProperty(VOID.vocabulary,
                void_.createResource(IG.PREFIXES.get(prefix))));

        long total = 0;
        for (Map.Entry<String, Long> count : reader.triplesPerGraph().entrySet()) {
            String graph = count.getKey();
            long triples = count.getValue();
            total += triples;
            Resource subset = void_.createResource(graph);
            dataset.addProperty(VOID.subset, subset);
            subset.addProperty(RDF.type, VOID.Dataset);
            Resource described = reader.construct(SparqlFiles.query("linkeddata/graph-self-description.rq",
                    Map.of("g", NodeFactory.createURI(graph)))).getResource(graph);
            for (Statement statement : described.listProperties().toList()) {
                if (!statement.getPredicate().equals(VOID.triples)) {
                    void_.add(subset, statement.getPredicate(), statement.getObject());
                }
            }
            subset.addLiteral(VOID.triples, void_.createTypedLiteral(triples));
        }
        dataset.addLiteral(VOID.triples, void_.createTypedLiteral(total));

        Map<String, String> examples = new HashMap<>();
        List<String> classes = EXAMPLE_CLASSES.stream().map(IG::expand).toList();
        Query examplesOf = SparqlFiles.withValues(SparqlFiles.query("linkeddata/class-examples.rq"),
                Map.of(Var.alloc("class"), classes.stream().map(NodeFactory::createURI).toList()));
        for (QuerySolution row : reader.select(examplesOf)) {
            examples.put(row.getResource("class").getURI(), row.getResource("example").getURI());
        }
        classes.stream().filter(examples::containsKey)
                .forEach(type -> dataset.addProperty(VOID.exampleResource, void_.createResource(examples.get(type))));
        return void_;
    }

    /** The subsets of a description, for the page. */
    public List<Subset> subsets(Model description) {
        List<Subset> subsets = new ArrayList<>();
        Resource dataset = description.getResource(datasetIri());
        for (Statement statement : dataset.listProperties(VOID.subset).toList()) {
            Resource subset = statement.getResource();
            Statement title = subset.getProperty(DCTerms.title);
            Statement triples = subset.getProperty(VOID.triples);
            Statement attribution = subset.getProperty(description.createProperty("http://creativecommons.org/ns#attributionText"));
            subsets.add(new Subset(subset.getURI(),
                    title != null ? title.getString() : Labels.fallback(subset.getURI()),
                    triples != null ? triples.getLong() : 0, values(subset, DCTerms.license),
                    values(subset, DCTerms.source), attribution != null ? attribution.getString() : ""));
        }
        subsets.sort(Comparator.comparing(Subset::iri));
        return subsets;
    }

    private List<ValueView> values(Resource subject, Property property) {
        List<ValueView> values = new ArrayList<>();
        for (Statement statement : subject.listProperties(property).toList()) {
            RDFNode value = statement.getObject();
            if (value.isURIResource()) {
                String iri = value.asResource().getURI();
                String href = iri.startsWith(GraphNames.GRAPH_BASE) || iris.isMinted(iri) ? iris.pageOf(iri) : iri;
                values.add(new ValueView(iri, iri, href, "", "", "", false));
            } else if (value.isLiteral()) {
                Literal literal = value.asLiteral();
                values.add(new ValueView(literal.getLexicalForm(), null, null, literal.getLanguage(), "", "", false));
            }
        }
        return values;
    }
}
