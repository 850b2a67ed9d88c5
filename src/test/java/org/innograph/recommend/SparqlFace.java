package org.innograph.recommend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;

/**
 * Runs a stored recommendation query the way the stored-query API does: each parameter becomes a VALUES block at
 * the start of the WHERE clause, the query text untouched.
 */
final class SparqlFace {

    record Row(String iri, double score) {
    }

    private final Dataset dataset;

    SparqlFace(Dataset dataset) {
        this.dataset = dataset;
    }

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static Node text(String value) {
        return NodeFactory.createLiteralString(value);
    }

    static Node bool(boolean value) {
        return NodeFactory.createLiteralDT(Boolean.toString(value), XSDDatatype.XSDboolean);
    }

    /** The full ranking: the subject variable (practice or peer) and the score, in the query's order. */
    List<Row> rank(String queryName, String subjectVariable, Map<String, List<Node>> bindings) {
        Query query = QueryFactory.create(read(queryName));
        ElementGroup group = new ElementGroup();
        bindings.forEach((name, nodes) -> {
            Var variable = Var.alloc(name);
            ElementData data = new ElementData();
            data.add(variable);
            nodes.forEach(node -> data.add(BindingFactory.binding(variable, node)));
            group.addElement(data);
        });
        ((ElementGroup) query.getQueryPattern()).getElements().forEach(group::addElement);
        query.setQueryPattern(group);
        List<Row> rows = new ArrayList<>();
        dataset.begin(ReadWrite.READ);
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
            ResultSet results = execution.execSelect();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                rows.add(new Row(row.getResource(subjectVariable).getURI(), row.getLiteral("score").getDouble()));
            }
        } finally {
            dataset.end();
        }
        return rows;
    }

    static String read(String queryName) {
        try (InputStream in = SparqlFace.class.getResourceAsStream("/queries/" + queryName + ".rq")) {
            if (in == null) {
                throw new IllegalArgumentException("no stored query " + queryName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
