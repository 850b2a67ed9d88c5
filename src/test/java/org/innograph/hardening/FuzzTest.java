package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One minute of the fuzzer against a fresh server at -Xmx512m with the shipped data: no 500, no dead process,
 * health always answering, no change from a refused write. The suite runs one fixed seed, so that whether a build
 * passes never depends on the draw; new seeds are explored with {@code bench/fuzz} (a new one each run) or here
 * with {@code -Dfuzz.seed=N}, and every violation found that way is fixed and its case kept reproducible.
 */
class FuzzTest {

    @TempDir
    Path work;

    @Test
    void aMinuteOfHostileRequestsBreaksNoInvariant() {
        long seed = Long.getLong("fuzz.seed", 38748556643106L);
        Fuzzer.Report report = Fuzzer.run(seed, Duration.ofSeconds(60), null, work);
        System.out.println(report.table());
        assertThat(report.cases()).as("requests sent").isGreaterThan(20);
        assertThat(report.violations()).as("violations (seed " + seed + ")").isEmpty();
    }
}
