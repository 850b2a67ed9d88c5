package org.innograph.ingest.convert;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * NUTS 2021 (GISCO) and NUTS 2024 (EU Vocabularies authority table) to the graphs "nuts-2021" and "nuts-2024".
 * Units keep their official IRIs; membership of a version is skos:inScheme of that version's scheme.
 *
 * <p>Both versions share the code IRIs, and the union of the graphs is what users query, so names must not clash
 * there (SKOS: one prefLabel per language per concept). Each version's own names live on a version-specific name
 * resource (ig:NutsName, {@code id/nuts-name/{version}/{code}}, linked by ig:versionName); the code IRI carries as
 * skos:prefLabel and ig:nationalName the names of the latest version that has the code. A version graph states them
 * only when they are that latest name, so the 2021 graph leaves them out for the few codes renamed in 2024.
 */
final class NutsConverter {
    static final String GRAPH_2021 = "nuts-2021";
    static final String GRAPH_2024 = "nuts-2024";

    /**
     * The language of a country's NUTS names where it uses one language for them; elsewhere (BE, CH, CY, ES, FI, IE,
     * IT, LU, MT, ...) names mix languages and are tagged "mul" (multiple languages) rather than with a guess.
     */
    private static final Map<String, String> SINGLE_LANGUAGE = Map.ofEntries(
            Map.entry("AT", "de"), Map.entry("BG", "bg"), Map.entry("CZ", "cs"), Map.entry("DE", "de"),
            Map.entry("DK", "da"), Map.entry("EE", "et"), Map.entry("EL", "el"), Map.entry("FR", "fr"),
            Map.entry("HR", "hr"), Map.entry("HU", "hu"), Map.entry("LT", "lt"), Map.entry("LV", "lv"),
            Map.entry("NL", "nl"), Map.entry("PL", "pl"), Map.entry("PT", "pt"), Map.entry("RO", "ro"),
            Map.entry("SE", "sv"), Map.entry("SI", "sl"), Map.entry("SK", "sk"), Map.entry("LI", "de"),
            Map.entry("IS", "is"), Map.entry("TR", "tr"), Map.entry("AL", "sq"), Map.entry("MK", "mk"),
            Map.entry("UK", "en"));

    private NutsConverter() {}

    static String scheme(String version) { return IG.NUTS_SCHEME + version; }

    static Set<String> codes(CsvTable nuts) {
        Set<String> codes = new TreeSet<>();
        nuts.rows().forEach(r -> codes.add(CsvTable.get(r, "code")));
        return codes;
    }

