package org.innograph.store;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SerializationFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicy;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.atlas.iterator.IteratorSlotted;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.riot.thrift.TRDF;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/**
 * ORDER BY in Jena's order, to the row (its {@link BindingComparator}: unbound first, then
 * {@code NodeValue.compareAlways}, ties broken by every variable's term), with each row's sort keys worked out once.
 * Jena's own sort evaluates the keys inside the comparator, so a sort of n rows looks up and wraps every key
 * some 2 n log n times: a fifth of the time of learning-flows (60,210 rows at 100K practices) went there.
 * Rows past {@code ARQ.spillToDiskThreshold} spill as in Jena's sort, but as RDF Thrift terms under any variable
 * name: Jena's text form parses every IRI back, and cannot read back names it gives variables itself
 * (see {@link SpillableRows}).
 */
final class KeyedSort extends QueryIterPlainWrapper {

    private final QueryIterator input;
    private final Keys keys;
    private final SortedDataBag<KeyedRow> bag;

    private KeyedSort(QueryIterator input, List<SortCondition> conditions, ExecutionContext context) {
        super(null, context);
        this.input = input;
        this.keys = new Keys(conditions, context);
        this.bag = BagFactory.newSortedBag(new Bounds(ThresholdPolicyFactory.policyFromContext(context.getContext())),
                new Spill(keys), keys.comparator(context.getCancelSignal()));
        setIterator(new Sorted());
    }

    /** {@code rows} in the order of {@code conditions}. */
    static QueryIterator create(QueryIterator rows, List<SortCondition> conditions, ExecutionContext context) {
        return new KeyedSort(rows, conditions, context);
    }

    @Override
    public void requestCancel() {
        bag.cancel();
        input.cancel();
        super.requestCancel();
    }

    @Override
    protected void closeIterator() {
        bag.close();
        input.close();
        super.closeIterator();
    }

    /**
     * A row with the values of its sort keys (null: unbound or in error, as in Jena's comparator), and, once two
     * rows tie on every key, its variables in name order. Their terms are not kept: a row read from the store holds
     * TDB2 ids, and terms kept for every row of a sort could be large literals.
     */
    private static final class KeyedRow {

        private static final Comparator<Var> BY_NAME = Comparator.comparing(Var::getVarName);

        final Binding row;
        final NodeValue[] keys;
        private Var[] vars;

        KeyedRow(Binding row, NodeValue[] keys) {
            this.row = row;
            this.keys = keys;
        }

        Binding row() {
            return row;
        }

        /** Roughly the memory the keys hold: their text and some 64 bytes of objects each. */
        long keyBytes() {
            long bytes = 0;
            for (NodeValue key : keys) {
                if (key != null) {
                    Node node = key.asNode();
                    bytes += 64 + (node.isURI() ? node.getURI().length()
                            : node.isLiteral() ? node.getLiteralLexicalForm().length() : 64);
                }
            }
            return bytes;
        }

        /**
         * As {@link BindingComparator#compareBindingsSyntactic}, which lists and sorts both rows' variables on
         * every call: by variable name, a term against no term, then term against term.
         */
        int compareTerms(KeyedRow other) {
            Var[] mine = vars();
            Var[] theirs = other.vars();
            int i = 0;
            int j = 0;
            while (i < mine.length && j < theirs.length) {
                int byName = BY_NAME.compare(mine[i], theirs[j]);
                if (byName < 0) {
                    return 1; // this row has a term where the other has none
                }
                if (byName > 0) {
                    return -1;
                }
                int x = NodeCmp.compareRDFTerms(row.get(mine[i++]), other.row.get(theirs[j++]));
                if (x != 0) {
                    return x;
                }
            }
            return Integer.compare(mine.length - i, theirs.length - j);
        }

        private Var[] vars() {
            if (vars == null) {
                Var[] names = Iter.toList(row.vars()).toArray(new Var[0]);
                Arrays.sort(names, BY_NAME);
                vars = names;
            }
            return vars;
        }
    }

    /**
     * The bound of {@code ARQ.spillToDiskThreshold} on the rows a sort holds, and one on the text of their keys:
     * Jena's sort holds the rows alone, and 50,000 keys of long literals would be hundreds of megabytes.
     */
    private static final class Bounds implements ThresholdPolicy<KeyedRow> {

        private static final long KEY_BYTES = 32L << 20;

