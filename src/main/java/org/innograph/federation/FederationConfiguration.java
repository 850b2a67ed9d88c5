package org.innograph.federation;

import org.innograph.store.GraphStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

    @Bean
    FederationPolicy federationPolicy(FederationProperties properties, GraphStore store) {
        FederationPolicy policy = new FederationPolicy(properties.allowedEndpoints());
        // A remote store runs SERVICE and LOAD on its own server: there the parsed-request check is the guard,
        // and the server's own configuration (e.g. Fuseki's) is the operator's second line.
        store.localDataset().ifPresent(dataset -> JenaFederationGuard.install(dataset.getContext(), policy));
        return policy;
    }
}
