package org.innograph.queries;

import static org.innograph.settings.SettingChecks.atLeast;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.queries.*}: where stored queries come from and how much one request may return.
 *
 * @param dir            a folder of extra {@code .rq} files, read at start-up and again whenever its listing
 *                       changes; none when unset. A file here replaces a shipped query of the same name.
 * @param maxRows        the most rows one response carries: the largest {@code per_page}, and the cap on a
 *                       CONSTRUCT query's solutions
 * @param defaultPerPage the page size of a SELECT query whose header sets none
 */
@ConfigurationProperties("innograph.queries")
public record QueriesProperties(
        Path dir,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("100") int defaultPerPage) {

    public QueriesProperties {
        atLeast("innograph.queries.max-rows", maxRows, 1);
        atLeast("innograph.queries.default-per-page", defaultPerPage, 1);
    }
}
