package org.innograph.testing;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;

/**
 * Lets tests run federated queries that name public SPARQL endpoints without going online: each named public
 * endpoint is answered by a local stand-in, and a {@code SERVICE} to any other host that is not loopback fails.
 * It sits in Jena's global SERVICE chain, so it applies to every query Jena runs in this JVM — InnoGraph's
 * embedded store and an in-process Fuseki alike.
 */
public final class PublicEndpointStandIns implements AutoCloseable {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final ChainingServiceExecutor link;

    private PublicEndpointStandIns(ChainingServiceExecutor link) {
        this.link = link;
    }

    /** @param standIns public endpoint IRI → the local endpoint that answers for it */
    public static PublicEndpointStandIns install(Map<String, String> standIns) {
        ChainingServiceExecutor link = (opExecute, opOriginal, binding, execCxt, chain) -> {
            String endpoint = opExecute.getService().getURI();
            String standIn = standIns.get(endpoint);
            if (standIn != null) {
                OpService local = new OpService(NodeFactory.createURI(standIn), opExecute.getSubOp(),
                        opExecute.getSilent());
                return chain.createExecution(local, opOriginal, binding, execCxt);
            }
            if (!LOOPBACK.contains(URI.create(endpoint).getHost())) {
                throw new QueryExecException("A test tried to reach " + endpoint + ": give it a local stand-in");
            }
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        };
        ServiceExecutorRegistry.get().addSingleLink(link);
        return new PublicEndpointStandIns(link);
    }

    @Override
    public void close() {
        ServiceExecutorRegistry.get().removeSingleLink(link);
    }
}
