package org.innograph.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.query.QuerySolution;
import org.innograph.cache.GenerationSnapshot;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.linkeddata.GraphReader;
import org.innograph.linkeddata.Labels;
import org.innograph.linkeddata.PublicIris;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Component;

/**
 * Full-text search over our own resources, in memory. The index is rebuilt from the store whenever the store's
 * write counter has moved ({@link GenerationSnapshot}), so it never disagrees with what the store holds once an
 * import, an update or a delete made through this service is acknowledged (a Lucene index beside TDB2 can, see
 * STACK.md trap 7), and it works the same on a remote store. On a remote store other clients may write too, so
 * there the index also has a maximum age. Building it takes a few SPARQL queries over some hundred resources.
 */
@Component
class SearchIndex {

    /** How much a word counts by where it stands: titles most, then summaries, then the other texts. */
    private static final Map<String, Double> FIELD_WEIGHTS = Map.ofEntries(
            Map.entry(IG.expand("dct:title"), 3.0),
            Map.entry(IG.expand("rdfs:label"), 3.0),
            Map.entry(IG.expand("skos:altLabel"), 2.5),
            Map.entry(IG.expand("ig:acronym"), 2.5),
            Map.entry(IG.expand("dct:identifier"), 2.5),
            Map.entry(IG.expand("ig:summary"), 2.0),
            Map.entry(IG.expand("ig:topicAsStated"), 1.5),
            Map.entry(IG.expand("ig:description"), 1.0),
            Map.entry(IG.expand("dct:description"), 1.0));
    private static final double OTHER_TEXT = 0.5;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    record Document(String iri, String href, String type, String title, String summary, Map<String, Double> terms,
                    double length, Set<String> themes, Set<String> countries, Set<String> regions) {
    }

    /** Everything one build read from the store, kept until the store changes. */
    record Snapshot(List<Document> documents, Map<String, Double> idf,
                    double averageLength, Map<String, String> themeLabels, Map<String, String> countryCodes,
                    Map<String, String> countryLabels, Set<String> regionCodes) {
    }

    record Filters(String theme, String country, String region, String type) {
        boolean accepts(Document document) {
            return (theme == null || document.themes().contains(theme))
                    && (country == null || document.countries().contains(country))
                    && (region == null || document.regions().contains(region))
                    && (type == null || document.type().equals(type));
        }
    }

    record Hit(Document document, double score) {
    }

    private final GraphReader reader;
    private final Labels labels;
    private final PublicIris iris;
    private final GenerationSnapshot<Snapshot> snapshot;

    SearchIndex(GraphReader reader, Labels labels, PublicIris iris, WebProperties properties,
                GenerationSnapshots snapshots) {
        this.reader = reader;
        this.labels = labels;
        this.iris = iris;
        this.snapshot = snapshots.of("search index", properties.searchMaxAge(), this::build);
    }

    /** The index as of the store's last write, or the one before while that is being built. */
    Snapshot current() {
        return snapshot.get();
    }

