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
 * @param inboundLimit the most inbound links a page lists (a country has thousands of regions pointing at it)
 */
@ConfigurationProperties("innograph.linked-data")
public record LinkedDataProperties(@DefaultValue(IG.BASE) String baseIri,
                                   @DefaultValue("10s") Duration queryTimeout,
                                   @DefaultValue("300") int inboundLimit) {

    public LinkedDataProperties {
        httpUrl("innograph.linked-data.base-iri", baseIri);
        notNegative("innograph.linked-data.query-timeout", queryTimeout);
        atLeast("innograph.linked-data.inbound-limit", inboundLimit, 0);
        if (!baseIri.endsWith("/")) {
            baseIri = baseIri + "/";
        }
    }
}
