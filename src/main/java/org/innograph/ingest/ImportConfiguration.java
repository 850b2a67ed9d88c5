package org.innograph.ingest;

import org.innograph.store.GraphStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportService importService(GraphStore store, ImportProperties properties) {
        return new ImportService(store, () -> ImportValidator.fromFile(properties.shapes()),
                new PracticeTemplate(properties.topicThemes(), properties.personNames()), properties.maxSize());
    }
}
