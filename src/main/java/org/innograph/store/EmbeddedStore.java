package org.innograph.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;

/**
 * TDB2 in a local directory: nothing to install, transactions are real. Queries are held in memory to
 * {@code maxRowsInMemory}: sorts, DISTINCT and the WHERE part of updates spill to disk past it, a grouping
 * with more groups is refused ({@link BoundedExecutor}), and DESCRIBE streams ({@link StreamingDescribe}).
 */
public final class EmbeddedStore implements GraphStore {

    /** The default of {@code innograph.store.max-rows-in-memory}. */
    public static final long MAX_ROWS_IN_MEMORY = 50_000;

    private final Dataset dataset;
    private final AtomicLong generation = new AtomicLong();
    /** Generations restart at 0 with the process; versions must not repeat across restarts. */
    private final String epoch = WriteMarker.newToken();
    private final QuerySupervisor supervisor;
    private final long maxRowsInMemory;

    public EmbeddedStore(Path directory) {
        this(directory, QuerySupervisor.unlimited(), MAX_ROWS_IN_MEMORY);
    }

    public EmbeddedStore(Path directory, QuerySupervisor supervisor, long maxRowsInMemory) {
        this.supervisor = supervisor;
        this.maxRowsInMemory = maxRowsInMemory;
        this.dataset = TDB2Factory.connectDataset(directory.toString());
        Context context = dataset.getContext();
        // The default graph a query sees is the union of the named graphs, as on our Fuseki configuration.
        context.set(TDB2.symUnionDefaultGraph, true);
        context.set(ARQ.spillToDiskThreshold, maxRowsInMemory);
        QC.setFactory(context, BoundedExecutor.factory(maxRowsInMemory));
    }

    /** The TDB2 dataset, for operations that only make sense on the embedded store (bulk load, backup). */
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public Optional<Dataset> localDataset() {
        return Optional.of(dataset);
    }

    @Override
    public StoreMode mode() {
        return StoreMode.EMBEDDED;
    }

    @Override
    public <T> T read(Function<RDFConnection, T> work) {
        return supervisor.supervise("(read)", ticket -> Txn.calculateRead(dataset, () -> {
            try (RDFConnection connection = new SupervisedConnection(RDFConnection.connect(dataset), ticket,
                    supervisor.timeLimit())) {
                return work.apply(connection);
            }
        }));
    }

    @Override
    public <T> T query(Query query, Duration timeLimit, Function<QueryExecution, T> work) {
        return supervisor.supervise(query, ticket -> Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = execution(query, timeLimit)) {
                ticket.attach(execution);
                return work.apply(execution);
            }
        }));
    }

    private QueryExecution execution(Query query, Duration timeLimit) {
        Dataset target = datasetFor(query);
        // The store's context goes with every execution, also over a FROM view: it carries settings
        // installed on the dataset, such as the federation guard and the memory bounds.
        Context context = Context.mergeCopy(ARQ.getContext(), dataset.getContext());
        Query run = InterruptibleRegex.rewrite(withoutDataset(query));
        if (query.isDescribeType()) {
            QueryExec select = QueryExec.dataset(target.asDatasetGraph()).query(StreamingDescribe.selectOf(run))
                    .context(context).timeout(millis(timeLimit), TimeUnit.MILLISECONDS).build();
            Graph described = query.hasDatasetDescription() ? target.asDatasetGraph().getDefaultGraph()
                    : dataset.asDatasetGraph().getUnionGraph();
            return new StreamingDescribe(query, select, described, maxRowsInMemory);
        }
        return QueryExecution.dataset(target).query(run).context(context)
                .timeout(millis(timeLimit), TimeUnit.MILLISECONDS).build();
    }

    /** Jena's "no time limit" for zero. */
    private static long millis(Duration timeLimit) {
        return timeLimit.isZero() ? -1 : timeLimit.toMillis();
    }

    /**
     * FROM and FROM NAMED select graphs of the store. Done here because TDB2's union-default-graph setting
     * would otherwise win over a query's FROM.
     */
    private Dataset datasetFor(Query query) {
        if (!query.hasDatasetDescription()) {
            return dataset;
        }
        DatasetGraph view = DynamicDatasets.dynamicDataset(DatasetDescription.create(query),
                dataset.asDatasetGraph(), false);
        return DatasetFactory.wrap(view);
    }

    private static Query withoutDataset(Query query) {
        if (!query.hasDatasetDescription()) {
            return query;
        }
        Query copy = query.cloneQuery();
        copy.getGraphURIs().clear();
        copy.getNamedGraphURIs().clear();
        return copy;
    }

    @Override
    public void update(UpdateRequest request, Duration timeLimit) {
        UpdateRequest update = SpillableRows.projected(request);
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            long spillPast = maxRowsInMemory + attempt;
            // A retry gets what is left of the one time limit, not a new one: the client asked for one update.
            Duration left = timeLimit.isZero() ? timeLimit : timeLimit.minusNanos(System.nanoTime() - started);
            if (!timeLimit.isZero() && left.toMillis() <= 0) {
                throw new QueryCancelledException();
            }
            try {
                Txn.executeWrite(dataset, () -> {
                    // Jena reads an update's threshold from the dataset's own context, not the execution's. Writers
                    // take turns, so only this update sees a raised one (and a read meanwhile one row more).
                    Context shared = dataset.getContext();
                    shared.set(ARQ.spillToDiskThreshold, spillPast);
                    try {
                        UpdateExecution.dataset(dataset).update(update)
                                .timeout(millis(left), TimeUnit.MILLISECONDS).execute();
                    } finally {
                        shared.set(ARQ.spillToDiskThreshold, maxRowsInMemory);
                    }
                });
                break;
            } catch (IndexOutOfBoundsException e) {
                // Jena's DefaultDataBag, which holds the rows of an update's WHERE, fails to read them back when
                // their number is exactly the spill threshold (it counts the threshold as passed but has not yet
                // spilled). The transaction was aborted, so nothing is written: run the update again with a
                // threshold one higher, which that number of rows no longer reaches.
                if (attempt == 2 || !fromDataBag(e)) {
                    throw e;
                }
            }
        }
        generation.incrementAndGet();
    }

    private static boolean fromDataBag(IndexOutOfBoundsException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("org.apache.jena.atlas.data.DefaultDataBag")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> T write(Function<RDFConnection, T> work) {
        T result = Txn.calculateWrite(dataset, () -> {
            try (RDFConnection connection = RDFConnection.connect(dataset)) {
                return work.apply(connection);
            }
        });
        generation.incrementAndGet();
        return result;
    }

    @Override
    public long generation() {
        return generation.get();
    }

    /** Not a read of the data, so not one the supervisor queues: health must answer while queries wait. */
    @Override
    public String version() {
        return epoch + "." + generation.get();
    }

    @Override
    public boolean isReachable() {
        try {
            Txn.executeRead(dataset, () -> { });
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataset.close();
    }
}
