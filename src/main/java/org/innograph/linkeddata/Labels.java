package org.innograph.linkeddata;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/**
 * Human names for IRIs, the one rule for pages, search, charts and stored-query answers. A reader of this graph
 * reads English: an English label first, then one without a language, then any other. Within a language the
 * preferred label ({@code skos:prefLabel}) before the plain one ({@code rdfs:label}) before a title
 * ({@code dct:title}, all that named graphs and documents have); among equals the first in text order, so the
 * same graph always gives the same name.
 */
@Component
public class Labels {

    private static final int BATCH = 400;
    private static final List<String> PROPERTIES = List.of(SKOS.prefLabel.getURI(), RDFS.label.getURI(),
            DCTerms.title.getURI());

    private record Candidate(Literal label, String property) {
    }

    private static final Comparator<Candidate> PREFERENCE = Comparator
            .comparingInt((Candidate candidate) -> languageRank(candidate.label().getLanguage()))
            .thenComparingInt(candidate -> PROPERTIES.indexOf(candidate.property()))
            .thenComparing(candidate -> candidate.label().getLexicalForm());

    private final GraphReader reader;

    public Labels(GraphReader reader) {
        this.reader = reader;
    }

    /** Labels of the IRIs that have one; the others are absent from the map. */
    public Map<String, String> of(Collection<String> iris) {
        Map<String, Candidate> best = new HashMap<>();
        List<String> distinct = iris.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            Query query = SparqlFiles.withValues(SparqlFiles.query("linkeddata/labels.rq"),
                    Map.of(Var.alloc("x"), batch.stream().map(NodeFactory::createURI).toList()));
            for (QuerySolution row : reader.select(query)) {
                Candidate candidate = new Candidate(row.getLiteral("label"), row.getResource("property").getURI());
                best.merge(row.getResource("x").getURI(), candidate,
                        (current, other) -> PREFERENCE.compare(other, current) < 0 ? other : current);
            }
        }
        Map<String, String> labels = new HashMap<>();
        best.forEach((iri, candidate) -> labels.put(iri, candidate.label().getLexicalForm()));
        return labels;
    }

    private static int languageRank(String language) {
        String tag = language.toLowerCase(Locale.ROOT);
        if (tag.equals("en") || tag.startsWith("en-")) {
            return 0;
        }
        return tag.isEmpty() ? 1 : 2;
    }

    /** A readable name for an IRI that has no label: its last path segment or fragment. */
    public static String fallback(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String tail = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        return tail.isEmpty() ? iri : tail;
    }
}
