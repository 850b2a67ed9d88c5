package org.innograph.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.update.UpdateRequest;
import org.innograph.vocabulary.SparqlFiles;

/**
 * A value kept in the store that every write through InnoGraph moves to a new random token, in the same
 * request as the write where the protocol allows it. Instances over one remote store read it to notice each
 * other's writes. It is one triple in the bookkeeping graph {@code …/graph/load-state}, which pages and the
 * VoID description leave out: {@code <…/graph/load-state> owl:versionInfo "token"}.
 */
final class WriteMarker {

    /** What the marker reads as before any write through InnoGraph has moved it. */
    static final String UNSET = "unset";

    private static final Query READ = SparqlFiles.query("store/write-marker.rq");

    private WriteMarker() {
    }

    /** A token no other write will use. */
    static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** The update that moves the marker to {@code token}. */
    static UpdateRequest moveTo(String token) {
        return SparqlFiles.update("store/move-write-marker.ru", Map.of("version", NodeFactory.createLiteralString(token)));
    }

    /** The marker's token now, or {@link #UNSET}; a server that does not answer within the limit fails it. */
    static String read(RDFConnection connection, Duration timeLimit) {
        try (QueryExecution execution = connection.newQuery().query(READ)
                .timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS).build()) {
            ResultSet rows = execution.execSelect();
            if (!rows.hasNext()) {
                return UNSET;
            }
            QuerySolution row = rows.next();
            return row.getLiteral("version").getLexicalForm();
        }
    }
}
