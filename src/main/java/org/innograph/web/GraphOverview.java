package org.innograph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.innograph.cache.GenerationSnapshot;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.ingest.GraphNames;
import org.innograph.linkeddata.GraphReader;
import org.innograph.linkeddata.Labels;
import org.innograph.linkeddata.PublicIris;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/**
 * What the graph holds: resources per class and triples per named graph. Counting scans the store, so the
 * answer is kept until the next write ({@link GenerationSnapshot}).
 */
@Component
class GraphOverview {

    record Count(String iri, String href, String label, long count) {
    }

    record Snapshot(List<Count> classes, List<Count> graphs, long triples) {
    }

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final GenerationSnapshot<Snapshot> snapshot;

    GraphOverview(GraphReader reader, Labels labels, PublicIris iris, GenerationSnapshots snapshots) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.snapshot = snapshots.of("graph overview", this::count);
    }

    Snapshot current() {
        return snapshot.get();
    }

    private Snapshot count() {
        List<QuerySolution> classRows = reader.select(SparqlFiles.query("web/classes-by-size.rq"));
        Map<String, String> names = labels.of(classRows.stream().map(row -> row.getResource("class").getURI()).toList());
        List<Count> classes = new ArrayList<>();
        for (QuerySolution row : classRows) {
            String iri = row.getResource("class").getURI();
            classes.add(new Count(iri, iri.startsWith(IG.NS)
                    ? "/ontology#" + iri.substring(IG.NS.length()) : iri,
                    names.getOrDefault(iri, Labels.fallback(iri)), row.getLiteral("n").getLong()));
        }
        List<Count> graphs = new ArrayList<>();
        long triples = 0;
        for (Map.Entry<String, Long> perGraph : reader.triplesPerGraph().entrySet()) {
            String iri = perGraph.getKey();
            long count = perGraph.getValue();
            triples += count;
            String name = iri.startsWith(GraphNames.GRAPH_BASE) ? iri.substring(GraphNames.GRAPH_BASE.length()) : iri;
            graphs.add(new Count(iri, iris.pageOf(iri), name, count));
        }
        graphs.sort(Comparator.comparing(Count::label));
        return new Snapshot(classes, graphs, triples);
    }
}
