package org.innograph.federation;

import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.update.UpdateException;
import org.innograph.vocabulary.IG;

/**
 * The allow-list enforced inside Jena for the embedded store, behind the check of the parsed request: should
 * a SERVICE or LOAD ever get past that check, Jena itself refuses it. Three places: the SERVICE executor
 * chain, the HTTP client SERVICE uses, and the worker that carries out LOAD (which fetches through the same
 * guarded client, so it follows no redirect and never opens a {@code file:}).
 */
public final class JenaFederationGuard {

    static final Symbol POLICY = Symbol.create(IG.NS + "federationPolicy");
    private static final Symbol CLIENT = Symbol.create(IG.NS + "federationClient");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private JenaFederationGuard() {
    }

    /** Guards every query and update run on a dataset with this context. */
    public static void install(Context context, FederationPolicy policy) {
        HttpClient client = new GuardedHttpClient(policy, CONNECT_TIMEOUT);
        context.set(POLICY, policy);
        context.set(CLIENT, client);
        context.set(Service.httpQueryClient, client);
        GuardedServices.register();
        GuardedUpdates.register();
    }

    /**
     * One link in Jena's global SERVICE chain that applies the policy of the dataset a query runs on (a
     * dataset without one, such as a Fuseki in the same JVM, is left alone). Global rather than a per-dataset
     * copy of the chain, so that links added later to the global chain still take part.
     */
    private static final class GuardedServices {

        private static final ChainingServiceExecutor LINK = (opExecute, original, binding, execCxt, chain) -> {
            FederationPolicy policy = execCxt.getContext().get(POLICY);
            if (policy != null) {
                policy.checkService(opExecute.getService());
            }
            return chain.createExecution(opExecute, original, binding, execCxt);
        };
        private static boolean registered;

        static synchronized void register() {
            if (!registered) {
                ServiceExecutorRegistry.get().addSingleLink(LINK);
                registered = true;
            }
        }
    }

    /** Updates on a guarded dataset run with a worker whose LOAD checks and fetches through the guard. */
    private static final class GuardedUpdates implements UpdateEngineFactory {

        private static final GuardedUpdates INSTANCE = new GuardedUpdates();

        static synchronized void register() {
            if (!UpdateEngineRegistry.get().contains(INSTANCE)) {
                UpdateEngineRegistry.get().add(INSTANCE);
            }
        }

        @Override
        public boolean accept(DatasetGraph dataset, Context context) {
            return context != null && context.isDefined(POLICY);
        }

        @Override
        public UpdateEngine create(DatasetGraph dataset, Context context) {
            return new UpdateEngineMain(dataset, context) {
                @Override
                protected UpdateVisitor prepareWorker() {
                    return new GuardedWorker(dataset, context);
                }
            };
        }
    }

    private static final class GuardedWorker extends UpdateEngineWorker {

        GuardedWorker(DatasetGraph dataset, Context context) {
            super(dataset, context);
        }

        @Override
        public void visit(UpdateLoad load) {
            FederationPolicy policy = context.get(POLICY);
            policy.checkEndpoint("LOAD", load.getSource());
            // Parsed aside first, so that a failing LOAD SILENT leaves nothing half-loaded behind.
            Graph loaded = GraphFactory.createDefaultGraph();
            try {
                RDFParser.source(load.getSource()).httpClient(context.get(CLIENT)).parse(loaded);
            } catch (RuntimeException e) {
                if (load.isSilent()) {
                    return;
                }
                throw new UpdateException("LOAD <" + load.getSource() + "> failed: " + e.getMessage(), e);
            }
            Graph target = load.getDest() == null ? datasetGraph.getDefaultGraph() : datasetGraph.getGraph(load.getDest());
            loaded.find().forEachRemaining(target::add);
        }
    }
}
