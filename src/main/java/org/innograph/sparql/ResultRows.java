package org.innograph.sparql;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;

/**
 * The row cap ({@code innograph.sparql.max-result-rows}) for code that answers with rows of a SELECT, such as
 * the REST API: ask for one row more than the cap, keep the cap, and say whether rows were cut off.
 */
public final class ResultRows {

    private ResultRows() {
    }

    /** Rows up to the cap and whether the answer had more. */
    public record Capped(List<String> variables, List<Binding> rows, boolean truncated) {
    }

    /** A copy of the query whose LIMIT is at most {@code cap + 1}, so the store never produces more. */
    public static Query limitedTo(Query query, int cap) {
        Query copy = query.cloneQuery();
        long limit = (long) cap + 1;
        if (!copy.hasLimit() || copy.getLimit() > limit) {
            copy.setLimit(limit);
        }
        return copy;
    }

    /** Reads at most {@code cap} rows, detached from the store; reading must happen while the execution is open. */
    public static Capped read(ResultSet results, int cap) {
        List<Binding> rows = new ArrayList<>();
        while (results.hasNext()) {
            Binding row = results.nextBinding();
            if (rows.size() == cap) {
                return new Capped(results.getResultVars(), rows, true);
            }
            // Copied: TDB2 resolves values lazily, which is only safe inside the read transaction.
            rows.add(BindingFactory.copy(row));
        }
        return new Capped(results.getResultVars(), rows, false);
    }
}
