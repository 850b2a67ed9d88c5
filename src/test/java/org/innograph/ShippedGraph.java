package org.innograph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sys.JenaSystem;

/**
 * The shipped graphs as the service loads them: ontology/{name}.ttl and data/{name}.ttl into the named graph
 * https://w3id.org/innograph/graph/{name}, with the default graph as the union of all of them. Loaded once per JVM.
 */
public final class ShippedGraph {
    public static final String GRAPH = "https://w3id.org/innograph/graph/";
    private static Dataset dataset;

    private ShippedGraph() {}

    public static synchronized Dataset dataset() {
        if (dataset == null) {
            JenaSystem.init();
            DatasetGraph dsg = DatasetGraphFactory.createGeneral();
            for (Path file : files()) {
                String name = graphName(file);
                Graph g = RDFDataMgr.loadGraph(file.toString());
                dsg.addGraph(NodeFactory.createURI(GRAPH + name), g);
                g.find().forEachRemaining(dsg.getDefaultGraph()::add);
            }
            dataset = DatasetFactory.wrap(dsg);
        }
        return dataset;
    }

    /** ontology/innograph.ttl is the graph "ontology"; every other file is named by its base name. */
    public static String graphName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ttl$", "");
        return name.equals("innograph") ? "ontology" : name;
    }

    public static List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ontology", "data")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    public static List<QuerySolution> select(String sparql) {
        try (QueryExecution qe = QueryExecution.dataset(dataset()).query(sparql).build()) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    /** A stored research query from src/test/resources/research/{name}.rq. */
    public static String researchQuery(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/research", name + ".rq"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> column(List<QuerySolution> rows, String var) {
        return rows.stream().map(r -> {
            var n = r.get(var);
            return n == null ? null : n.isResource() ? n.asResource().getURI() : n.asLiteral().getLexicalForm();
        }).toList();
    }
}
