package org.innograph.sparql;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * The default graph that queries see is the union of all named graphs; it has no triples of its own. A write
 * addressed to it (the first update of every tutorial, {@code INSERT DATA { <s> <p> <o> }}, or a client's
 * {@code load(model)}) goes to one designated named graph instead ({@code innograph.sparql.default-write-graph}),
 * which is part of that union, so what was written is what the next query sees.
 *
 * <p>Deleting works the same way: {@code DELETE DATA}, {@code DELETE WHERE}, a {@code DELETE} template outside
 * {@code GRAPH}, {@code CLEAR DEFAULT} and {@code DROP DEFAULT} remove triples from the designated graph only;
 * the other named graphs are untouched even when the union shows the same triple. {@code WHERE} patterns are not
 * rewritten: they read the union, like every query. {@code DEFAULT} in {@code ADD}, {@code COPY} and
 * {@code MOVE} names the designated graph too.
 */
final class DefaultGraphWrites {

    private DefaultGraphWrites() {
    }

    /** The request with every write addressed to the default graph aimed at {@code target}. */
    static UpdateRequest redirect(UpdateRequest request, Node target) {
        UpdateRequest redirected = new UpdateRequest();
        redirected.setPrefixMapping(request.getPrefixMapping());
        if (request.explicitlySetBaseURI()) {
            redirected.setBaseURI(request.getBaseURI());
        }
        for (Update operation : request.getOperations()) {
            redirected.add(redirect(operation, target));
        }
        return redirected;
    }

    private static Update redirect(Update operation, Node target) {
        if (operation instanceof UpdateDataInsert insert) {
            return new UpdateDataInsert(new QuadDataAcc(aimed(insert.getQuads(), target)));
        }
        if (operation instanceof UpdateDataDelete delete) {
            return new UpdateDataDelete(new QuadDataAcc(aimed(delete.getQuads(), target)));
        }
        if (operation instanceof UpdateDeleteWhere delete) {
            // The pattern is the template: matched and deleted in the designated graph only.
            return new UpdateDeleteWhere(new QuadAcc(aimed(delete.getQuads(), target)));
        }
        if (operation instanceof UpdateModify modify && modify.getWithIRI() == null) {
            return templatesAimed(modify, target);
        }
        if (operation instanceof UpdateLoad load && load.getDest() == null) {
            return new UpdateLoad(load.getSource(), target, load.isSilent());
        }
        if (operation instanceof UpdateDropClear drop && drop.isDefault()) {
            // SILENT: the designated graph may not exist yet, and the default graph always "exists".
            return drop instanceof UpdateDrop ? new UpdateDrop(target, true) : new UpdateClear(target, true);
        }
        if (operation instanceof UpdateBinaryOp binary
                && (binary.getSrc().isDefault() || binary.getDest().isDefault())) {
            return binaryAimed(binary, target);
        }
        return operation;
    }

    private static UpdateModify templatesAimed(UpdateModify modify, Node target) {
        UpdateModify aimed = new UpdateModify();
        modify.getUsing().forEach(aimed::addUsing);
        modify.getUsingNamed().forEach(aimed::addUsingNamed);
        aimed.setElement(modify.getWherePattern());
        aimed.setHasDeleteClause(modify.hasDeleteClause());
        aimed.setHasInsertClause(modify.hasInsertClause());
        aimed(modify.getDeleteQuads(), target).forEach(aimed.getDeleteAcc()::addQuad);
        aimed(modify.getInsertQuads(), target).forEach(aimed.getInsertAcc()::addQuad);
        return aimed;
    }

    private static Update binaryAimed(UpdateBinaryOp binary, Node target) {
        Target source = binary.getSrc().isDefault() ? Target.create(target) : binary.getSrc();
        Target destination = binary.getDest().isDefault() ? Target.create(target) : binary.getDest();
        if (binary instanceof UpdateAdd) {
            return new UpdateAdd(source, destination, binary.isSilent());
        }
        if (binary instanceof UpdateCopy) {
            return new UpdateCopy(source, destination, binary.isSilent());
        }
        return new UpdateMove(source, destination, binary.isSilent());
    }

    private static List<Quad> aimed(List<Quad> quads, Node target) {
        return quads.stream().map(quad -> quad.isDefaultGraph()
                ? Quad.create(target, quad.getSubject(), quad.getPredicate(), quad.getObject()) : quad).toList();
    }
}
