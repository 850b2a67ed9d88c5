package org.innograph.store;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;

/** Questions about the store itself, asked in SPARQL so that both modes answer them the same way. */
final class StoreStatistics {

    private static final String COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    private StoreStatistics() {
    }

    static long countQuads(RDFConnection connection) {
        try (QueryExecution execution = connection.query(COUNT_QUADS)) {
            return execution.execSelect().next().getLiteral("n").getLong();
        }
    }
}
