package org.innograph.ingest.convert;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * European (EIS, by country) and Regional (RIS, by NUTS region) Innovation Scoreboard groups to RDF Data Cube
 * observations by area and year in the graph "scoreboards". Values that the sources derived or inferred rather than
 * read carry ig:isDerived true, so a researcher can filter them out.
 *
 * <p>Two structures, so that every observation has every measure of its structure (Data Cube IC-14): performance
 * groups (a code of ig:PerformanceGroupScheme) and summary innovation indexes (with the scale as the unit attribute,
 * sdmx-attribute:unitMeasure, a code of ig:IndexScaleScheme). A source row gives a group observation, an index
 * observation, or both; a row with neither (a rank only) gives none.
 */
final class ScoreboardConverter {
    static final String GRAPH = "scoreboards";
    static final String DSD = IG.id("dsd", "innovation-scoreboard-groups");
    static final String DSD_INDEX = IG.id("dsd", "innovation-scoreboard-index");
    static final String EIS = IG.id("dataset", "eis-country-groups");
    static final String RIS = IG.id("dataset", "ris-region-groups");
    static final String EIS_INDEX = IG.id("dataset", "eis-country-index");
    static final String RIS_INDEX = IG.id("dataset", "ris-region-index");
    /** The EIS "EU" reference row is not a country: it gets a region IRI of our own. */
    static final String EU_AGGREGATE = IG.id("region", "european-union");
    private static final Map<String, String> GROUPS = Map.of(
            "Innovation Leader", "innovationLeader", "Strong Innovator", "strongInnovator",
            "Strong Innovator +", "strongInnovatorPlus", "Strong Innovator -", "strongInnovatorMinus",
            "Moderate Innovator", "moderateInnovator", "Moderate Innovator +", "moderateInnovatorPlus",
            "Moderate Innovator -", "moderateInnovatorMinus", "Emerging Innovator", "emergingInnovator",
            "Modest Innovator", "modestInnovator");

    private ScoreboardConverter() {}

