package org.innograph.web;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.innograph.linkeddata.OntologyDocumentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the UI's caches (counts, search index, ontology page, boundaries) once the shipped data is loaded, in
 * the background, so the first reader does not wait seconds for what every later one gets at once. Its reads
 * count against the query cap like any other; the {@value #WARM_UP} timer appears once it has ended (outcome
 * {@code ready} or {@code failed}), so an operator (or a test with a cap of one) can tell when it no longer holds
 * a place.
 */
@Component
class UiWarmUp {

    static final String WARM_UP = "innograph.ui.warm-up";
    private static final Logger log = LoggerFactory.getLogger(UiWarmUp.class);

    private final GraphOverview overview;
    private final SearchIndex search;
    private final OntologyDocumentation ontology;
    private final RegionShapes shapes;
    private final PracticeMap map;
    private final LearningFlows flows;
    private final MeterRegistry meters;

    UiWarmUp(GraphOverview overview, SearchIndex search, OntologyDocumentation ontology, RegionShapes shapes,
             PracticeMap map, LearningFlows flows, MeterRegistry meters) {
        this.overview = overview;
        this.search = search;
        this.ontology = ontology;
        this.shapes = shapes;
        this.map = map;
        this.flows = flows;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread worker = new Thread(() -> {
            long start = System.nanoTime();
            String outcome = "failed";
            try {
                shapes.countries();
                overview.current();
                search.current();
                ontology.current();
                map.headline();
                flows.current();
                outcome = "ready";
                log.info("UI caches ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                // e.g. a remote store that is not up yet, or a build over the time limit on a large store: pages
                // then build what they need on first use. toString(), as a cancelled query has no message.
                log.warn("UI caches not prepared: {}", e.toString());
            } finally {
                Timer.builder(WARM_UP).description("Building the UI's caches after start-up, by outcome")
                        .tag("outcome", outcome).register(meters)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }, "ui-warm-up");
        worker.setDaemon(true);
        worker.start();
    }
}
