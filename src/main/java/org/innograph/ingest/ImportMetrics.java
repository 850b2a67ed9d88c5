package org.innograph.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code innograph.imports} (imports by outcome: {@code ok}, {@code invalid} for data that failed validation,
 * {@code error}) and {@code innograph.imports.triples} (triples written by successful imports), for the
 * import API to record into.
 */
@Component
public class ImportMetrics {

    public static final String IMPORTS = "innograph.imports";
    public static final String IMPORTED_TRIPLES = "innograph.imports.triples";

    private final MeterRegistry meters;

    public ImportMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void succeeded(long triples) {
        counter("ok").increment();
        Counter.builder(IMPORTED_TRIPLES).description("Triples written by imports").register(meters).increment(triples);
    }

    public void rejectedAsInvalid() {
        counter("invalid").increment();
    }

    public void failed() {
        counter("error").increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder(IMPORTS).description("Imports, by outcome").tag("outcome", outcome).register(meters);
    }
}
