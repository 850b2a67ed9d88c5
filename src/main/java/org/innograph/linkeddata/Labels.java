package org.innograph.linkeddata;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.springframework.stereotype.Component;

/** Human names for IRIs: English first, then untagged, then any language, as a reader of this graph expects. */
@Component
public class Labels {

    private static final String LABELS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dct: <http://purl.org/dc/terms/>
            SELECT ?x ?label WHERE { ?x rdfs:label|skos:prefLabel|dct:title ?label }""";
    private static final int BATCH = 400;

    private final GraphReader reader;

    public Labels(GraphReader reader) {
        this.reader = reader;
    }

    /** Labels of the IRIs that have one; the others are absent from the map. */
    public Map<String, String> of(Collection<String> iris) {
        Map<String, Literal> best = new HashMap<>();
        List<String> distinct = iris.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            for (QuerySolution row : reader.select(GraphReader.withValues(LABELS, "x", batch))) {
                String iri = row.getResource("x").getURI();
                if (!row.get("label").isLiteral()) {
                    continue;
                }
                Literal label = row.getLiteral("label");
                Literal current = best.get(iri);
                if (current == null || rank(label) < rank(current)
                        || (rank(label) == rank(current) && label.getLexicalForm().compareTo(current.getLexicalForm()) < 0)) {
                    best.put(iri, label);
                }
            }
        }
        return best.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getLexicalForm()));
    }

    private static int rank(Literal label) {
        String language = label.getLanguage();
        if (language.equals("en") || language.startsWith("en-")) {
            return 0;
        }
        return language.isEmpty() ? 1 : 2;
    }

    /** A readable name for an IRI that has no label: its last path segment or fragment. */
    public static String fallback(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String tail = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        return tail.isEmpty() ? iri : tail;
    }
}
