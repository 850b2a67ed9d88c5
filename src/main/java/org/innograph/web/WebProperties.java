package org.innograph.web;

import static org.innograph.settings.SettingChecks.positive;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.web.*}.
 *
 * @param geoDirectory    the GISCO GeoJSON files (NUTS_RG_*) the maps draw boundaries from
 * @param searchMaxAge    in remote mode, how old the search index may get before it is rebuilt even without a
 *                        write through this service (another client may have written to the server)
 */
@ConfigurationProperties("innograph.web")
public record WebProperties(@DefaultValue("data/geo") Path geoDirectory,
                            @DefaultValue("60s") Duration searchMaxAge) {

    public WebProperties {
        positive("innograph.web.search-max-age", searchMaxAge);
    }
}
