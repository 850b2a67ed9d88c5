package org.innograph.security;

import java.util.List;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Pages on other origins may read (a SPARQL client in the browser, a notebook, a linked-data browser fetching
 * our resources as RDF); they may never write. A
 * cross-origin request to anything but the read endpoints, or with another method, is refused with 403
 * before it reaches a controller, so a page elsewhere cannot use a browser's cached credentials to write.
 */
final class CrossOriginReads {

    static final List<String> READ_PATHS = List.of("/sparql", "/sparql/query", "/sparql/sparql", "/sparql/data",
            "/api/**", "/id/**", "/theme/**", "/ontology*", "/resource", "/.well-known/void");

    private CrossOriginReads() {
    }

    static CorsConfigurationSource source(SecurityProperties.Cors cors) {
        CorsConfiguration reads = new CorsConfiguration();
        reads.setAllowedOriginPatterns(cors.allowedOrigins());
        reads.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        reads.setAllowedHeaders(List.of("*"));
        reads.setAllowCredentials(false);
        reads.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        READ_PATHS.forEach(path -> source.registerCorsConfiguration(path, reads));
        // No origin is allowed anywhere else: a cross-origin request there is refused, not passed through.
        source.registerCorsConfiguration("/**", new CorsConfiguration());
        return source;
    }
}
