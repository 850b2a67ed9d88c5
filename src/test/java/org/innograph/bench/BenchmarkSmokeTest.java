package org.innograph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end at a tiny scale: both servers start as their own processes, answer the same,
 * and the table is written. No timing is asserted: CI machines are too noisy for that.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void benchmarkRunsEndToEndAndWritesItsTable() throws Exception {
        ResultTable table = BenchmarkDriver.run("--scales=50", "--duration=1", "--warmup=0.5", "--clients=1,2",
                "--skip-shipped-startup", "--work=" + work, "--server-jvm=-Xmx512m");

        String markdown = Files.readString(work.resolve("results.md"));
        assertThat(markdown).contains("| 50 | bulk load | triples/s", "| 50 | query mix, 1 client | throughput",
                "| 50 | query mix, 2 clients | p99 latency", "| 50 | start-up |",
                "| 50 | repeated queries, 2 clients | throughput");
        assertThat(markdown).contains("answers compared").doesNotContain("DIFFERENT");
        assertThat(Files.readAllLines(work.resolve("results.csv"))).hasSize(table.rows().size() + 1);
        assertThat(table.rows()).filteredOn(row -> row.section().startsWith("query mix")
                        || row.section().startsWith("repeated queries"))
                .allSatisfy(row -> assertThat(row.innograph()).isPositive());
        // Queries are timed only once InnoGraph's own warm-up has ended, which is after its first answer.
        double firstAnswer = table.rows().stream().filter(row -> row.measure().equals("cold start to first answer"))
                .findFirst().orElseThrow().innograph();
        assertThat(table.rows()).filteredOn(row -> row.measure().startsWith("pages' caches built")).singleElement()
                .satisfies(row -> {
                    assertThat(row.innograph()).isGreaterThanOrEqualTo(firstAnswer);
                    assertThat(row.note()).isEqualTo("queries are timed after it");
                });
    }
}
