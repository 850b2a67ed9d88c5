package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The load command, short: 8 clients for 5 s must see no server error and lose no acknowledged write. */
class LoadSmokeTest {

    @Test
    void mixedReadsAndWritesFromEightClientsLoseNothingAndNeverFail() throws Exception {
        try (ConfigurableApplicationContext server = LoadDriver.startServer("src/test/resources/fixtures/protocol")) {
            LoadDriver.Report report = LoadDriver.run(Http.onPort(LoadDriver.port(server)), Http.WRITER,
                    Http.WRITER_PASSWORD, 8, Duration.ofSeconds(5));
            System.out.print(report.summary());
            assertThat(report.writes()).as("writes were made").isPositive();
            assertThat(report.acknowledged()).isPositive();
            assertThat(report.serverErrors()).as("5xx").isZero();
            assertThat(report.otherErrors()).as("other non-2xx").isZero();
            assertThat(report.lostWrites()).as("acknowledged writes missing afterwards").isZero();
        }
    }
}
