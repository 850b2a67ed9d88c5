package org.innograph.sparql;

import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * The RDF dataset a request names through the protocol ({@code default-graph-uri}, {@code named-graph-uri},
 * {@code using-graph-uri}, {@code using-named-graph-uri}). It is written into the query or update itself,
 * so the embedded and the remote store apply it the same way.
 */
public record ProtocolDataset(List<String> defaultGraphs, List<String> namedGraphs) {

    public ProtocolDataset {
        defaultGraphs = defaultGraphs == null ? List.of() : List.copyOf(defaultGraphs);
        namedGraphs = namedGraphs == null ? List.of() : List.copyOf(namedGraphs);
        defaultGraphs.forEach(ProtocolDataset::requireAbsoluteIri);
        namedGraphs.forEach(ProtocolDataset::requireAbsoluteIri);
    }

    public boolean isEmpty() {
        return defaultGraphs.isEmpty() && namedGraphs.isEmpty();
    }

    /** SPARQL 1.1 Protocol §2.1.4: a dataset given by the protocol replaces the query's FROM and FROM NAMED. */
    public void applyTo(Query query) {
        if (isEmpty()) {
            return;
        }
        query.getGraphURIs().clear();
        query.getNamedGraphURIs().clear();
        defaultGraphs.forEach(query::addGraphURI);
        namedGraphs.forEach(query::addNamedGraphURI);
    }

    /** SPARQL 1.1 Protocol §2.2.3: USING, USING NAMED or WITH in the update together with the protocol's is an error. */
    public void applyTo(UpdateRequest request) {
        if (isEmpty()) {
            return;
        }
        for (Update operation : request.getOperations()) {
            if (!(operation instanceof UpdateModify modify)) {
                continue;
            }
            if (!modify.getUsing().isEmpty() || !modify.getUsingNamed().isEmpty() || modify.getWithIRI() != null) {
                throw SparqlProtocolException.badRequest("The update has USING, USING NAMED or WITH and the request "
                        + "also gives using-graph-uri or using-named-graph-uri: name the dataset in one place only");
            }
            defaultGraphs.forEach(iri -> modify.addUsing(NodeFactory.createURI(iri)));
            namedGraphs.forEach(iri -> modify.addUsingNamed(NodeFactory.createURI(iri)));
        }
    }

    static void requireAbsoluteIri(String iri) {
        if (!AbsoluteIri.is(iri)) {
            throw SparqlProtocolException.badRequest("Graph name '" + iri + "' is not an absolute IRI");
        }
        if (hasDotSegments(iri)) {
            // Graph names are opaque, but "…/graph/../ontology" is another spelling of a graph a client
            // may not mean to touch: ask for the plain one.
            throw SparqlProtocolException.badRequest("Graph name '" + iri + "' has '.' or '..' path segments: "
                    + "write it without them");
        }
    }

    private static boolean hasDotSegments(String iri) {
        return iri.matches(".*/\\.{1,2}(/.*|[?#].*)?");
    }
}
