package org.innograph.linkeddata;

import static org.innograph.settings.SettingChecks.atLeast;
import static org.innograph.settings.SettingChecks.httpUrl;
import static org.innograph.settings.SettingChecks.notNegative;

import java.time.Duration;

import org.innograph.vocabulary.IG;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.linked-data.*}.
 *
 * @param baseIri      the public base under which we mint IRIs; {@code {baseIri}id/practice/x} is served at
 *                     {@code /id/practice/x} on this server
 * @param queryTimeout how long one of the queries behind a page may run
 * @param snapshotQueryTimeout how long one of the queries behind a snapshot may run: the search index, the home
 *                     page's counts, the learning flows. A snapshot is built once per store version on a thread of
 *                     its own and shared by every page; at 100K practices the search index reads 890,000 texts, and
 *                     its queries took 2–14 s each, over a page's limit, so that search answered 503 there
 * @param inboundLimit the most inbound links a page lists (a country has thousands of regions pointing at it)
 */
@ConfigurationProperties("innograph.linked-data")
public record LinkedDataProperties(@DefaultValue(IG.BASE) String baseIri,
                                   @DefaultValue("10s") Duration queryTimeout,
                                   @DefaultValue("5m") Duration snapshotQueryTimeout,
                                   @DefaultValue("300") int inboundLimit) {

    public LinkedDataProperties {
        httpUrl("innograph.linked-data.base-iri", baseIri);
        notNegative("innograph.linked-data.query-timeout", queryTimeout);
        notNegative("innograph.linked-data.snapshot-query-timeout", snapshotQueryTimeout);
        atLeast("innograph.linked-data.inbound-limit", inboundLimit, 0);
        if (!baseIri.endsWith("/")) {
            baseIri = baseIri + "/";
        }
    }
}
