package org.innograph.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.SparqlFiles;

/**
 * What an import may point to that is already in the graph: NUTS regions, countries, themes, projects, and the
 * ontology's class hierarchy. Asked in SPARQL against the default graph (the union), so the same questions work
 * on the store and on reference files loaded in memory.
 */
public abstract class ReferenceData {

    private static final int VALUES_CHUNK = 400;

    protected abstract <T> T read(Function<RDFConnection, T> work);

    public static ReferenceData of(GraphStore store) {
        return new ReferenceData() {
            @Override
            protected <T> T read(Function<RDFConnection, T> work) {
                return store.read(work);
            }
        };
    }

    /** Reference data held in memory (the {@code validate} command's reference files). */
    public static ReferenceData of(Dataset dataset) {
        return new ReferenceData() {
            @Override
            protected <T> T read(Function<RDFConnection, T> work) {
                return Txn.calculateRead(dataset, () -> {
                    try (RDFConnection connection = RDFConnection.connect(dataset)) {
                        return work.apply(connection);
                    }
                });
            }
        };
    }

    /** Country IRIs by the two-letter codes sources use: the NUTS country code (EL, UK) and ISO alpha-2. */
    public Map<String, String> countriesByCode() {
        Query query = SparqlFiles.query("ingest/countries-by-code.rq");
        return read(connection -> {
            Map<String, String> byIso = new HashMap<>();
            Map<String, String> byNuts = new HashMap<>();
            connection.querySelect(query, row -> {
                String iri = row.getResource("country").getURI();
                if (row.contains("iso")) {
                    byIso.put(row.getLiteral("iso").getString(), iri);
                }
                if (row.contains("nuts")) {
                    byNuts.put(row.getLiteral("nuts").getString(), iri);
                }
            });
            byIso.putAll(byNuts);
            return byIso;
        });
    }

    /** Theme IRIs by slug and by English label, lower case. */
    public Map<String, String> themesByName() {
        Query query = SparqlFiles.query("ingest/themes-by-name.rq");
        return read(connection -> {
            Map<String, String> themes = new HashMap<>();
            connection.querySelect(query, row -> {
                String iri = row.getResource("theme").getURI();
                themes.put(iri.substring(iri.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT), iri);
                if (row.contains("label")) {
                    themes.put(row.getLiteral("label").getString().toLowerCase(java.util.Locale.ROOT), iri);
                }
            });
            return themes;
        });
    }

    /** Which of these IRIs are regions of the graph (NUTS units with a notation and a label, or named areas). */
    public Set<String> existingRegions(Collection<String> iris) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(iris))) {
            Query query = withValues("ingest/existing-regions.rq", chunk);
            found.addAll(read(connection -> {
                Set<String> rows = new HashSet<>();
                connection.querySelect(query, row -> rows.add(row.getResource("r").getURI()));
                return rows;
            }));
        }
        return found;
    }

    /**
     * The statements about the given resources, plus the class hierarchy: what SHACL needs to check an import's
     * references (sh:class, the NUTS-exists rule) without validating the whole store.
     */
    public Graph describe(Collection<Node> resources) {
        Graph graph = GraphFactory.createDefaultGraph();
        List<String> iris = resources.stream().filter(Node::isURI).map(Node::getURI).distinct().toList();
        for (List<String> chunk : chunks(iris)) {
            Query query = withValues("ingest/describe-references.rq", chunk);
            addAll(graph, read(connection -> connection.queryConstruct(query)));
        }
        Query hierarchy = SparqlFiles.query("ingest/class-hierarchy.rq");
        addAll(graph, read(connection -> connection.queryConstruct(hierarchy)));
        return graph;
    }

    private static void addAll(Graph graph, Model model) {
        model.getGraph().find().forEachRemaining(graph::add);
    }

    /** The IRIs go in as a VALUES block built from nodes, never as text spliced into the query. */
    private static Query withValues(String queryFile, List<String> iris) {
        return SparqlFiles.withValues(SparqlFiles.query(queryFile),
                Map.of(Var.alloc("r"), iris.stream().map(NodeFactory::createURI).toList()));
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += VALUES_CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + VALUES_CHUNK)));
        }
        return chunks;
    }

}
