package org.innograph.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.innograph.InnoGraphApplication;
import org.innograph.cache.CacheProperties;
import org.innograph.federation.FederationProperties;
import org.innograph.ingest.DataProperties;
import org.innograph.ingest.ImportProperties;
import org.innograph.linkeddata.LinkedDataProperties;
import org.innograph.queries.QueriesProperties;
import org.innograph.recommend.RecommendProperties;
import org.innograph.security.SecurityProperties;
import org.innograph.sparql.SparqlProperties;
import org.innograph.store.StoreProperties;
import org.innograph.store.SupervisorProperties;
import org.innograph.web.WebProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Settings that cannot work stop the service at start-up, with the property's name and what it may be, as an
 * operator reads it: the service itself once, then every settings record with the values it refuses.
 */
class StartUpSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({StoreProperties.class, SupervisorProperties.class, SparqlProperties.class,
            CacheProperties.class, FederationProperties.class, DataProperties.class, ImportProperties.class,
            LinkedDataProperties.class, QueriesProperties.class, RecommendProperties.class,
            SecurityProperties.class, WebProperties.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner settings = new ApplicationContextRunner()
            .withUserConfiguration(AllSettings.class);

    @TempDir
    Path directory;

    @Test
    void theServiceRefusesToStartWithNoQueryAllowedAtOnce() {
        SpringApplicationBuilder service = new SpringApplicationBuilder(InnoGraphApplication.class);
        assertThatThrownBy(() -> service.run("--spring.main.web-application-type=none",
                "--innograph.data.load-on-start=false",
                "--innograph.store.directory=" + directory.resolve("tdb2"),
                "--innograph.sparql.max-concurrent-queries=0").close())
                .satisfies(failure -> assertThat(messages(failure))
                        .anyMatch(message -> message.contains(
                                "innograph.sparql.max-concurrent-queries must be at least 1, not 0")));
    }

    @Test
    void theDefaultsAreAccepted() {
        settings.run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            innograph.sparql.max-concurrent-queries=-3         | innograph.sparql.max-concurrent-queries must be at least 1, not -3
            innograph.sparql.admission-wait=-1s                | innograph.sparql.admission-wait must be zero or more
            innograph.sparql.query-timeout=-5s                 | innograph.sparql.query-timeout must be zero or more
            innograph.sparql.update-timeout=0s                 | innograph.sparql.update-timeout must be more than zero
            innograph.sparql.max-request-size=0B               | innograph.sparql.max-request-size must be more than zero
            innograph.sparql.max-result-rows=0                 | innograph.sparql.max-result-rows must be at least 1, not 0
            innograph.store.max-rows-in-memory=0               | innograph.store.max-rows-in-memory must be at least 1, not 0
            innograph.store.heap-guard-threshold=1.5           | innograph.store.heap-guard-threshold must be more than 0 and at most 1
            innograph.store.remote.query-url=localhost:3030/q  | innograph.store.remote.query-url must be an absolute http or https URL
            innograph.store.remote.outside-writes-within=0s    | innograph.store.remote.outside-writes-within must be more than zero
            innograph.store.mode=remote                        | innograph.store.remote.query-url must be an absolute http or https URL
            innograph.cache.answers.max-entries=-1             | innograph.cache.answers.max-entries must be at least 0, not -1
            innograph.cache.max-age=-10s                       | innograph.cache.max-age must be zero or more
            innograph.federation.allowed-endpoints=ftp://x.example/sparql | innograph.federation.allowed-endpoints[0] must be an absolute http or https URL
            innograph.federation.allowed-endpoints[0]=         | [innograph.federation.allowed-endpoints[0]] were left unbound
            innograph.security.cors.allowed-origins[0]=        | innograph.security.cors.allowed-origins[0] is empty
            innograph.security.writer.tokens[0]=               | innograph.security.writer.tokens[0] is empty
            innograph.recommend.max-limit=5                    | innograph.recommend.max-limit must be at least 10, not 5
            innograph.recommend.max-age=0s                     | innograph.recommend.max-age must be more than zero
            innograph.web.search-max-age=-1s                   | innograph.web.search-max-age must be more than zero
            innograph.queries.default-per-page=0               | innograph.queries.default-per-page must be at least 1, not 0
            innograph.imports.max-size=0MB                     | innograph.imports.max-size must be more than zero
            innograph.linked-data.base-iri=not a base          | innograph.linked-data.base-iri must be an absolute http or https URL
            innograph.data.directories[1]=                     | [innograph.data.directories[1]] were left unbound
            """)
    void aValueThatCannotWorkIsRefusedNamingThePropertyAndWhatItMayBe(String setting, String expected) {
        settings.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).as(setting)
                    .anyMatch(message -> message.contains(expected));
        });
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
