package org.innograph.sparql;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.federation.FederationPolicy;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.IG;
import org.springframework.stereotype.Service;

/** Parses and applies SPARQL updates: all of a request's operations, or none of them. */
@Service
public class UpdateService {

    private final GraphStore store;
    private final SparqlProperties properties;
    private final FederationPolicy federation;
    private final MeterRegistry meters;
    private final GenerationSnapshots snapshots;

    public UpdateService(GraphStore store, SparqlProperties properties, FederationPolicy federation,
            MeterRegistry meters, GenerationSnapshots snapshots) {
        this.store = store;
        this.properties = properties;
        this.federation = federation;
        this.meters = meters;
        this.snapshots = snapshots;
    }

    /** Relative IRIs resolve against our public base, as in queries, never against the server's directory. */
    public UpdateRequest parse(String text) {
        try {
            return UpdateFactory.create(text, IG.BASE);
        } catch (QueryParseException e) {
            if (SparqlForms.isQuery(text)) {
                throw SparqlProtocolException.badRequest("This is a SPARQL query, not an update: send it to /sparql");
            }
            throw SparqlProtocolException.badRequest("Malformed update: " + e.getMessage());
        }
    }

    /** Applies the update; when this returns, search, recommendations and pages show it too. */
    public void execute(UpdateRequest request, ProtocolDataset dataset) {
        UpdateRequest update = DefaultGraphWrites.redirect(request, NodeFactory.createURI(properties.defaultWriteGraph()));
        federation.check(update);
        dataset.applyTo(update);
        String outcome = "error";
        long start = System.nanoTime();
        try {
            store.update(update, properties.updateTimeout());
            outcome = "ok";
        } catch (QueryCancelledException e) {
            outcome = "timeout";
            throw e;
        } finally {
            Timer.builder("innograph.sparql.updates").description("SPARQL updates applied, by outcome")
                    .tag("outcome", outcome).publishPercentileHistogram().register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        snapshots.awaitCurrent();
    }

}
