package org.innograph.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_BNode;
import org.apache.jena.sparql.expr.E_Random;
import org.apache.jena.sparql.expr.E_StrUUID;
import org.apache.jena.sparql.expr.E_UUID;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprVar;

/**
 * ORDER BY a key that is new each time it is evaluated (RAND(), UUID(), STRUUID(), BNODE()): Jena evaluates
 * sort keys inside the comparator, so such a key changes between two comparisons of the same rows, and Java's
 * sort may throw "Comparison method violates its general contract!" (a 500; found by the fuzzer with
 * {@code ORDER BY RAND()} over some 50,000 rows; Fuseki answers it with a 500 too). Each row gets such a key once,
 * bound to a variable before the sort, and the sort orders by that variable; the key variables are projected
 * away again, so the answer has the same variables as before.
 */
final class FixedSortKeys {

    private FixedSortKeys() {
    }

    /** The same order with every changing key computed once per row; {@code order} itself when it has none. */
    static Op of(OpOrder order) {
        Keyed keyed = keyed(order.getSubOp(), order.getConditions());
        return keyed == null ? order : keyed.visibleOnly(new OpOrder(keyed.rows(), keyed.conditions()));
    }

    /**
     * The same for ORDER BY … LIMIT, which Jena runs as a top-N (its comparator evaluates the keys too, and Java's
     * sort of the kept rows throws the same way: the fuzzer's {@code ORDER BY RAND() LIMIT 66}, seed 8224378919266).
     */
    static Op of(OpTopN top) {
        Keyed keyed = keyed(top.getSubOp(), top.getConditions());
        return keyed == null ? top : keyed.visibleOnly(new OpTopN(keyed.rows(), top.getLimit(), keyed.conditions()));
    }

    /** The rows with their changing keys bound once each, and the conditions that order by those; null if none. */
    private static Keyed keyed(Op rows, List<SortCondition> order) {
        VarExprList keys = new VarExprList();
        List<SortCondition> conditions = new ArrayList<>();
        for (SortCondition condition : order) {
            if (changesPerEvaluation(condition.getExpression())) {
                Var key = Var.alloc(".sortKey" + keys.size());
                keys.add(key, condition.getExpression());
                conditions.add(new SortCondition(new ExprVar(key), condition.getDirection()));
            } else {
                conditions.add(condition);
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        return new Keyed(OpExtend.create(rows, keys), conditions, new ArrayList<>(OpVars.visibleVars(rows)));
    }

    private record Keyed(Op rows, List<SortCondition> conditions, List<Var> visible) {

        /** The sorted rows without the key variables, so that the answer has the variables it had. */
        Op visibleOnly(Op sorted) {
            return new OpProject(sorted, visible);
        }
    }

    private static boolean changesPerEvaluation(Expr expr) {
        if (expr instanceof E_Random || expr instanceof E_UUID || expr instanceof E_StrUUID
                || expr instanceof E_BNode) {
            return true;
        }
        return expr instanceof ExprFunction function
                && function.getArgs().stream().anyMatch(FixedSortKeys::changesPerEvaluation);
    }
}
