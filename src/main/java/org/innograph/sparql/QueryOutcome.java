package org.innograph.sparql;

import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;

/** A query's complete answer, taken out of the store before anything is written to the client. */
public sealed interface QueryOutcome {

    record Rows(ResultSetRewindable rows) implements QueryOutcome {
    }

    record Answer(boolean answer) implements QueryOutcome {
    }

    record Graph(Model graph) implements QueryOutcome {
    }
}
