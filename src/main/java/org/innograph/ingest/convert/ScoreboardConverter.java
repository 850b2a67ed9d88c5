package org.innograph.ingest.convert;

import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * European (EIS, by country) and Regional (RIS, by NUTS region) Innovation Scoreboard groups to RDF Data Cube
 * observations by area and year in the graph "scoreboards". Values that the sources derived or inferred rather than
 * read carry ig:isDerived true, so a researcher can filter them out.
 */
final class ScoreboardConverter {
    static final String GRAPH = "scoreboards";
    static final String DSD = IG.id("dsd", "innovation-scoreboard-groups");
    static final String EIS = IG.id("dataset", "eis-country-groups");
    static final String RIS = IG.id("dataset", "ris-region-groups");
    /** The EIS "EU" reference row is not a country: it gets a region IRI of our own. */
    static final String EU_AGGREGATE = IG.id("region", "european-union");

    private ScoreboardConverter() {}

    static Model convert(CsvTable eis, CsvTable ris, CountryIndex countries, Set<String> nutsCodes, PersonNames names) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        structure(m);
        dataset(m, EIS, "European Innovation Scoreboard: performance groups by country",
                "EIS groups 2017, 2018, 2021, 2023, 2024 (2024 derived: 2023 groups carried forward plus the two changes the EC states) and 2025 (partial). ig:summaryInnovationIndex for 2023 is the EIS 2023 database value indexed to EU 2016 = 100 (EU 2023 = 108.467); for 2021 Hungary it is % of the EU average.");
        dataset(m, RIS, "Regional Innovation Scoreboard: performance groups by region (partial)",
                "RIS groups, ranks and indexes 2019-2025 for the regions found in public pages; ig:summaryInnovationIndex is % of the EU average or points as reported by the cited page.");
        for (var row : eis.rows()) {
            String year = CsvTable.get(row, "year"), code = CsvTable.get(row, "country_code");
            String area = "EU".equals(code) ? EU_AGGREGATE : countries.require(code, "eis_country_groups.csv");
            Resource o = observation(m, EIS, "eis/" + year + "-" + code, area, year, row, "summary_index", names);
            o.addProperty(RDFS.label, "EIS " + year + " " + CsvTable.get(row, "country_name"), "en");
        }
        for (var row : ris.rows()) {
            String year = CsvTable.get(row, "year"), code = CsvTable.get(row, "nuts_code");
            if (!nutsCodes.contains(code)) throw new IllegalArgumentException("ris_region_groups.csv: unknown NUTS code " + code);
            Resource o = observation(m, RIS, "ris/" + year + "-" + code, IG.nuts(code), year, row, "index", names);
            o.addProperty(RDFS.label, "RIS " + year + " " + CsvTable.get(row, "region_name"), "en");
        }
        Resource eu = m.createResource(EU_AGGREGATE);
        eu.addProperty(RDF.type, IG.Region);
        eu.addProperty(SKOS.prefLabel, "European Union (EIS reference row)", "en");
        eu.addProperty(RDFS.label, "European Union (EIS reference row)", "en");
        new GraphDescription(GRAPH, "Innovation scoreboard groups (EIS by country, RIS by region) as RDF Data Cube observations",
                List.of("https://research-and-innovation.ec.europa.eu/statistics/performance-indicators/european-innovation-scoreboard_en",
                        "https://research-and-innovation.ec.europa.eu/statistics/performance-indicators/regional-innovation-scoreboard_en",
                        "https://github.com/DiogoRibeiro7/insights_european_innovation_scoreboard"),
                IG.CC_BY_4,
                "European Innovation Scoreboard and Regional Innovation Scoreboard (c) European Union; facts from the third-party pages cited on each observation",
                "EC content reused under Commission Decision 2011/833/EU (CC BY 4.0). Third-party news pages: only facts (groups, ranks, percentages) were taken. Observations with ig:isDerived true were derived or inferred, not read.",
                "data/sources/scoreboards/eis_country_groups.csv and ris_region_groups.csv").addTo(m);
        return m;
    }

    private static void structure(Model m) {
        Resource dsd = m.createResource(DSD);
        dsd.addProperty(RDF.type, m.createResource(IG.QB + "DataStructureDefinition"));
        dsd.addProperty(RDFS.label, "innovation scoreboard groups by area and year", "en");
        component(m, dsd, "ref-area", "dimension", m.createResource(IG.SDMX_DIM + "refArea"));
        component(m, dsd, "ref-period", "dimension", m.createResource(IG.SDMX_DIM + "refPeriod"));
        component(m, dsd, "performance-group", "measure", IG.p("performanceGroup"));
        component(m, dsd, "summary-innovation-index", "measure", IG.p("summaryInnovationIndex"));
        component(m, dsd, "is-derived", "attribute", IG.p("isDerived"));
    }

    /** Components get IRIs rather than blank nodes so that regenerated files stay comparable line by line. */
    private static void component(Model m, Resource dsd, String slug, String kind, Resource property) {
        Resource c = m.createResource(DSD + "/component/" + slug);
        c.addProperty(RDF.type, m.createResource(IG.QB + "ComponentSpecification"));
        c.addProperty(m.createProperty(IG.QB, kind), property);
        dsd.addProperty(m.createProperty(IG.QB, "component"), c);
    }

    private static void dataset(Model m, String iri, String label, String comment) {
        Resource d = m.createResource(iri);
        d.addProperty(RDF.type, IG.qbDataSet);
        d.addProperty(RDFS.label, label, "en");
        d.addProperty(RDFS.comment, comment, "en");
        d.addProperty(m.createProperty(IG.QB, "structure"), m.createResource(DSD));
    }

    private static Resource observation(Model m, String dataset, String slug, String area, String year,
                                        java.util.Map<String, String> row, String indexColumn, PersonNames names) {
        Resource o = m.createResource(IG.id("observation", slug));
        o.addProperty(RDF.type, IG.qbObservation);
        o.addProperty(IG.qbDataSetP, m.createResource(dataset));
        o.addProperty(IG.refArea, m.createResource(area));
        o.addLiteral(IG.refPeriod, m.createTypedLiteral(year, XSDDatatype.XSDgYear));
        String group = CsvTable.get(row, "group");
        String source = CsvTable.get(row, "source");
        boolean derived = group.contains("(inferred)") || source.startsWith("DERIVED");
        Facts.text(o, IG.p("performanceGroup"), group.replace("(inferred)", "").trim());
        Facts.typed(o, IG.p("summaryInnovationIndex"), CsvTable.get(row, indexColumn), XSDDatatype.XSDdecimal);
        o.addLiteral(IG.p("isDerived"), m.createTypedLiteral(Boolean.toString(derived), XSDDatatype.XSDboolean));
        Facts.sources(o, DCTerms.source, source, names);
        Facts.text(o, SKOS.note, names.clean(source));
        return o;
    }
}
