package org.innograph.ingest;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.data.*}: the shipped RDF.
 *
 * @param directories folders whose RDF files are loaded, one named graph per file
 * @param loadOnStart whether start-up brings the store in step with those files
 */
@ConfigurationProperties("innograph.data")
public record DataProperties(
        @DefaultValue({"ontology", "data"}) List<Path> directories,
        @DefaultValue("true") boolean loadOnStart) {
}
