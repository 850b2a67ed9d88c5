package org.innograph.sparql;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.innograph.store.QuerySupervisor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Configuration(proxyBeanMethods = false)
class SparqlConfiguration {

    /**
     * One supervisor for the store, so that the cap counts queries from every entry point together. The
     * service's own reads (indexes for search, recommendations and pages; the shipped-data check) read whole
     * graphs, like downloads, and get the download time limit.
     */
    @Bean
    QuerySupervisor querySupervisor(SparqlProperties properties, MeterRegistry meters) {
        return new QuerySupervisor(properties.maxConcurrentQueries(), properties.admissionWait(),
                properties.downloadTimeout(), SparqlConfiguration::clientAddress, meters);
    }

    /** The address of the HTTP client asking (behind a proxy, the forwarded one), or "internal". */
    private static String clientAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return "internal";
    }
}