    static Model convert(CsvTable eis, CsvTable ris, CountryIndex countries, Set<String> nutsCodes, PersonNames names) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        m.setNsPrefix("sdmx-attribute", IG.SDMX_ATTR);
        structure(m, DSD, "innovation scoreboard performance groups by area and year", "performance-group", IG.p("performanceGroup"), false);
        structure(m, DSD_INDEX, "innovation scoreboard summary innovation index by area and year", "summary-innovation-index", IG.p("summaryInnovationIndex"), true);
        dataset(m, EIS, DSD, "European Innovation Scoreboard: performance groups by country",
                "EIS groups 2017, 2018, 2021, 2023, 2024 (2024 derived: 2023 groups carried forward plus the two changes the EC states) and 2025 (partial).");
        dataset(m, RIS, DSD, "Regional Innovation Scoreboard: performance groups by region (partial)",
                "RIS groups 2019-2025 for the regions found in public pages.");
        dataset(m, EIS_INDEX, DSD_INDEX, "European Innovation Scoreboard: summary innovation index by country",
                "The EIS 2023 database value indexed to EU 2016 = 100 (EU 2023 = 108.467), and for 2021 Hungary % of the EU average: the scale of each value is its sdmx-attribute:unitMeasure.");
        dataset(m, RIS_INDEX, DSD_INDEX, "Regional Innovation Scoreboard: summary innovation index by region (partial)",
                "% of the EU average or index points as reported by the cited page: the scale of each value is its sdmx-attribute:unitMeasure.");
        for (var row : eis.rows()) {
            String year = CsvTable.get(row, "year"), code = CsvTable.get(row, "country_code");
            String area = "EU".equals(code) ? EU_AGGREGATE : countries.require(code, "eis_country_groups.csv");
            observations(m, EIS, EIS_INDEX, "eis", year, code, area, "EIS " + year + " " + CsvTable.get(row, "country_name"), row, "summary_index", names);
        }
        for (var row : ris.rows()) {
            String year = CsvTable.get(row, "year"), code = CsvTable.get(row, "nuts_code");
            if (!nutsCodes.contains(code)) throw new IllegalArgumentException("ris_region_groups.csv: unknown NUTS code " + code);
            observations(m, RIS, RIS_INDEX, "ris", year, code, IG.nuts(code), "RIS " + year + " " + CsvTable.get(row, "region_name"), row, "index", names);
        }
        Resource eu = m.createResource(EU_AGGREGATE);
        eu.addProperty(RDF.type, IG.Region);
        eu.addProperty(SKOS.prefLabel, "European Union (EIS reference row)", "en");
        eu.addProperty(RDFS.label, "European Union (EIS reference row)", "en");
        new GraphDescription(GRAPH, "Innovation scoreboard groups and indexes (EIS by country, RIS by region) as RDF Data Cube observations",
                List.of("https://research-and-innovation.ec.europa.eu/statistics/performance-indicators/european-innovation-scoreboard_en",
                        "https://research-and-innovation.ec.europa.eu/statistics/performance-indicators/regional-innovation-scoreboard_en",
                        "https://github.com/DiogoRibeiro7/insights_european_innovation_scoreboard"),
                IG.CC_BY_4,
                "European Innovation Scoreboard and Regional Innovation Scoreboard (c) European Union; facts from the third-party pages cited on each observation",
                "EC content reused under Commission Decision 2011/833/EU (CC BY 4.0). Third-party news pages: only facts (groups, ranks, percentages) were taken. Observations with ig:isDerived true were derived or inferred, not read.",
                "data/sources/scoreboards/eis_country_groups.csv and ris_region_groups.csv").addTo(m);
        return m;
    }

    /** Dimensions area and period, one measure, the required attribute ig:isDerived and, for indexes, the scale. */
    private static void structure(Model m, String iri, String label, String measureSlug, Resource measure, boolean scaled) {
        Resource dsd = m.createResource(iri);
        dsd.addProperty(RDF.type, m.createResource(IG.QB + "DataStructureDefinition"));
        dsd.addProperty(RDFS.label, label, "en");
        component(m, dsd, "ref-area", "dimension", IG.refArea, 1);
        component(m, dsd, "ref-period", "dimension", IG.refPeriod, 2);
        component(m, dsd, measureSlug, "measure", measure, 0);
        component(m, dsd, "is-derived", "attribute", IG.p("isDerived"), 0)
                .addLiteral(m.createProperty(IG.QB, "componentRequired"), m.createTypedLiteral("true", XSDDatatype.XSDboolean));
        if (scaled) {
            component(m, dsd, "unit-measure", "attribute", IG.unitMeasure, 0)
                    .addLiteral(m.createProperty(IG.QB, "componentRequired"), m.createTypedLiteral("true", XSDDatatype.XSDboolean));
        }
    }

    /** Components get IRIs rather than blank nodes so that regenerated files stay comparable line by line. */
    private static Resource component(Model m, Resource dsd, String slug, String kind, Resource property, int order) {
        Resource c = m.createResource(dsd.getURI() + "/component/" + slug);
        c.addProperty(RDF.type, m.createResource(IG.QB + "ComponentSpecification"));
        c.addProperty(m.createProperty(IG.QB, kind), property);
        if (order > 0) c.addLiteral(m.createProperty(IG.QB, "order"), m.createTypedLiteral(Integer.toString(order), XSDDatatype.XSDinteger));
        dsd.addProperty(m.createProperty(IG.QB, "component"), c);
        return c;
    }

    private static void dataset(Model m, String iri, String dsd, String label, String comment) {
        Resource d = m.createResource(iri);
        d.addProperty(RDF.type, IG.qbDataSet);
        d.addProperty(RDFS.label, label, "en");
        d.addProperty(RDFS.comment, comment, "en");
        d.addProperty(m.createProperty(IG.QB, "structure"), m.createResource(dsd));
    }

    private static void observations(Model m, String groups, String indexes, String board, String year, String code, String area,
                                     String label, java.util.Map<String, String> row, String indexColumn, PersonNames names) {
        String group = CsvTable.get(row, "group");
        String index = CsvTable.get(row, indexColumn);
        String source = CsvTable.get(row, "source");
        // "(inferred)", a group taken from the country level, and DERIVED rows were not read in a source
        boolean derived = group.contains("(inferred)") || group.contains("(country-level") || source.startsWith("DERIVED");
        String groupName = group.replaceAll("\\(.*\\)", "").trim();
        if (!groupName.isEmpty()) {
            String concept = GROUPS.get(groupName);
            if (concept == null) throw new IllegalArgumentException(board + " " + year + " " + code + ": unknown performance group '" + group + "'");
            Resource o = observation(m, groups, board + "/" + year + "-" + code, area, year, derived, source, names);
            o.addProperty(RDFS.label, label, "en");
            o.addProperty(IG.p("performanceGroup"), IG.term(concept));
            Facts.text(o, IG.p("groupAsStated"), group);
        }
        if (!index.isEmpty()) {
            Resource o = observation(m, indexes, board + "-index/" + year + "-" + code, area, year, derived, source, names);
            o.addProperty(RDFS.label, label + " (summary innovation index)", "en");
            Facts.typed(o, IG.p("summaryInnovationIndex"), index, XSDDatatype.XSDdecimal);
            o.addProperty(IG.unitMeasure, scale(source, board + " " + year + " " + code));
        }
    }

    /** The scale the source states for the index value. */
    private static Resource scale(String source, String where) {
        if (source.contains("EU2016=100")) return IG.term("indexEu2016Is100");
        if (source.contains("% of EU average") || source.contains("% of the EU average")) return IG.term("percentOfEuAverage");
        if (source.contains("index points as reported")) return IG.term("indexPointsAsReported");
        throw new IllegalArgumentException(where + ": the source does not say on which scale the index is");
    }

    private static Resource observation(Model m, String dataset, String slug, String area, String year, boolean derived,
                                        String source, PersonNames names) {
        Resource o = m.createResource(IG.id("observation", slug));
        o.addProperty(RDF.type, IG.qbObservation);
        o.addProperty(IG.qbDataSetP, m.createResource(dataset));
        o.addProperty(IG.refArea, m.createResource(area));
        o.addLiteral(IG.refPeriod, m.createTypedLiteral(year, XSDDatatype.XSDgYear));
        o.addLiteral(IG.p("isDerived"), m.createTypedLiteral(Boolean.toString(derived), XSDDatatype.XSDboolean));
        Facts.sources(o, DCTerms.source, source, names);
        Facts.text(o, SKOS.note, names.clean(source));
        return o;
    }
}
