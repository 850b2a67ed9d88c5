package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One minute of the fuzzer against a fresh server at -Xmx512m with the shipped data: no 500, no dead process,
 * health always answering, no change from a refused write. A new seed every run (printed, with the request of any
 * violation); {@code -Dfuzz.seed=N} repeats a run.
 */
class FuzzTest {

    @TempDir
    Path work;

    @Test
    void aMinuteOfHostileRequestsBreaksNoInvariant() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Fuzzer.Report report = Fuzzer.run(seed, Duration.ofSeconds(60), null, work);
        System.out.println(report.table());
        assertThat(report.cases()).as("requests sent").isGreaterThan(20);
        assertThat(report.violations()).as("violations (seed " + seed + ")").isEmpty();
    }
}
