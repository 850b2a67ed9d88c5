package org.innograph.ingest.convert;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * All EuroVoc concepts of the 2021-06-04 release (about 7,300: small enough to carry whole, so every broader chain
 * of a theme mapping resolves) and the microthesauri they belong to, to the graph "eurovoc".
 */
final class EuroVocConverter {
    static final String GRAPH = "eurovoc";

    private EuroVocConverter() {}

    static Model convert(CsvTable concepts, CsvTable microthesauri) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        // concepts name their microthesauri by notation (e.g. "2426"), the schemes have numeric ids (100202)
        java.util.Map<String, String> schemeByNotation = new java.util.TreeMap<>();
        for (var row : microthesauri.rows()) {
            schemeByNotation.put(CsvTable.get(row, "notation"), CsvTable.get(row, "uri"));
            Resource s = m.createResource(CsvTable.get(row, "uri"));
            s.addProperty(RDF.type, SKOS.ConceptScheme);
            Facts.code(s, SKOS.notation, CsvTable.get(row, "notation"));
            Facts.text(s, SKOS.prefLabel, CsvTable.get(row, "label_en"), "en");
            Facts.text(s, SKOS.prefLabel, CsvTable.get(row, "label_fr"), "fr");
        }
        for (var row : concepts.rows()) {
            Resource c = m.createResource(CsvTable.get(row, "uri"));
            c.addProperty(RDF.type, SKOS.Concept);
            Facts.code(c, SKOS.notation, CsvTable.get(row, "id"));
            Facts.text(c, SKOS.prefLabel, CsvTable.get(row, "pref_label_en"), "en");
            Facts.text(c, SKOS.prefLabel, CsvTable.get(row, "pref_label_fr"), "fr");
            for (String alt : split(CsvTable.get(row, "alt_labels_en"))) c.addProperty(SKOS.altLabel, alt, "en");
            for (String b : split(CsvTable.get(row, "broader_ids"))) c.addProperty(SKOS.broader, m.createResource(IG.EUROVOC + b));
            for (String s : split(CsvTable.get(row, "microthesauri"))) {
                String scheme = schemeByNotation.get(s);
                if (scheme == null) throw new IllegalArgumentException("EuroVoc concept " + row.get("id") + " names unknown microthesaurus " + s);
                c.addProperty(SKOS.inScheme, m.createResource(scheme));
            }
        }
        new GraphDescription(GRAPH, "EuroVoc concepts and microthesauri (release 2021-06-04, en/fr labels)",
                List.of("http://publications.europa.eu/resource/dataset/eurovoc", "https://github.com/benoitdavidfr/eurovoc"),
                IG.CC_BY_4,
                "EuroVoc (c) European Union, Publications Office",
                "Reuse under the Commission reuse policy (Decision 2011/833/EU); EU Vocabularies content is CC BY 4.0. Converted from eurovoc.yaml of github.com/benoitdavidfr/eurovoc (commit 33b3771f, 2021-07-26), itself from the OP file eurovoc_in_skos_core_concepts.zip of 2021-06-04.",
                "data/sources/eu/eurovoc_concepts.csv and data/sources/eu/eurovoc_microthesauri.csv").addTo(m);
        return m;
    }

    private static List<String> split(String cell) {
        if (cell.isBlank()) return List.of();
        return java.util.Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
