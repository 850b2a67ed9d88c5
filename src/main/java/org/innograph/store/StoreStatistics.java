package org.innograph.store;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.innograph.vocabulary.SparqlFiles;

/** Questions about the store itself, asked in SPARQL so that both modes answer them the same way. */
final class StoreStatistics {

    private StoreStatistics() {
    }

    static long countQuads(RDFConnection connection) {
        try (QueryExecution execution = connection.query(SparqlFiles.query("store/count-quads.rq"))) {
            return execution.execSelect().next().getLiteral("n").getLong();
        }
    }
}
