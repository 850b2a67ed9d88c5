package org.innograph.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
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
        VarExprList keys = new VarExprList();
        List<SortCondition> conditions = new ArrayList<>();
        for (SortCondition condition : order.getConditions()) {
            if (changesPerEvaluation(condition.getExpression())) {
                Var key = Var.alloc(".sortKey" + keys.size());
                keys.add(key, condition.getExpression());
                conditions.add(new SortCondition(new ExprVar(key), condition.getDirection()));
            } else {
                conditions.add(condition);
            }
        }
        if (keys.isEmpty()) {
            return order;
        }
        List<Var> visible = new ArrayList<>(OpVars.visibleVars(order.getSubOp()));
        return new OpProject(new OpOrder(OpExtend.create(order.getSubOp(), keys), conditions), visible);
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
