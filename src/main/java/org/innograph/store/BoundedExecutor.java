package org.innograph.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.iterator.QueryIterDistinct;
import org.apache.jena.sparql.engine.iterator.QueryIterGroup;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's query executor with a bound on grouping, and sorts that stop when the query is stopped. Sorts and DISTINCT spill to disk past
 * {@code ARQ.spillToDiskThreshold}, but Jena keeps every group of a GROUP BY in memory (and, for a GROUP BY
 * without aggregates, one entry per input row): here a grouping that makes more groups than the bound is
 * stopped with {@link QueryTooLargeException}, and one without aggregates keeps each group once.
 */
final class BoundedExecutor extends OpExecutorTDB2 {

    private final long maxGroups;

    private BoundedExecutor(ExecutionContext context, long maxGroups) {
        super(context);
        this.maxGroups = maxGroups;
    }

    static OpExecutorFactory factory(long maxGroups) {
        return context -> new BoundedExecutor(context, maxGroups);
    }

    /**
     * Jena's order ({@link KeyedSort}), stopped by the cancel signal also while it sorts. Sorting a chunk of rows
     * before it spills to disk can take seconds, and Jena's sort only hears of a cancel through the iterator tree,
     * which did not reach it: a timed-out ORDER BY ran on for tens of seconds.
     */
    @Override
    protected QueryIterator execute(OpOrder order, QueryIterator input) {
        Op fixed = FixedSortKeys.of(order);
        if (fixed != order) {
            return exec(fixed, input);
        }
        return KeyedSort.create(new CancelChecked(exec(order.getSubOp(), input), execCxt), order.getConditions(),
                execCxt);
    }

    /** Jena's top-N (ORDER BY … LIMIT), with a key that changes per evaluation computed once per row. */
    @Override
    protected QueryIterator execute(OpTopN top, QueryIterator input) {
        Op fixed = FixedSortKeys.of(top);
        return fixed != top ? exec(fixed, input) : super.execute(top, input);
    }

    /** Jena's own, with its input watched for the cancel signal ({@link CancelChecked}). */
    @Override
    protected QueryIterator execute(OpDistinct distinct, QueryIterator input) {
        QueryIterator rows = new CancelChecked(exec(distinct.getSubOp(), input), execCxt);
        // As Jena: a DISTINCT that spills must keep the order of an ORDER BY under it.
        List<SortCondition> order = distinct.getSubOp() instanceof OpOrder sorted ? sorted.getConditions() : null;
        return SpillableRows.around(distinct.getSubOp(), rows, kept -> new QueryIterDistinct(kept, order, execCxt),
                execCxt);
    }

    /**
     * With aggregates: Jena's own grouping (its semantics to the letter), fed by rows whose distinct keys are
     * counted on the way in, so that the groups it keeps stay under the bound. Without aggregates the answer is
     * the distinct keys, kept once each ({@link Grouping}), where Jena would keep every input row.
     */
    @Override
    protected QueryIterator execute(OpGroup group, QueryIterator input) {
        QueryIterator rows = exec(group.getSubOp(), input);
        if (group.getAggregators() == null || group.getAggregators().isEmpty()) {
            return new Grouping(rows, group.getGroupVars(), group.getAggregators(), execCxt, maxGroups);
        }
        return new QueryIterGroup(new GroupsCounted(rows, group.getGroupVars(), execCxt, maxGroups),
                group.getGroupVars(), group.getAggregators(), execCxt);
    }

    /** Rows passed on as they are, failing once they make more distinct group keys than the bound. */
    private static final class GroupsCounted extends QueryIter1 {

        private final VarExprList keys;
        private final long maxGroups;
        private final Set<Binding> seen = new HashSet<>();

        GroupsCounted(QueryIterator rows, VarExprList keys, ExecutionContext context, long maxGroups) {
            super(rows, context);
            this.keys = keys;
            this.maxGroups = maxGroups;
        }

        @Override
        protected boolean hasNextBinding() {
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            Binding row = getInput().nextBinding();
            if (seen.add(Grouping.key(keys, row, getExecContext())) && seen.size() > maxGroups) {
                throw Grouping.tooManyGroups(maxGroups);
            }
            return row;
        }

        @Override
        protected void requestSubCancel() {
        }

        @Override
        protected void closeSubIterator() {
        }
    }

    /**
     * Rows that stop with {@link QueryCancelledException} once the query is cancelled or out of time. Jena's
     * sort and DISTINCT stop feeding their disk-spilling bag when cancelled, but once a spill had been
     * abandoned they went on reading their input to the end (a cross product: for hours) without looking.
     */
    private static final class CancelChecked extends QueryIter1 {

