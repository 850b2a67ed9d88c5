package org.innograph.store;

import static org.innograph.settings.SettingChecks.atLeast;
import static org.innograph.settings.SettingChecks.fraction;
import static org.innograph.settings.SettingChecks.httpUrl;
import static org.innograph.settings.SettingChecks.notNegative;
import static org.innograph.settings.SettingChecks.positive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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

    public StoreProperties {
        atLeast("innograph.store.max-rows-in-memory", maxRowsInMemory, 1);
        fraction("innograph.store.heap-guard-threshold", heapGuardThreshold);
        if (mode == StoreMode.REMOTE) {
            httpUrl("innograph.store.remote.query-url", remote.queryUrl());
            httpUrl("innograph.store.remote.update-url", remote.updateUrl());
            httpUrl("innograph.store.remote.gsp-url", remote.gspUrl());
        }
    }

    /**
     * @param queryUrl  SPARQL 1.1 query endpoint, e.g. {@code http://localhost:3030/innograph/query}
     * @param updateUrl SPARQL 1.1 update endpoint
     * @param gspUrl    SPARQL 1.1 Graph Store HTTP Protocol endpoint
     * @param username  optional user for the remote server (HTTP Basic)
     * @param password  optional password for the remote server
     * @param changeCheckInterval how often, at most, this instance reads the store's write marker to notice
     *                  writes made through other InnoGraph instances: the longest such a write can go unseen
     * @param outsideWritesWithin how long answers are reused, at most, in case something other than InnoGraph
     *                  wrote to the server (such writes do not move the marker)
     */
    public record Remote(URI queryUrl, URI updateUrl, URI gspUrl, String username, String password,
                         @DefaultValue("500ms") Duration changeCheckInterval,
                         @DefaultValue("60s") Duration outsideWritesWithin) {

        // Bound through this constructor; the shorter one is for code that only names the endpoints.
        @ConstructorBinding
        public Remote {
            if (queryUrl != null) {
                httpUrl("innograph.store.remote.query-url", queryUrl);
            }
            if (updateUrl != null) {
                httpUrl("innograph.store.remote.update-url", updateUrl);
            }
            if (gspUrl != null) {
                httpUrl("innograph.store.remote.gsp-url", gspUrl);
            }
            notNegative("innograph.store.remote.change-check-interval", changeCheckInterval);
            positive("innograph.store.remote.outside-writes-within", outsideWritesWithin);
        }

        /** The server's endpoints, with the default intervals. */
        public Remote(URI queryUrl, URI updateUrl, URI gspUrl, String username, String password) {
            this(queryUrl, updateUrl, gspUrl, username, password, Duration.ofMillis(500), Duration.ofSeconds(60));
        }

        boolean hasCredentials() {
            return username != null && !username.isBlank() && password != null;
        }
    }
}
