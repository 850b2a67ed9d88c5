package org.innograph.federation;

import static org.innograph.settings.SettingChecks.httpUrl;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.federation.*}: the only places a {@code SERVICE} clause or a {@code LOAD} may reach.
 *
 * @param allowedEndpoints URL prefixes (scheme, host, port and path) that SERVICE and LOAD may use; anything
 *                         else is refused before it runs
 */
@ConfigurationProperties("innograph.federation")
public record FederationProperties(
        @DefaultValue({
                "https://publications.europa.eu/webapi/rdf/sparql",
                "http://publications.europa.eu/webapi/rdf/sparql",
                "https://data.europa.eu/sparql",
                "https://query.wikidata.org/sparql",
                "https://cordis.europa.eu/datalab/sparql"}) List<URI> allowedEndpoints) {

    public FederationProperties {
        for (int i = 0; i < allowedEndpoints.size(); i++) {
            httpUrl("innograph.federation.allowed-endpoints[" + i + "]", allowedEndpoints.get(i));
        }
    }
}
