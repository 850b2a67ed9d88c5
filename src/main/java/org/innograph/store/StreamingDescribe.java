package org.innograph.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.exec.QueryExecutionAdapter;
import org.apache.jena.sparql.exec.RowSet;

/**
 * DESCRIBE on the embedded store, as a stream of triples. Jena's own DESCRIBE gathers every resource to
 * describe and every triple of the answer in memory before the first one is written, so a
 * {@code DESCRIBE ?s WHERE { ?s ?p ?o }} copies the store into the heap. Here the resources come one by one
 * from the WHERE clause (run as a SELECT) and each is described as Jena's default describes it: its triples,
 * and those of blank nodes reached from it, recursively.
 */
final class StreamingDescribe extends QueryExecutionAdapter {

    private final Query describe;
    private final Graph graph;
    private final long maxRemembered;

    /**
     * @param select        the DESCRIBE's WHERE clause as a SELECT of the described variables ({@link #selectOf})
     * @param graph         the graph the descriptions come from (the query's default graph)
     * @param maxRemembered how many described resources are remembered, so each is described once; past it
     *                      the memory is cleared (a resource may then come twice, which changes no RDF graph)
     */
    StreamingDescribe(Query describe, QueryExec select, Graph graph, long maxRemembered) {
        super(select);
        this.describe = describe;
        this.graph = graph;
        this.maxRemembered = maxRemembered;
    }

    /** The WHERE clause of a DESCRIBE as a SELECT of what it describes (of nothing when it names only IRIs). */
    static Query selectOf(Query describe) {
        if (describe.getQueryPattern() == null
                || !describe.isQueryResultStar() && describe.getProjectVars().isEmpty()) {
            Query nothing = new Query();
            nothing.setQuerySelectType();
            nothing.setQueryResultStar(true);
            nothing.setQueryPattern(new ElementGroup());
            return nothing;
        }
        Query select = describe.cloneQuery();
        select.setQuerySelectType();
        select.getResultURIs().clear();
        return select;
    }

    @Override
    public Query getQuery() {
        return describe;
    }

    @Override
    public Iterator<Triple> execDescribeTriples() {
        return new Descriptions(resources());
    }

    @Override
    public Model execDescribe() {
        Model model = ModelFactory.createDefaultModel();
        execDescribeTriples().forEachRemaining(model.getGraph()::add);
        return model;
    }

    @Override
    public Model execDescribe(Model model) {
        execDescribeTriples().forEachRemaining(model.getGraph()::add);
        return model;
    }

    /** The named IRIs, then the values of the described variables, row by row. */
    private Iterator<Node> resources() {
        List<Node> named = describe.getResultURIs();
        RowSet rows = get().select();
        List<Var> vars = rows.getResultVars();
        return new Iterator<>() {
            private final Deque<Node> pending = new ArrayDeque<>(named);

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && rows.hasNext()) {
                    Binding row = rows.next();
                    for (Var var : vars) {
                        Node value = row.get(var);
                        if (value != null) {
                            pending.add(value);
                        }
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public Node next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
    }

    /** The triples of each resource and of the blank nodes reached from it. */
    private final class Descriptions implements Iterator<Triple> {

        private final Iterator<Node> resources;
        private final Set<Node> described = new HashSet<>();
        private final Deque<Node> blankNodes = new ArrayDeque<>();
        private final Set<Node> reached = new HashSet<>();
        private Iterator<Triple> current = java.util.Collections.emptyIterator();
        private Triple next;

        Descriptions(Iterator<Node> resources) {
            this.resources = resources;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (current.hasNext()) {
                    next = current.next();
                    if (next.getObject().isBlank() && reached.add(next.getObject())) {
                        blankNodes.push(next.getObject());
                    }
                } else if (!blankNodes.isEmpty()) {
                    current = graph.find(blankNodes.pop(), Node.ANY, Node.ANY);
                } else if (!startNextResource()) {
                    return false;
                }
            }
            return true;
        }

        private boolean startNextResource() {
            while (resources.hasNext()) {
                Node resource = resources.next();
                if (resource.isLiteral() || !described.add(resource)) {
                    continue;
                }
                if (described.size() > maxRemembered) {
                    described.clear();
                    described.add(resource);
                }
                reached.clear();
                reached.add(resource);
                current = graph.find(resource, Node.ANY, Node.ANY);
                return true;
            }
            return false;
        }

        @Override
        public Triple next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Triple triple = next;
            next = null;
            return triple;
        }
    }
}
