package org.innograph.sparql;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.apache.jena.query.Query;

/**
 * The caps on answers ({@code innograph.sparql.max-result-rows}, {@code max-result-triples}): the store is asked
 * for one row more than the cap, and the answer is refused when that row arrives.
 */
public final class ResultRows {

    private ResultRows() {
    }

    /** A copy of the query whose LIMIT is at most {@code cap + 1}, so the store never produces more. */
    public static Query limitedTo(Query query, long cap) {
        Query copy = query.cloneQuery();
        long limit = cap + 1;
        if (!copy.hasLimit() || copy.getLimit() > limit) {
            copy.setLimit(limit);
        }
        return copy;
    }

    /** The items as they come, failing with {@code tooMany} when item {@code cap + 1} is asked for. */
    public static <T> Iterator<T> capped(Iterator<T> items, long cap, Supplier<RuntimeException> tooMany) {
        return new Iterator<>() {
            private long count;

            @Override
            public boolean hasNext() {
                boolean more = items.hasNext();
                if (more && count == cap) {
                    throw tooMany.get();
                }
                return more;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                count++;
                return items.next();
            }
        };
    }
}
