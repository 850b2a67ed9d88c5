package org.innograph.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    GraphStore graphStore(StoreProperties properties, QuerySupervisor supervisor) {
        return switch (properties.mode()) {
            case EMBEDDED -> new EmbeddedStore(properties.directory(), supervisor);
            case REMOTE -> new RemoteStore(properties.remote(), supervisor);
        };
    }
}
