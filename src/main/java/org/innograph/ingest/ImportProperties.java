package org.innograph.ingest;

import static org.innograph.settings.SettingChecks.positive;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code innograph.imports.*}: what curators' imports are held to.
 *
 * @param shapes      the SHACL shapes every import must pass
 * @param topicThemes the curated keyword-to-theme table the good-practice CSV's topics are mapped with
 * @param personNames names of persons that no imported value may carry (persons are not modelled)
 * @param maxSize     a larger file is refused with 413
 */
@ConfigurationProperties("innograph.imports")
public record ImportProperties(
        @DefaultValue("ontology/shapes.ttl") Path shapes,
        @DefaultValue("data/sources/curation/topic_themes.csv") Path topicThemes,
        @DefaultValue("data/sources/curation/person_names.sha256") Path personNames,
        @DefaultValue("50MB") DataSize maxSize) {

    public ImportProperties {
        positive("innograph.imports.max-size", maxSize);
    }
}
