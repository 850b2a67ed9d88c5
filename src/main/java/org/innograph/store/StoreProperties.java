package org.innograph.store;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.store.*}: which store to use and how to reach it.
 *
 * @param mode      embedded TDB2 (default) or a remote SPARQL 1.1 server
 * @param directory TDB2 directory for the embedded mode
 * @param remote    endpoints and credentials for the remote mode
 * @param maxRowsInMemory    rows one query may hold in memory on the embedded store: sorts, DISTINCT and the
 *                           WHERE part of updates spill to disk past it; a GROUP BY with more groups is
 *                           refused with 422
 * @param heapGuardThreshold the fraction of the heap that, still used right after a garbage collection, makes
 *                           the service stop its longest-running query and refuse new ones (503) until
 *                           memory is free again
 */
@ConfigurationProperties("innograph.store")
public record StoreProperties(
        @DefaultValue("embedded") StoreMode mode,
        @DefaultValue("var/tdb2") Path directory,
        @DefaultValue Remote remote,
        @DefaultValue("50000") long maxRowsInMemory,
        @DefaultValue("0.85") double heapGuardThreshold) {

    /**
     * @param queryUrl  SPARQL 1.1 query endpoint, e.g. {@code http://localhost:3030/innograph/query}
     * @param updateUrl SPARQL 1.1 update endpoint
     * @param gspUrl    SPARQL 1.1 Graph Store HTTP Protocol endpoint
     * @param username  optional user for the remote server (HTTP Basic)
     * @param password  optional password for the remote server
     */
    public record Remote(URI queryUrl, URI updateUrl, URI gspUrl, String username, String password) {

        boolean hasCredentials() {
            return username != null && !username.isBlank() && password != null;
        }
    }
}
