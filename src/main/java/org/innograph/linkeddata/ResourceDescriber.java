package org.innograph.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.innograph.ingest.GraphNames;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/** Reads what the graph says about one resource, for its page and for its RDF representations. */
@Component
public class ResourceDescriber {

    private static final String INFERRED_GRAPH = GraphNames.GRAPH_BASE + "inno-industry-inferred";
    private static final List<String> FIRST = List.of(RDF.type.getURI(), IG.expand("rdfs:label"),
            IG.expand("skos:prefLabel"), IG.expand("dct:title"), IG.expand("dct:identifier"),
            IG.expand("skos:notation"));

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final LinkedDataProperties properties;

    public ResourceDescriber(GraphReader reader, Labels labels, PublicIris iris, LinkedDataProperties properties) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.properties = properties;
    }

    /** Empty when the graph says nothing about the IRI, in either direction. */
    public Optional<ResourceDescription> describe(String iri) {
        Node resource = NodeFactory.createURI(iri);
        List<QuerySolution> out = reader.select(SparqlFiles.query("linkeddata/outgoing.rq", Map.of("s", resource)));
        Query inboundQuery = SparqlFiles.query("linkeddata/inbound.rq", Map.of("o", resource));
        inboundQuery.setLimit(properties.inboundLimit() + 1);
        List<QuerySolution> in = reader.select(inboundQuery);
        if (out.isEmpty() && in.isEmpty()) {
            return Optional.empty();
        }
        boolean truncated = in.size() > properties.inboundLimit();
        if (truncated) {
            in = in.subList(0, properties.inboundLimit());
        }

        Set<String> named = new LinkedHashSet<>();
        named.add(iri);
        out.forEach(row -> {
            named.add(row.getResource("p").getURI());
            if (row.get("o").isURIResource()) {
                named.add(row.getResource("o").getURI());
            }
        });
        in.forEach(row -> {
            named.add(row.getResource("p").getURI());
            named.add(row.getResource("s").getURI());
        });
        Map<String, String> names = labels.of(named);

        Map<String, Map<String, Statement>> outgoingByProperty = new LinkedHashMap<>();
        for (QuerySolution row : out) {
            add(outgoingByProperty, row.getResource("p").getURI(), row.get("o"), row.getResource("g").getURI());
        }
        Map<String, Map<String, Statement>> inboundByProperty = new LinkedHashMap<>();
        for (QuerySolution row : in) {
            add(inboundByProperty, row.getResource("p").getURI(), row.get("s"), row.getResource("g").getURI());
        }
        List<PropertyValues> outgoingRows = rows(outgoingByProperty, names);
        List<ValueView> types = outgoingRows.stream().filter(row -> row.iri().equals(RDF.type.getURI()))
                .findFirst().map(PropertyValues::values).orElse(List.of());
        String label = names.getOrDefault(iri, Labels.fallback(iri));
        return Optional.of(new ResourceDescription(iri, label, types, outgoingRows, rows(inboundByProperty, names),
                truncated));
    }

    /** The resource as RDF: its own statements (with blank nodes they lead to) and the links pointing at it. */
    public Model rdf(String iri) {
        Node resource = NodeFactory.createURI(iri);
        Model model = reader.construct(SparqlFiles.query("linkeddata/outgoing-rdf.rq", Map.of("s", resource)));
        Query inboundQuery = SparqlFiles.query("linkeddata/inbound-rdf.rq", Map.of("s", resource));
        inboundQuery.setLimit(properties.inboundLimit());
        model.add(reader.construct(inboundQuery));
        IG.PREFIXES.forEach(model::setNsPrefix);
        return model;
    }

    private record Statement(RDFNode value, Set<String> graphs) {
    }

    private static void add(Map<String, Map<String, Statement>> byProperty, String property, RDFNode value,
                            String graph) {
        String key = value.isLiteral() ? "L" + value.asLiteral().toString() : "R" + value.toString();
        byProperty.computeIfAbsent(property, p -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new Statement(value, new TreeSet<>())).graphs().add(graph);
    }

    private List<PropertyValues> rows(Map<String, Map<String, Statement>> byProperty, Map<String, String> names) {
        List<PropertyValues> rows = new ArrayList<>();
        byProperty.forEach((property, statements) -> {
            List<ValueView> values = statements.values().stream().map(statement -> view(statement, names))
                    .sorted(Comparator.comparing(ValueView::text, String.CASE_INSENSITIVE_ORDER)).toList();
            rows.add(new PropertyValues(property, names.getOrDefault(property, readable(property)),
                    documentation(property), values));
        });
        rows.sort(Comparator.comparingInt((PropertyValues row) -> {
            int first = FIRST.indexOf(row.iri());
            return first < 0 ? FIRST.size() : first;
        }).thenComparing(PropertyValues::label, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    private ValueView view(Statement statement, Map<String, String> names) {
        RDFNode value = statement.value();
        String graphs = String.join(" ", statement.graphs().stream().map(ResourceDescriber::shortGraph).toList());
        boolean inferred = statement.graphs().equals(Set.of(INFERRED_GRAPH));
        if (value.isLiteral()) {
            Literal literal = value.asLiteral();
            String datatype = literal.getLanguage().isEmpty() && !XSD.xstring.getURI().equals(literal.getDatatypeURI())
                    ? Labels.fallback(literal.getDatatypeURI()) : "";
            return new ValueView(literal.getLexicalForm(), null, null, literal.getLanguage(), datatype, graphs,
                    inferred);
        }
        if (value.isAnon()) {
            return new ValueView("(blank node)", null, null, "", "", graphs, inferred);
        }
        String iri = value.asResource().getURI();
        String label = names.get(iri);
        // A resource we hold (it has a label here) or mint gets our page; anything else links out.
        String href = label != null || iris.isMinted(iri) ? iris.pageOf(iri) : iri;
        return new ValueView(label != null ? label : IG.shortName(iri), iri, href, "", "", graphs, inferred);
    }

    private String documentation(String property) {
        return property.startsWith(IG.NS) ? "/ontology#" + property.substring(IG.NS.length())
                : property;
    }

    private static String shortGraph(String graph) {
        return graph.startsWith(GraphNames.GRAPH_BASE) ? graph.substring(GraphNames.GRAPH_BASE.length()) : graph;
    }

    /** {@code prefLabel} → "pref label", for terms of vocabularies whose labels we do not hold. */
    static String readable(String iri) {
        return Labels.fallback(iri).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