    static Model convert2021(CsvTable nuts, CsvTable later, CountryIndex countries) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        versionScheme(m, "2021", "NUTS 2021");
        Map<String, Map<String, String>> latest = byCode(later);
        for (var row : nuts.rows()) {
            Resource unit = unit(m, row, "2021", countries, latest.get(CsvTable.get(row, "code")));
            integer(unit, "mountainType", CsvTable.get(row, "mount_type"));
            integer(unit, "urbanType", CsvTable.get(row, "urbn_type"));
            integer(unit, "coastalType", CsvTable.get(row, "coast_type"));
            String lon = CsvTable.get(row, "label_lon"), lat = CsvTable.get(row, "label_lat");
            if (!lon.isEmpty() && !lat.isEmpty()) {
                Resource point = m.createResource(IG.id("geometry", "nuts-2021-label-point/" + CsvTable.get(row, "code")));
                point.addProperty(RDF.type, IG.geoGeometry);
                point.addLiteral(IG.geoAsWKT, m.createTypedLiteral("POINT(" + lon + " " + lat + ")", IG.GEO + "wktLiteral"));
                unit.addProperty(IG.p("labelPoint"), point);
            }
        }
        new GraphDescription(GRAPH_2021, "NUTS 2021 statistical regions (Eurostat GISCO, 1:60M)",
                List.of("https://ec.europa.eu/eurostat/web/gisco/geodata",
                        "https://github.com/BIAKuustom/NUTSMaps/tree/ba432545b5420274d63ca16ce3e70d8bfef5aa69"),
                "https://ec.europa.eu/eurostat/about-us/policies/copyright",
                "© EuroGeographics for the administrative boundaries",
                "Eurostat/GISCO NUTS_RG_60M_2021_4326 and NUTS_LB_2021_4326. GISCO asks to contact EuroGeographics before commercial use. The GISCO file also holds EFTA, candidate-country and UK regions; the NUTS 2021 Regulation covers the EU-27 only.",
                "data/sources/eu/nuts2021.csv").addTo(m);
        return m;
    }

    static Model convert2024(CsvTable nuts, CsvTable diff, CountryIndex countries) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        versionScheme(m, "2024", "NUTS 2024");
        for (var row : nuts.rows()) {
            Resource unit = unit(m, row, "2024", countries, null);
            if ("yes".equals(CsvTable.get(row, "extra_regio"))) {
                unit.addLiteral(IG.p("extraRegio"), m.createTypedLiteral("true", XSDDatatype.XSDboolean));
            }
        }
        for (var row : diff.rows()) {
            String code = CsvTable.get(row, "code");
            boolean in2021 = "yes".equals(CsvTable.get(row, "in_nuts2021_gisco"));
            Resource change = m.createResource(IG.id("nuts-change", "2021-2024/" + code));
            change.addProperty(RDF.type, IG.NutsCodeChange);
            change.addProperty(RDFS.label, "NUTS code " + code + (in2021 ? " only in NUTS 2021" : " only in NUTS 2024"), "en");
            change.addProperty(IG.p("nutsCode"), m.createResource(IG.nuts(code)));
            change.addProperty(IG.p("changeType"), in2021 ? IG.codeRemoved : IG.codeAdded);
            change.addProperty(IG.p("fromVersion"), m.createResource(scheme("2021")));
            change.addProperty(IG.p("toVersion"), m.createResource(scheme("2024")));
        }
        new GraphDescription(GRAPH_2024, "NUTS 2024 statistical regions (EU Vocabularies NUTS authority table) and the 2021-2024 code changes",
                List.of("http://publications.europa.eu/resource/dataset/nuts",
                        "https://repo1.maven.org/maven2/eu/europa/ted/eforms/eforms-sdk/1.15.1/",
                        "https://github.com/asadshahzada/PCD-Project-App/tree/5a39ae8d79c56e1c264e8275bd374dfb0e1f15f9"),
                IG.CC_BY_4,
                "NUTS authority table (c) European Union (EU Vocabularies, eForms SDK 1.15.1, CC BY 4.0); Latin names: © EuroGeographics for the administrative boundaries",
                "Latin names joined from GISCO NUTS_RG_60M_2024_4326 (absent for Extra-Regio, BA and UA). Code changes are the set difference of the codes of the two versions; successors are not recorded by the source.",
                "data/sources/eu/nuts2024.csv and data/sources/eu/nuts_2021_2024_code_diff.csv").addTo(m);
        return m;
    }

    private static void versionScheme(Model m, String version, String label) {
        Resource s = m.createResource(scheme(version));
        s.addProperty(RDF.type, SKOS.ConceptScheme);
        s.addProperty(SKOS.prefLabel, label, "en");
        s.addProperty(RDFS.label, label, "en");
        s.addProperty(SKOS.notation, version);
    }

    private static Map<String, Map<String, String>> byCode(CsvTable nuts) {
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        nuts.rows().forEach(r -> out.put(CsvTable.get(r, "code"), r));
        return out;
    }

    /** The names of a row, language-tagged: the Latin-script name and the national name. */
    private record Names(String latin, String latinLang, String national, String nationalLang) {
        static Names of(Map<String, String> row) {
            String country = CsvTable.get(row, "country");
            String latin = CsvTable.get(row, "name_latn");
            String national = CsvTable.get(row, "name_national");
            // Extra-Regio names are English technical names; countries naming units in several languages get "mul"
            String lang = "yes".equals(CsvTable.get(row, "extra_regio")) ? "en" : SINGLE_LANGUAGE.getOrDefault(country, "mul");
            if (latin.isEmpty()) latin = national;
            // a Latin transcription of a name written in another script (Greek, Cyrillic) is tagged as such
            String latinLang = latin.equals(national) ? lang : lang + "-Latn";
            return new Names(latin, latinLang, national, lang);
        }
    }

    /** {@code latest}: the row of the same code in the later version, or null when this is the latest version with it. */
    private static Resource unit(Model m, Map<String, String> row, String version, CountryIndex countries, Map<String, String> latest) {
        String code = CsvTable.get(row, "code");
        String country = CsvTable.get(row, "country");
        Resource u = m.createResource(IG.nuts(code));
        u.addProperty(RDF.type, IG.Region).addProperty(RDF.type, SKOS.Concept);
        u.addProperty(SKOS.inScheme, m.createResource(scheme(version)));
        u.addProperty(SKOS.notation, code);
        Names names = Names.of(row);
        Resource name = m.createResource(IG.id("nuts-name", version + "/" + code));
        name.addProperty(RDF.type, IG.NutsName);
        name.addProperty(IG.p("nutsVersion"), m.createResource(scheme(version)));
        name.addProperty(RDFS.label, names.latin(), names.latinLang());
        if (!names.national().isEmpty()) name.addProperty(IG.p("nationalName"), names.national(), names.nationalLang());
        u.addProperty(IG.p("versionName"), name);
        Names current = latest == null ? names : Names.of(latest);
        if (current.latin().equals(names.latin()) && current.latinLang().equals(names.latinLang())) {
            u.addProperty(SKOS.prefLabel, names.latin(), names.latinLang());
        }
        if (!names.national().isEmpty() && current.national().equals(names.national())) {
            u.addProperty(IG.p("nationalName"), names.national(), names.nationalLang());
        }
        u.addLiteral(IG.p("nutsLevel"), m.createTypedLiteral(CsvTable.get(row, "level"), XSDDatatype.XSDinteger));
        String parent = CsvTable.get(row, "parent");
        if (!parent.isEmpty()) u.addProperty(SKOS.broader, m.createResource(IG.nuts(parent)));
        else u.addProperty(SKOS.topConceptOf, m.createResource(scheme(version)));
        countries.iri(country).ifPresent(c -> u.addProperty(IG.p("country"), m.createResource(c)));
        return u;
    }

    private static void integer(Resource r, String property, String value) {
        if (!value.isEmpty()) r.addLiteral(IG.p(property), r.getModel().createTypedLiteral(value, XSDDatatype.XSDinteger));
    }
}
