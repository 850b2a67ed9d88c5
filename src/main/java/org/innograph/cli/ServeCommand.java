package org.innograph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.innograph.InnoGraphApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the InnoGraph service (SPARQL endpoint, APIs, UI).",
                "Spring Boot options pass through, e.g. --server.port=9090 or --innograph.store.directory=DIR."})
class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    private ConfigurableApplicationContext context;

    @Override
    public Integer call() {
        context = SpringApplication.run(InnoGraphApplication.class, springArguments.toArray(String[]::new));
        return 0;
    }

    boolean isRunning() {
        return context != null && context.isActive();
    }

    ConfigurableApplicationContext context() {
        return context;
    }
}
