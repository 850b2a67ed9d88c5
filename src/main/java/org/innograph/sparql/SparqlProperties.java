package org.innograph.sparql;

import static org.innograph.settings.SettingChecks.atLeast;
import static org.innograph.settings.SettingChecks.notNegative;
import static org.innograph.settings.SettingChecks.positive;

import java.time.Duration;

import org.innograph.vocabulary.IG;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code innograph.sparql.*}: the limits every SPARQL request is held to. Admission and the download time limit,
 * which hold every read of the store, are configured with the store ({@link org.innograph.store.SupervisorProperties}).
 *
 * @param queryTimeout         a query still running after this is stopped and answered with 503
 * @param updateTimeout        an update still running after this is stopped and rolled back
 * @param maxRequestSize       a data body (Graph Store PUT/POST) larger than this is refused with 413
 * @param maxTextSize          a query or update text (URL, form or body) longer than this, in UTF-8 bytes, is
 *                             refused with 413; kept apart from {@code maxRequestSize} so that large data uploads
 *                             do not also admit megabytes of SPARQL for the parser
 * @param maxResultRows        the most rows a SELECT answer may have: {@code /sparql} refuses a larger answer
 *                             with 422 (page with LIMIT/OFFSET), and the REST API truncates to it
 *                             ({@link ResultRows})
 * @param maxResultTriples     the most triples a CONSTRUCT or DESCRIBE answer may have: a larger one is refused with
 *                             422 (Graph Store reads stream whole graphs instead)
 * @param defaultWriteGraph    the named graph that writes addressed to the default graph go to (SPARQL Update
 *                             outside GRAPH, Graph Store {@code ?default}); it is part of the union that queries see
 */
@ConfigurationProperties("innograph.sparql")
public record SparqlProperties(
        @DefaultValue("30s") Duration queryTimeout,
        @DefaultValue("120s") Duration updateTimeout,
        @DefaultValue("10MB") DataSize maxRequestSize,
        @DefaultValue("100000") int maxResultRows,
        @DefaultValue("100000") long maxResultTriples,
        @DefaultValue("1MB") DataSize maxTextSize,
        @DefaultValue(IG.GRAPH + "default") String defaultWriteGraph) {

    public SparqlProperties {
        notNegative("innograph.sparql.query-timeout", queryTimeout);
        positive("innograph.sparql.update-timeout", updateTimeout);
        positive("innograph.sparql.max-request-size", maxRequestSize);
        atLeast("innograph.sparql.max-result-rows", maxResultRows, 1);
        atLeast("innograph.sparql.max-result-triples", maxResultTriples, 1);
        positive("innograph.sparql.max-text-size", maxTextSize);
        ProtocolDataset.requireAbsoluteIri(defaultWriteGraph);
    }
}
