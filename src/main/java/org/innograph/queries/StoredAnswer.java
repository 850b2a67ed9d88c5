package org.innograph.queries;

import java.util.List;

import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;

/** What running a stored query gave, taken out of the store before anything is written to the client. */
sealed interface StoredAnswer {

    /** One page of a SELECT query's rows. */
    record Table(List<Var> columns, List<Binding> rows, PageRequest page, boolean hasNext) implements StoredAnswer {

        /** The page as a result set, for Jena's writers of the SPARQL result formats. */
        ResultSet resultSet() {
            return ResultSet.adapt(RowSetStream.create(columns, rows.iterator()));
        }
    }

    record Graph(Model graph) implements StoredAnswer {
    }

    record Answer(boolean answer) implements StoredAnswer {
    }
}