        private final AtomicBoolean cancelled;

        CancelChecked(QueryIterator rows, ExecutionContext context) {
            super(rows, context);
            this.cancelled = context.getCancelSignal();
        }

        @Override
        protected boolean hasNextBinding() {
            if (cancelled != null && cancelled.get()) {
                throw new QueryCancelledException();
            }
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            return getInput().nextBinding();
        }

        @Override
        protected void requestSubCancel() {
        }

        @Override
        protected void closeSubIterator() {
        }
    }

    /** Jena's QueryIterGroup, with the bound: groups are made when first read (typically by hasNext). */
    private static final class Grouping extends QueryIterPlainWrapper {

        private final QueryIterator rows;

        Grouping(QueryIterator rows, VarExprList keys, List<ExprAggregator> aggregators, ExecutionContext context,
                 long maxGroups) {
            super(groups(rows, keys, aggregators, context, maxGroups), context);
            this.rows = rows;
        }

        @Override
        public void requestCancel() {
            rows.cancel();
            super.requestCancel();
        }

        @Override
        protected void closeIterator() {
            rows.close();
            super.closeIterator();
        }

        private static Iterator<Binding> groups(QueryIterator rows, VarExprList keys,
                List<ExprAggregator> aggregators, ExecutionContext context, long maxGroups) {
            return new IteratorDelayedInitialization<>() {
                @Override
                protected Iterator<Binding> initializeIterator() {
                    boolean hasAggregators = aggregators != null && !aggregators.isEmpty();
                    if (!rows.hasNext()) {
                        return Collections.singletonList(emptyGroup(keys, aggregators, hasAggregators)).stream()
                                .filter(b -> b != null).iterator();
                    }
                    Map<Binding, List<Accumulator>> groups = new LinkedHashMap<>();
                    while (rows.hasNext()) {
                        Binding row = rows.nextBinding();
                        Binding key = key(keys, row, context);
                        List<Accumulator> accumulators = groups.get(key);
                        if (accumulators == null) {
                            if (groups.size() >= maxGroups) {
                                throw tooManyGroups(maxGroups);
                            }
                            accumulators = new ArrayList<>();
                            if (hasAggregators) {
                                for (ExprAggregator aggregator : aggregators) {
                                    accumulators.add(aggregator.getAggregator().createAccumulator());
                                }
                            }
                            groups.put(key, accumulators);
                        }
                        for (Accumulator accumulator : accumulators) {
                            accumulator.accumulate(row, context);
                        }
                    }
                    if (!hasAggregators) {
                        return groups.keySet().iterator();
                    }
                    List<Binding> answers = new ArrayList<>(groups.size());
                    groups.forEach((key, accumulators) -> {
                        BindingBuilder answer = Binding.builder(key);
                        for (int i = 0; i < aggregators.size(); i++) {
                            NodeValue value = accumulators.get(i).getValue();
                            if (value != null) {
                                answer.add(aggregators.get(i).getVar(), value.asNode());
                            }
                        }
                        answers.add(answer.build());
                    });
                    return answers.iterator();
                }
            };
        }

        /** No input: no group under GROUP BY; otherwise one row, of the aggregates' values over nothing. */
        private static Binding emptyGroup(VarExprList keys, List<ExprAggregator> aggregators, boolean hasAggregators) {
            if (!keys.isEmpty()) {
                return null;
            }
            BindingBuilder row = Binding.builder();
            if (hasAggregators) {
                for (ExprAggregator aggregator : aggregators) {
                    Node value = aggregator.getAggregator().getValueEmpty();
                    if (value != null) {
                        row.add(aggregator.getVar(), value);
                    }
                }
            }
            return row.build();
        }

        static QueryTooLargeException tooManyGroups(long maxGroups) {
            return new QueryTooLargeException("The query groups its answer into more than " + maxGroups
                    + " groups, more than one query may hold in memory (innograph.store.max-rows-in-memory): group by "
                    + "fewer values, or filter the rows first");
        }

        static Binding key(VarExprList keys, Binding row, ExecutionContext context) {
            BindingBuilder key = Binding.builder();
            for (Var var : keys.getVars()) {
                Node node;
                try {
                    node = keys.get(var, row, context);
                } catch (ExprEvalException e) {
                    node = null; // as Jena: a key expression in error leaves the variable unbound
                }
                if (node != null) {
                    key.add(var, node);
                }
            }
            return key.build();
        }
    }
}