    /** Best matches first; every query word must occur (a word also matches longer words it begins). */
    List<Hit> search(Snapshot index, String query, Filters filters) {
        List<String> words = SearchText.terms(query == null ? "" : query);
        List<Hit> hits = new ArrayList<>();
        for (Document document : index.documents()) {
            if (!filters.accepts(document)) {
                continue;
            }
            double score = 0;
            boolean all = true;
            for (String word : words) {
                double wordScore = score(index, document, word);
                if (wordScore == 0) {
                    all = false;
                    break;
                }
                score += wordScore;
            }
            if (all) {
                hits.add(new Hit(document, score));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(hit -> hit.document().title(), String.CASE_INSENSITIVE_ORDER));
        return hits;
    }

    private static double score(Snapshot index, Document document, String word) {
        double best = 0;
        for (Map.Entry<String, Double> term : document.terms().entrySet()) {
            String candidate = term.getKey();
            double match = candidate.equals(word) ? 1.0
                    : word.length() >= 3 && candidate.startsWith(word) ? 0.6 : 0;
            if (match == 0) {
                continue;
            }
            double frequency = term.getValue();
            double norm = frequency * (K1 + 1)
                    / (frequency + K1 * (1 - B + B * document.length() / index.averageLength()));
            best = Math.max(best, match * index.idf().getOrDefault(candidate, 0.0) * norm);
        }
        return best;
    }

    private Snapshot build() {
        Map<String, DocumentBuilder> builders = new LinkedHashMap<>();
        Shared shared = new Shared();
        for (QuerySolution row : reader.select(SparqlFiles.query("web/search-texts.rq"))) {
            String iri = row.getResource("s").getURI();
            DocumentBuilder builder = builders.computeIfAbsent(iri, key -> new DocumentBuilder(key, shared));
            builder.type = typeName(row.getResource("class").getURI());
            builder.add(row.getResource("field").getURI(), row.getLiteral("text").getLexicalForm());
        }
        facets("web/search-themes-of.rq", "theme", builders, (builder, node) -> builder.themes.add(node.asResource().getURI()));
        facets("web/search-countries-of.rq", "country", builders, (builder, node) -> builder.countries.add(node.asResource().getURI()));
        facets("web/search-regions-of.rq", "code", builders, (builder, node) -> builder.regions.add(node.asLiteral().getLexicalForm()));

        List<Document> documents = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        double totalLength = 0;
        for (DocumentBuilder builder : builders.values()) {
            Document document = builder.build(iris);
            documents.add(document);
            document.terms().keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            totalLength += document.length();
        }
        Map<String, Double> idf = new HashMap<>();
        int n = documents.size();
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5))));

        Set<String> themeIris = new HashSet<>();
        reader.select(SparqlFiles.query("web/themes.rq")).forEach(row -> themeIris.add(row.getResource("theme").getURI()));
        Map<String, String> themeLabels = new TreeMap<>(labels.of(themeIris));
        Map<String, String> countryCodes = new HashMap<>();
        for (QuerySolution row : reader.select(SparqlFiles.query("web/country-codes.rq"))) {
            countryCodes.put(row.getLiteral("code").getLexicalForm().toUpperCase(), row.getResource("country").getURI());
        }
        Set<String> usedCountries = new HashSet<>();
        documents.forEach(document -> usedCountries.addAll(document.countries()));
        Map<String, String> countryLabels = labels.of(usedCountries);
        Set<String> regionCodes = new HashSet<>();
        reader.select(SparqlFiles.query("web/region-codes.rq")).forEach(row -> regionCodes.add(row.getLiteral("code").getLexicalForm()));
        return new Snapshot(List.copyOf(documents), idf,
                documents.isEmpty() ? 1 : Math.max(1, totalLength / documents.size()), themeLabels, countryCodes,
                countryLabels, regionCodes);
    }

    private void facets(String queryFile, String variable, Map<String, DocumentBuilder> builders,
                        java.util.function.BiConsumer<DocumentBuilder, org.apache.jena.rdf.model.RDFNode> add) {
        for (QuerySolution row : reader.select(SparqlFiles.query(queryFile))) {
            DocumentBuilder builder = builders.get(row.getResource("s").getURI());
            if (builder != null) {
                add.accept(builder, row.get(variable));
            }
        }
    }

    private static String typeName(String classIri) {
        String local = classIri.substring(classIri.indexOf('#') + 1);
        return switch (local) {
            case "GoodPractice" -> "practice";
            case "PolicyInstrument" -> "instrument";
            case "ActionPlan" -> "action-plan";
            case "ClusterGroup" -> "cluster";
            default -> local.toLowerCase();
        };
    }

    private static final class DocumentBuilder {
        private final String iri;
        private final Shared shared;
        private String type = "";
        private String title;
        private String summary;
        private String description;
        private final Map<String, Double> terms = new HashMap<>();
        private double length;
        private final Set<String> themes = new HashSet<>();
        private final Set<String> countries = new HashSet<>();
        private final Set<String> regions = new HashSet<>();

        DocumentBuilder(String iri, Shared shared) {
            this.iri = iri;
            this.shared = shared;
        }

        void add(String field, String text) {
            if (field.equals(IG.expand("dct:title")) || (title == null && field.equals(IG.expand("rdfs:label")))) {
                title = text;
            } else if (field.equals(IG.expand("ig:summary"))) {
                summary = text;
            } else if (field.equals(IG.expand("ig:description")) || field.equals(IG.expand("dct:description"))) {
                description = text;
            }
            double weight = FIELD_WEIGHTS.getOrDefault(field, OTHER_TEXT);
            for (String term : SearchText.terms(text)) {
                terms.merge(shared.word(term), weight, Double::sum);
                length += weight;
            }
        }

        Document build(PublicIris iris) {
            String shown = title != null ? title : Labels.fallback(iri);
            String abstractText = summary != null ? summary : description != null ? description : "";
            terms.replaceAll((term, weight) -> shared.weight(weight));
            return new Document(iri, iris.pageOf(iri), type, shown, abstractText, Map.copyOf(terms), length,
                    Set.copyOf(themes), Set.copyOf(countries), Set.copyOf(regions));
        }
    }

    /**
     * One instance of each word and of each weight for the whole index. Every document kept its own copy of
     * every word it holds, and a box for every weight: at 100K practices the service's live heap after its
     * warm-up was 658 MB that way and is 493 MB with them shared (Fuseki on the same store: 66 MB).
     */
    private static final class Shared {
        private final Map<String, String> words = new HashMap<>();
        private final Map<Double, Double> weights = new HashMap<>();

        String word(String word) {
            return words.computeIfAbsent(word, w -> w);
        }

        Double weight(Double weight) {
            return weights.computeIfAbsent(weight, w -> w);
        }
    }

    static Collection<String> types() {
        return List.of("practice", "cluster", "organisation", "instrument", "action-plan", "action", "project");
    }
}
