package org.innograph.store;

import static org.innograph.settings.SettingChecks.atLeast;
import static org.innograph.settings.SettingChecks.notNegative;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code innograph.sparql.*} settings that every read of the store is held to by the {@link QuerySupervisor},
 * whatever the entry point: configured with the store, under the keys SPARQL users know them by.
 *
 * @param maxConcurrentQueries queries that run at once (all entry points together); more wait for
 *                             {@code admissionWait}, then are refused with 503 and {@code Retry-After}
 * @param admissionWait        how long a query past the cap waits for a free place
 * @param downloadTimeout      the time limit of whole-graph and whole-dataset reads (Graph Store GET,
 *                             {@code /api/dump}), which stream but may take long on a large store, and of the
 *                             service's own reads (the indexes behind search, recommendations and pages); 0 for none
 */
@ConfigurationProperties("innograph.sparql")
public record SupervisorProperties(
        @DefaultValue("16") int maxConcurrentQueries,
        @DefaultValue("2s") Duration admissionWait,
        @DefaultValue("10m") Duration downloadTimeout) {

    public SupervisorProperties {
        atLeast("innograph.sparql.max-concurrent-queries", maxConcurrentQueries, 1);
        notNegative("innograph.sparql.admission-wait", admissionWait);
        notNegative("innograph.sparql.download-timeout", downloadTimeout);
    }
}
