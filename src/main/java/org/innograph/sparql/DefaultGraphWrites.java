package org.innograph.sparql;

import java.util.Collection;
import java.util.Optional;

import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * The default graph is the read-only union of the named graphs. A write aimed at it would succeed and then
 * be invisible to every query, so such updates are refused with a message that says where to write instead.
 */
final class DefaultGraphWrites {

    private DefaultGraphWrites() {
    }

    static void refuse(UpdateRequest request) {
        int index = 0;
        for (Update operation : request.getOperations()) {
            index++;
            Optional<String> problem = problem(operation);
            if (problem.isPresent()) {
                throw SparqlProtocolException.badRequest("Operation " + index + " " + problem.get()
                        + ": the default graph is the read-only union of all named graphs; write into a named graph "
                        + "(GRAPH <…> { … }, WITH <…> or INTO GRAPH <…>)");
            }
        }
    }

    private static Optional<String> problem(Update operation) {
        if (operation instanceof UpdateData data && touchesDefault(data.getQuads())) {
            return Optional.of("writes triples outside GRAPH");
        }
        if (operation instanceof UpdateDeleteWhere delete && touchesDefault(delete.getQuads())) {
            return Optional.of("deletes triples outside GRAPH");
        }
        if (operation instanceof UpdateModify modify && modify.getWithIRI() == null
                && (touchesDefault(modify.getInsertQuads()) || touchesDefault(modify.getDeleteQuads()))) {
            return Optional.of("has a template outside GRAPH and no WITH");
        }
        if (operation instanceof UpdateLoad load && load.getDest() == null) {
            return Optional.of("loads without INTO GRAPH");
        }
        if (operation instanceof UpdateDropClear drop && drop.isDefault()) {
            return Optional.of("clears or drops DEFAULT");
        }
        if (operation instanceof UpdateBinaryOp copy && copy.getDest().isDefault()) {
            return Optional.of("targets DEFAULT");
        }
        return Optional.empty();
    }

    private static boolean touchesDefault(Collection<Quad> quads) {
        return quads.stream().anyMatch(Quad::isDefaultGraph);
    }

}
