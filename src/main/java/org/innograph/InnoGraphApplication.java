package org.innograph;

import org.apache.jena.sys.JenaSystem;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InnoGraphApplication {

    // InnoGraph's own SPARQL is parsed before anything else starts, by main or by a test's Spring context:
    // a malformed file stops the start, naming itself.
    static {
        SparqlFiles.names();
    }

    public static void main(String[] args) {
        // Jena initialises lazily on first use; doing it here keeps that second off the first request.
        JenaSystem.init();
        SpringApplication.run(InnoGraphApplication.class, args);
    }
}
