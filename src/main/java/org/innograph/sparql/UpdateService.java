package org.innograph.sparql;

import org.apache.jena.query.QueryParseException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.innograph.store.GraphStore;
import org.springframework.stereotype.Service;

/** Parses and applies SPARQL updates: all of a request's operations, or none of them. */
@Service
public class UpdateService {

    private final GraphStore store;
    private final SparqlProperties properties;

    public UpdateService(GraphStore store, SparqlProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public UpdateRequest parse(String text) {
        try {
            return UpdateFactory.create(text);
        } catch (QueryParseException e) {
            if (isQuery(text)) {
                throw SparqlProtocolException.badRequest("This is a SPARQL query, not an update: send it to /sparql");
            }
            throw SparqlProtocolException.badRequest("Malformed update: " + e.getMessage());
        }
    }

    public void execute(UpdateRequest update, ProtocolDataset dataset) {
        DefaultGraphWrites.refuse(update);
        dataset.applyTo(update);
        store.update(update, properties.updateTimeout());
    }

    private static boolean isQuery(String text) {
        try {
            org.apache.jena.query.QueryFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
