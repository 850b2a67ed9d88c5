package org.innograph.sparql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code innograph.sparql.*}: the limits every SPARQL request is held to.
 *
 * @param queryTimeout   a query still running after this is stopped and answered with 503
 * @param updateTimeout  an update still running after this is stopped and rolled back
 * @param maxRequestSize a request body larger than this is refused with 413
 */
@ConfigurationProperties("innograph.sparql")
public record SparqlProperties(
        @DefaultValue("30s") Duration queryTimeout,
        @DefaultValue("120s") Duration updateTimeout,
        @DefaultValue("10MB") DataSize maxRequestSize) {
}
