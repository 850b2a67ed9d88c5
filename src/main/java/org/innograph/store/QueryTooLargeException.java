package org.innograph.store;

/**
 * A query would need more working memory than the store grants one query (a GROUP BY with more groups than
 * {@code innograph.store.max-rows-in-memory}); the message says which limit and how to stay within it.
 */
public class QueryTooLargeException extends RuntimeException {

    public QueryTooLargeException(String message) {
        super(message);
    }
}
