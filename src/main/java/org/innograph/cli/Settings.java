package org.innograph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.innograph.ingest.ImportProperties;
import org.innograph.sparql.SparqlProperties;
import org.innograph.store.StoreProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The service's {@code innograph.*} settings, read the way Spring Boot reads them but without starting it:
 * system properties and environment variables (INNOGRAPH_STORE_DIRECTORY…) first, then a {@code --config}
 * file, then {@code ./config/application.yml} and {@code ./application.yml}, then the built-in defaults. So a
 * command works on the same store as the service would.
 */
final class Settings {

    private final Binder binder;

    private Settings(Binder binder) {
        this.binder = binder;
    }

    static Settings load(Path configFile) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new IllegalArgumentException("No configuration file " + configFile);
            }
            sources.addLast(load("config file", new FileSystemResource(configFile)));
        }
        for (Path local : List.of(Path.of("config/application.yml"), Path.of("application.yml"))) {
            if (Files.isRegularFile(local)) {
                sources.addLast(load(local.toString(), new FileSystemResource(local)));
            }
        }
        sources.addLast(load("built-in defaults", new ClassPathResource("application.yml")));
        return new Settings(Binder.get(environment));
    }

    StoreProperties store() {
        return binder.bindOrCreate("innograph.store", StoreProperties.class);
    }

    ImportProperties imports() {
        return binder.bindOrCreate("innograph.imports", ImportProperties.class);
    }

    SparqlProperties sparql() {
        return binder.bindOrCreate("innograph.sparql", SparqlProperties.class);
    }

    private static PropertySource<?> load(String name, Resource resource) {
        String file = resource.getFilename() == null ? "" : resource.getFilename();
        PropertySourceLoader loader = file.endsWith(".properties") ? new PropertiesPropertySourceLoader()
                : new YamlPropertySourceLoader();
        try {
            List<PropertySource<?>> loaded = loader.load(name, resource);
            return loaded.isEmpty() ? new org.springframework.core.env.MapPropertySource(name, java.util.Map.of())
                    : loaded.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
