package org.innograph.store;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /**
     * One supervisor for the store, so that the cap counts queries from every entry point together. The
     * service's own reads (indexes for search, recommendations and pages; the shipped-data check) read whole
     * graphs, like downloads, and get the download time limit.
     */
    @Bean
    QuerySupervisor querySupervisor(SupervisorProperties properties, MeterRegistry meters) {
        return new QuerySupervisor(properties.maxConcurrentQueries(), properties.admissionWait(),
                properties.downloadTimeout(), StoreConfiguration::clientAddress, meters);
    }

    /** The address of the HTTP client asking, or "internal" for the service's own reads. */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return "internal";
    }

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
