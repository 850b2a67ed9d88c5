package org.innograph.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --config} option of every command that reads the service's settings. */
class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML or .properties file with innograph.* settings, as the service reads them")
    Path config;

    Settings settings() {
        return Settings.load(config);
    }
}
