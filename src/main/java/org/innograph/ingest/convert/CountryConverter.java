package org.innograph.ingest.convert;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/** eu/countries.csv (EU Vocabularies country table, eForms SDK 1.15.1) to the graph "countries". */
final class CountryConverter {
    static final String GRAPH = "countries";

    private CountryConverter() {}

    static Model convert(CsvTable countries) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        for (var row : countries.rows()) {
            Resource c = m.createResource(CsvTable.get(row, "uri"));
            c.addProperty(RDF.type, IG.Country).addProperty(RDF.type, SKOS.Concept);
            Facts.code(c, SKOS.notation, CsvTable.get(row, "op_code"));
            Facts.text(c, SKOS.prefLabel, CsvTable.get(row, "name_en"), "en");
            Facts.text(c, SKOS.prefLabel, CsvTable.get(row, "name_fr"), "fr");
            Facts.text(c, SKOS.prefLabel, CsvTable.get(row, "name_de"), "de");
            Facts.code(c, IG.p("isoAlpha2"), CsvTable.get(row, "iso_alpha2"));
            Facts.code(c, IG.p("isoAlpha3"), CsvTable.get(row, "iso_alpha3"));
            Facts.code(c, IG.p("isoNumeric"), CsvTable.get(row, "iso_numeric"));
            String nuts = CsvTable.get(row, "nuts_country_code");
            Facts.code(c, IG.p("nutsCountryCode"), nuts);
            c.addLiteral(IG.p("euMember"), m.createTypedLiteral(yes(row.get("eu_member")), XSDDatatype.XSDboolean));
            c.addLiteral(IG.p("eeaMember"), m.createTypedLiteral(yes(row.get("eea_member")), XSDDatatype.XSDboolean));
            boolean hasNutsUnit = yes(row.get("in_nuts2021_gisco")) || yes(row.get("in_nuts2024"));
            if (!nuts.isEmpty() && hasNutsUnit) c.addProperty(IG.p("nutsUnit"), m.createResource(IG.nuts(nuts)));
        }
        new GraphDescription(GRAPH, "EU countries (EU Vocabularies country authority table)",
                List.of("http://publications.europa.eu/resource/dataset/country",
                        "https://repo1.maven.org/maven2/eu/europa/ted/eforms/eforms-sdk/1.15.1/"),
                IG.CC_BY_4,
                "Country authority table (c) European Union, Publications Office (EU Vocabularies), CC BY 4.0",
                "ISO alpha-2 and numeric codes joined from Debian iso-codes 4.15.0-1 (code facts only). EU and EEA membership from the eForms SDK subset lists.",
                "data/sources/eu/countries.csv").addTo(m);
        return m;
    }

    private static boolean yes(String v) {
        return v != null && v.trim().equalsIgnoreCase("yes");
    }
}
