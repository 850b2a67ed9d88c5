package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.innograph.cache.GenerationSnapshot;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.ingest.GraphNames;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/**
 * The ontology as documentation, read from its named graph (loaded from {@code ontology/innograph.ttl}), with
 * one example from the data for every term. Rebuilt only when the store has changed ({@link GenerationSnapshot}).
 */
@Component
public class OntologyDocumentation {

    public static final String GRAPH = GraphNames.GRAPH_BASE + "ontology";


    /** One class or property. {@code domain} and {@code range} are links; a union reads "A or B". */
    public record Term(String id, String iri, String label, String comment, List<ResourceLink> parents,
                       List<ResourceLink> domain, List<ResourceLink> range, ResourceLink example) {
    }

    public record Documentation(Map<String, String> metadata, List<Term> classes,
                                List<Term> objectProperties, List<Term> datatypeProperties, Model rdf) {
    }

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final GenerationSnapshot<Documentation> cached;

    public OntologyDocumentation(GraphReader reader, Labels labels, PublicIris iris, GenerationSnapshots snapshots) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.cached = snapshots.of("ontology page", this::build);
    }

    public Documentation current() {
        return cached.get();
    }

    private Documentation build() {
        Model ontology = reader.construct(SparqlFiles.query("linkeddata/graph.rq",
                Map.of("graph", NodeFactory.createURI(GRAPH))));
        IG.PREFIXES.forEach(ontology::setNsPrefix);
        List<Resource> classes = terms(ontology, OWL.Class);
        List<Resource> objectProperties = terms(ontology, OWL.ObjectProperty);
        List<Resource> datatypeProperties = terms(ontology, OWL.DatatypeProperty);
        List<Resource> all = new ArrayList<>(classes);
        all.addAll(objectProperties);
        all.addAll(datatypeProperties);
        // One lookup per term: a grouped SAMPLE over all terms would read every statement of every property.
        List<Query> lookups = all.stream().map(term -> SparqlFiles.query(classes.contains(term)
                ? "linkeddata/class-example.rq" : "linkeddata/property-example.rq", Map.of("term", term.asNode())))
                .toList();
        List<List<QuerySolution>> answers = reader.selectEach(lookups);
        Map<String, String> examples = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (!answers.get(i).isEmpty()) {
                examples.put(all.get(i).getURI(), answers.get(i).get(0).getResource("x").getURI());
            }
        }
        Map<String, String> names = labels.of(examples.values());
        return new Documentation(metadata(ontology),
                document(ontology, classes, RDFS.subClassOf, examples, names),
                document(ontology, objectProperties, RDFS.subPropertyOf, examples, names),
                document(ontology, datatypeProperties, RDFS.subPropertyOf, examples, names), ontology);
    }

    private static List<Resource> terms(Model ontology, Resource kind) {
        return ontology.listSubjectsWithProperty(RDF.type, kind).toList().stream()
                .filter(term -> term.isURIResource() && term.getURI().startsWith(IG.NS))
                .sorted(Comparator.comparing(Resource::getURI)).toList();
    }

    private Map<String, String> metadata(Model ontology) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        ontology.listSubjectsWithProperty(RDF.type, OWL.Ontology).toList().stream().findFirst().ifPresent(it -> {
            metadata.put("IRI", it.getURI());
            put(metadata, "title", it, DCTerms.title);
            put(metadata, "description", it, RDFS.comment);
            put(metadata, "version", it, OWL.versionInfo);
            put(metadata, "version IRI", it, OWL.versionIRI);
            put(metadata, "licence", it, DCTerms.license);
            Statement creator = it.getProperty(DCTerms.creator);
            if (creator != null && creator.getObject().isResource()) {
                Statement name = creator.getResource().getProperty(RDFS.label);
                metadata.put("creator", name != null ? name.getString() : creator.getResource().toString());
            }
        });
        return metadata;
    }

    private static void put(Map<String, String> metadata, String key, Resource subject, Property property) {
        Statement statement = subject.getProperty(property);
        if (statement != null) {
            RDFNode value = statement.getObject();
            metadata.put(key, value.isLiteral() ? value.asLiteral().getLexicalForm() : value.toString());
        }
    }

    private List<Term> document(Model ontology, List<Resource> terms, Property parent, Map<String, String> examples,
                                Map<String, String> exampleNames) {
        List<Term> documented = new ArrayList<>();
        for (Resource term : terms) {
            String iri = term.getURI();
            String example = examples.get(iri);
            documented.add(new Term(iri.substring(IG.NS.length()), iri, text(term, RDFS.label),
                    text(term, RDFS.comment), links(ontology, term, parent), links(ontology, term, RDFS.domain),
                    links(ontology, term, RDFS.range), example == null ? null : new ResourceLink(example,
                    iris.pageOf(example), exampleNames.getOrDefault(example, Labels.fallback(example)), "")));
        }
        return documented;
    }

    private static String text(Resource term, Property property) {
        Statement statement = term.getProperty(property);
        return statement == null ? "" : statement.getObject().isLiteral()
                ? statement.getLiteral().getLexicalForm() : statement.getObject().toString();
    }

    private List<ResourceLink> links(Model ontology, Resource term, Property property) {
        List<ResourceLink> links = new ArrayList<>();
        for (Statement statement : term.listProperties(property).toList()) {
            RDFNode value = statement.getObject();
            if (value.isURIResource()) {
                links.add(link(ontology, value.asResource()));
            } else if (value.isAnon() && value.asResource().hasProperty(OWL.unionOf)) {
                RDFList members = value.asResource().getPropertyResourceValue(OWL.unionOf).as(RDFList.class);
                members.asJavaList().stream().filter(RDFNode::isURIResource)
                        .forEach(member -> links.add(link(ontology, member.asResource())));
            }
        }
        return links;
    }

    private ResourceLink link(Model ontology, Resource term) {
        String iri = term.getURI();
        if (iri.startsWith(IG.NS)) {
            String label = text(ontology.getResource(iri), RDFS.label);
            return new ResourceLink(iri, "#" + iri.substring(IG.NS.length()),
                    label.isEmpty() ? Labels.fallback(iri) : label, "");
        }
        return new ResourceLink(iri, iri, IG.shortName(iri), "");
    }
}
