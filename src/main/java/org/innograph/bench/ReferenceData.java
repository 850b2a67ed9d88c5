package org.innograph.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The real NUTS regions and themes a synthetic graph points to, read from the shipped files so the generated
 * practices resolve against the reference graphs exactly as the real ones do.
 */
record ReferenceData(List<Region> regions, List<Theme> themes) {

    private static final String IG = org.innograph.vocabulary.IG.NS;

    /** A NUTS unit a practice can be located in. */
    record Region(String iri, String label, String country) {
    }

    /** A theme of the InnoGraph scheme. */
    record Theme(String iri, String label) {
    }

    /** NUTS levels 2 and 3 (where practices sit) from the NUTS file; every ig:Theme from the themes file. */
    static ReferenceData read(Path nutsFile, Path themesFile) {
        Map<String, Map<String, String>> units = properties(nutsFile, Map.of(
                IG + "nutsLevel", "level", IG + "country", "country", SKOS.prefLabel.getURI(), "label"));
        List<Region> regions = new ArrayList<>();
        units.forEach((iri, values) -> {
            String level = values.get("level");
            if (("2".equals(level) || "3".equals(level)) && values.containsKey("country")
                    && values.containsKey("label") && values.containsKey("type:" + IG + "Region")) {
                regions.add(new Region(iri, values.get("label"), values.get("country")));
            }
        });
        regions.sort(Comparator.comparing(Region::iri));

        Map<String, Map<String, String>> concepts = properties(themesFile, Map.of(SKOS.prefLabel.getURI(), "label"));
        List<Theme> themes = new ArrayList<>();
        concepts.forEach((iri, values) -> {
            if (values.containsKey("type:" + IG + "Theme") && values.containsKey("label")) {
                themes.add(new Theme(iri, values.get("label")));
            }
        });
        themes.sort(Comparator.comparing(Theme::iri));
        if (regions.isEmpty() || themes.isEmpty()) {
            throw new IllegalStateException("No NUTS regions in " + nutsFile + " or no themes in " + themesFile);
        }
        return new ReferenceData(List.copyOf(regions), List.copyOf(themes));
    }

    /** subject → (wanted property's short name → lexical value or IRI), plus a "type:{class}" key per rdf:type. */
    private static Map<String, Map<String, String>> properties(Path file, Map<String, String> wanted) {
        Map<String, Map<String, String>> bySubject = new HashMap<>();
        RDFParser.source(file).parse(new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                if (!triple.getSubject().isURI()) {
                    return;
                }
                String predicate = triple.getPredicate().getURI();
                Node object = triple.getObject();
                if (predicate.equals(RDF.type.getURI()) && object.isURI()) {
                    bySubject.computeIfAbsent(triple.getSubject().getURI(), s -> new HashMap<>())
                            .put("type:" + object.getURI(), "");
                } else if (wanted.containsKey(predicate)) {
                    String value = object.isURI() ? object.getURI() : object.getLiteralLexicalForm();
                    bySubject.computeIfAbsent(triple.getSubject().getURI(), s -> new HashMap<>())
                            .putIfAbsent(wanted.get(predicate), value);
                }
            }
        });
        return bySubject;
    }
}
