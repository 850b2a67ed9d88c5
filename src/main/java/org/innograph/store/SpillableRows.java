package org.innograph.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterConvert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Rows that a DISTINCT or an update may spill to disk, with variables Jena can read back. Jena writes spilled rows
 * with their variables' names and reads them back with a tokenizer that refuses some of the names it makes itself:
 * {@code GRAPH ?g { ?x <p>? ?g }} gives the inner {@code ?g} the name {@code *g0}, and a sort of such rows that
 * spilled failed with "VARS requires a list of variables" (a 500, fuzzer seed 40809391776846 case 445: the same
 * for any anonymous query of that shape with more rows than {@code innograph.store.max-rows-in-memory}). Such
 * variables get a readable name for the DISTINCT, and their own back after it. (Sorts spill in a form of their
 * own that keeps any name: {@link KeyedSort}.)
 */
final class SpillableRows {

    private SpillableRows() {
    }

    /**
     * {@code spill} applied to the rows of {@code under}; when {@code under} names a variable Jena cannot read
     * back, the rows reach {@code spill} with it renamed and leave with its own name again.
     */
    static QueryIterator around(Op under, QueryIterator rows, UnaryOperator<QueryIterator> spill,
                                ExecutionContext context) {
        Set<Var> mentioned = new HashSet<>(OpVars.mentionedVars(under));
        Map<Var, Var> readable = new HashMap<>();
        int next = 0;
        for (Var var : mentioned) {
            if (!readBack(var.getVarName())) {
                Var stand;
                do {
                    // "?" starts Jena's own names (blank nodes in patterns): never a variable of the query's text
                    stand = Var.alloc("?spilled" + next++);
                } while (mentioned.contains(stand));
                readable.put(var, stand);
            }
        }
        if (readable.isEmpty()) {
            return spill.apply(rows);
        }
        Map<Var, Var> original = new HashMap<>();
        readable.forEach((own, stand) -> original.put(stand, own));
        QueryIterator renamed = new QueryIterConvert(rows, row -> rename(row, readable), context);
        return new QueryIterConvert(spill.apply(renamed), row -> rename(row, original), context);
    }

    /**
     * Letters, digits and the markers Jena's reader takes: {@code ?} of blank-node and {@code /} of inner-scope
     * variables.
     */
    static boolean readBack(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '?' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /**
     * The update with each DELETE/INSERT … WHERE reading only the variables of its templates: Jena keeps an
     * update's rows in a bag of its own that spills as a sort does, so its WHERE becomes a sub-select whose
     * projection leaves Jena's own variables behind. Which rows match, and how often, is unchanged (with ground
     * templates only whether one matches counts, and one is read).
     */
    static UpdateRequest projected(UpdateRequest update) {
        UpdateRequest copy = new UpdateRequest();
        copy.setPrefixMapping(update.getPrefixMapping());
        copy.setBase(update.getBase());
        for (Update operation : update.getOperations()) {
            if (operation instanceof UpdateModify modify) {
                copy.add(projected(modify));
            } else if (operation instanceof UpdateDeleteWhere deleteWhere) {
                copy.add(projected(asModify(deleteWhere)));
            } else {
                copy.add(operation);
            }
        }
        return copy;
    }

    private static UpdateModify projected(UpdateModify modify) {
        Query select = new Query();
        select.setQuerySelectType();
        select.setQueryPattern(modify.getWherePattern());
        Set<Var> templateVars = new LinkedHashSet<>();
        for (Quad quad : modify.getDeleteQuads()) {
            addVars(quad, templateVars);
        }
        for (Quad quad : modify.getInsertQuads()) {
            addVars(quad, templateVars);
        }
        if (templateVars.isEmpty()) {
            // Ground templates write the same triples for every match: whether there is one is all that counts.
            select.setQueryResultStar(true);
            select.setLimit(1);
        } else {
            templateVars.forEach(select::addResultVar);
        }
        UpdateModify copy = new UpdateModify();
        copy.setHasDeleteClause(modify.hasDeleteClause());
        copy.setHasInsertClause(modify.hasInsertClause());
        modify.getDeleteQuads().forEach(copy.getDeleteAcc()::addQuad);
        modify.getInsertQuads().forEach(copy.getInsertAcc()::addQuad);
        modify.getUsing().forEach(copy::addUsing);
        modify.getUsingNamed().forEach(copy::addUsingNamed);
        copy.setWithIRI(modify.getWithIRI());
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementSubQuery(select));
        copy.setElement(where);
        return copy;
    }

    /** DELETE WHERE { P } as the standard defines it: DELETE { P } WHERE { P }. */
    private static UpdateModify asModify(UpdateDeleteWhere deleteWhere) {
        UpdateModify modify = new UpdateModify();
        modify.setHasDeleteClause(true);
        ElementGroup where = new ElementGroup();
        Map<Node, ElementTriplesBlock> byGraph = new LinkedHashMap<>();
        for (Quad quad : deleteWhere.getQuads()) {
            modify.getDeleteAcc().addQuad(quad);
            byGraph.computeIfAbsent(quad.getGraph(), graph -> new ElementTriplesBlock()).addTriple(quad.asTriple());
        }
        byGraph.forEach((graph, triples) -> where.addElement(
                graph == null || Quad.isDefaultGraph(graph) ? triples : new ElementNamedGraph(graph, triples)));
        modify.setElement(where);
        return modify;
    }

    private static void addVars(Quad quad, Set<Var> vars) {
        for (Node node : new Node[] {quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject()}) {
            if (node != null && Var.isVar(node)) {
                vars.add(Var.alloc(node));
            }
        }
    }

    private static Binding rename(Binding row, Map<Var, Var> names) {
        BindingBuilder renamed = BindingBuilder.create();
        row.forEach((var, value) -> renamed.add(names.getOrDefault(var, var), value));
        return renamed.build();
    }
}
