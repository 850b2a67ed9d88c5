package org.innograph.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    GraphStore graphStore(StoreProperties properties, QuerySupervisor supervisor) {
        return switch (properties.mode()) {
            case EMBEDDED -> new EmbeddedStore(properties.directory(), supervisor, properties.maxRowsInMemory());
            case REMOTE -> new RemoteStore(properties.remote(), supervisor);
        };
    }

    /** Stops the longest query and refuses new ones while the heap stays full after collections. */
    @Bean(destroyMethod = "close")
    HeapGuard heapGuard(StoreProperties properties, QuerySupervisor supervisor) {
        return HeapGuard.watch(properties.heapGuardThreshold(), supervisor).orElse(null);
    }
}