        private final ThresholdPolicy<KeyedRow> rows;
        private long keyBytes;

        Bounds(ThresholdPolicy<KeyedRow> rows) {
            this.rows = rows;
        }

        @Override
        public void increment(KeyedRow item) {
            rows.increment(item);
            keyBytes += item.keyBytes();
        }

        @Override
        public boolean isThresholdExceeded() {
            return rows.isThresholdExceeded() || keyBytes >= KEY_BYTES;
        }

        @Override
        public void reset() {
            rows.reset();
            keyBytes = 0;
        }
    }

    /** The input, read into the bag when the first row is wanted. */
    private final class Sorted extends IteratorDelayedInitialization<Binding> {

        @Override
        protected Iterator<Binding> initializeIterator() {
            try {
                while (input.hasNext()) {
                    bag.add(keys.of(input.nextBinding()));
                }
                return Iter.map(bag.iterator(), KeyedRow::row);
            } catch (QueryCancelledException e) {
                KeyedSort.this.close();
                throw e;
            }
        }
    }

    /**
     * Spilled rows as RDF Thrift: per row its number of variables, then each variable's name and term; -1 ends a
     * file. Keys are worked out again when a row is read back.
     */
    private record Spill(Keys keys) implements SerializationFactory<KeyedRow> {

        private static final int END = -1;

        @Override
        public Sink<KeyedRow> createSerializer(OutputStream out) {
            TProtocol protocol = TRDF.protocol(out);
            return new Sink<>() {
                @Override
                public void send(KeyedRow item) {
                    List<Var> vars = Iter.toList(item.row().vars());
                    try {
                        protocol.writeI32(vars.size());
                        for (Var var : vars) {
                            protocol.writeString(var.getVarName());
                            ThriftConvert.convert(item.row().get(var), false).write(protocol);
                        }
                    } catch (TException e) {
                        TRDF.exception(e);
                    }
                }

                @Override
                public void flush() {
                    TRDF.flush(protocol);
                }

                @Override
                public void close() {
                    try {
                        protocol.writeI32(END);
                    } catch (TException e) {
                        TRDF.exception(e);
                    } finally {
                        TRDF.flush(protocol);
                        protocol.getTransport().close();
                    }
                }
            };
        }

        @Override
        public Iterator<KeyedRow> createDeserializer(InputStream in) {
            TProtocol protocol = TRDF.protocol(in);
            return new IteratorSlotted<>() {
                @Override
                protected boolean hasMore() {
                    return true; // until the end marker, where moveToNext gives null
                }

                @Override
                protected KeyedRow moveToNext() {
                    try {
                        int size = protocol.readI32();
                        if (size == END) {
                            return null;
                        }
                        BindingBuilder row = Binding.builder();
                        for (int i = 0; i < size; i++) {
                            Var var = Var.alloc(protocol.readString());
                            RDF_Term term = new RDF_Term();
                            term.read(protocol);
                            row.add(var, ThriftConvert.convert(term));
                        }
                        return keys.of(row.build());
                    } catch (TException e) {
                        TRDF.exception(e);
                        return null;
                    }
                }
            };
        }
    }

    /** Sort conditions, evaluated once per row. */
    private static final class Keys {

        private final List<SortCondition> conditions;
        private final ExecutionContext context;

        Keys(List<SortCondition> conditions, ExecutionContext context) {
            this.conditions = conditions;
            this.context = context;
        }

        KeyedRow of(Binding row) {
            NodeValue[] values = new NodeValue[conditions.size()];
            for (int i = 0; i < values.length; i++) {
                try {
                    values[i] = conditions.get(i).getExpression().eval(row, context);
                } catch (ExprEvalException e) {
                    values[i] = null; // as Jena's comparator, which also logs each such evaluation
                }
            }
            return new KeyedRow(row, values);
        }

        Comparator<KeyedRow> comparator(AtomicBoolean cancelled) {
            return (left, right) -> {
                if (cancelled != null && cancelled.get()) {
                    throw new QueryCancelledException();
                }
                for (int i = 0; i < left.keys.length; i++) {
                    int x = BindingComparator.compareNodesRaw(left.keys[i], right.keys[i]);
                    if (x != 0) {
                        return conditions.get(i).getDirection() == Query.ORDER_DESCENDING ? -x : x;
                    }
                }
                return left.compareTerms(right);
            };
        }
    }
}
