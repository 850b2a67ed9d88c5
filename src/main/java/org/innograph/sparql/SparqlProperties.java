package org.innograph.sparql;

import java.time.Duration;

import org.innograph.vocabulary.IG;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code innograph.sparql.*}: the limits every SPARQL request is held to.
 *
 * @param queryTimeout         a query still running after this is stopped and answered with 503
 * @param updateTimeout        an update still running after this is stopped and rolled back
 * @param maxRequestSize       a data body (Graph Store PUT/POST) larger than this is refused with 413
 * @param maxTextSize          a query or update text (URL, form or body) longer than this, in UTF-8 bytes, is
 *                             refused with 413; kept apart from {@code maxRequestSize} so that large data uploads
 *                             do not also admit megabytes of SPARQL for the parser
 * @param maxConcurrentQueries queries that run at once (all entry points together); more wait for
 *                             {@code admissionWait}, then are refused with 503 and {@code Retry-After}
 * @param admissionWait        how long a query past the cap waits for a free place
 * @param maxResultRows        the most rows a SELECT answer may have: {@code /sparql} refuses a larger answer
 *                             with 422 (page with LIMIT/OFFSET), and the REST API truncates to it
 *                             ({@link ResultRows})
 * @param maxResultTriples     the most triples a CONSTRUCT or DESCRIBE answer may have: a larger one is refused with
 *                             422 (Graph Store reads stream whole graphs instead)
 * @param downloadTimeout      the time limit of whole-graph and whole-dataset reads (Graph Store GET,
 *                             {@code /api/dump}), which stream but may take long on a large store, and of the
 *                             service's own reads (the indexes behind search, recommendations and pages)
 * @param defaultWriteGraph    the named graph that writes addressed to the default graph go to (SPARQL Update
 *                             outside GRAPH, Graph Store {@code ?default}); it is part of the union that queries see
 */
@ConfigurationProperties("innograph.sparql")
public record SparqlProperties(
        @DefaultValue("30s") Duration queryTimeout,
        @DefaultValue("120s") Duration updateTimeout,
        @DefaultValue("10MB") DataSize maxRequestSize,
        @DefaultValue("16") int maxConcurrentQueries,
        @DefaultValue("2s") Duration admissionWait,
        @DefaultValue("100000") int maxResultRows,
        @DefaultValue("100000") long maxResultTriples,
        @DefaultValue("10m") Duration downloadTimeout,
        @DefaultValue("1MB") DataSize maxTextSize,
        @DefaultValue(IG.GRAPH + "default") String defaultWriteGraph) {

    public SparqlProperties {
        ProtocolDataset.requireAbsoluteIri(defaultWriteGraph);
    }
}
