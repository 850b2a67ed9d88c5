package org.innograph.ingest;

import org.innograph.store.GraphStore;
import org.innograph.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the shipped data when the service starts, unless switched off. */
@Component
// First of the start-up work: the rest (the statistics kept from the data) reads what it loads.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShippedDataStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedDataStartup.class);

    private final GraphStore store;
    private final DataProperties properties;

    ShippedDataStartup(GraphStore store, DataProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadOnStart()) {
            return;
        }
        try {
            new ShippedDataLoader(store, properties.directories()).synchronise();
        } catch (StoreUnavailableException e) {
            // A remote store may come up after us; the service still starts and reports DOWN until it does.
            log.error("Shipped data not loaded: {}", e.getMessage());
        }
    }
}
