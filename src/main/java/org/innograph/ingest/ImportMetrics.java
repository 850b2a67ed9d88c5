package org.innograph.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code innograph.imports{outcome}}: imports through the API by outcome ({@code created}, {@code replaced},
 * {@code unchanged}, {@code refused} — nothing written —, {@code error}), and {@code innograph.imports.triples}:
 * triples written by imports that created or replaced a batch.
 */
@Component
public class ImportMetrics {

    public static final String IMPORTS = "innograph.imports";
    public static final String IMPORTED_TRIPLES = "innograph.imports.triples";

    private final MeterRegistry meters;

    public ImportMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void imported(ImportOutcome outcome) {
        count(outcome.result());
        if (!outcome.result().equals(ImportOutcome.UNCHANGED)) {
            Counter.builder(IMPORTED_TRIPLES).description("Triples written by imports").register(meters)
                    .increment(outcome.batch().triples());
        }
    }

    public void refused() {
        count("refused");
    }

    public void failed() {
        count("error");
    }

    private void count(String outcome) {
        Counter.builder(IMPORTS).description("Imports, by outcome").tag("outcome", outcome).register(meters)
                .increment();
    }
}
