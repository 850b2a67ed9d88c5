package org.innograph.ingest.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * The INNO INDUSTRY facts (data/sources/inno-industry and data/sources/curation) to two graphs: "inno-industry" with
 * what the sources state, and "inno-industry-inferred" with the values no source states (most NUTS codes), so a
 * researcher can leave the second out.
 */
final class InnoIndustryConverter {
    static final String GRAPH = "inno-industry";
    static final String INFERRED_GRAPH = "inno-industry-inferred";

    private InnoIndustryConverter() {}

    static Map<String, Model> convert(Path sources, CountryIndex countries, Set<String> nutsCodes, PersonNames names) {
        Model stated = Prefixes.standard(ModelFactory.createDefaultModel());
        Model inferred = Prefixes.standard(ModelFactory.createDefaultModel());
        InnoContext ctx = new InnoContext(sources, stated, inferred, countries, nutsCodes, names);
        ProjectConverter.convert(ctx);
        PartnerConverter.convert(ctx);
        Map<String, String> practices = PracticeConverter.convert(ctx);
        Map<String, String> instruments = InstrumentConverter.convert(ctx);
        ActionPlanConverter.convert(ctx, practices, instruments);
        ClusterConverter.convert(ctx);
        EventConverter.convert(ctx);

        new GraphDescription(GRAPH, "INNO INDUSTRY (Interreg Europe 2019-2023): project, partners, good practices, policy instruments, action plans, clusters and events",
                List.of("https://projects2014-2020.interregeurope.eu/innoindustry/", "https://www.interregeurope.eu/policylearning/good-practices/"),
                IG.CC_BY_4,
                "InnoGraph project, compiled from public web pages; the source URL of every record is given with dct:source",
                "Facts gathered from public web pages (project news, partner sites, regional press, Interreg Europe good-practice pages); summaries are in our own words. Unknown values are absent. Conflicting budget figures are kept as separate sourced statements.",
                "data/sources/inno-industry/*.csv and data/sources/curation/*.csv").addTo(stated);

        Resource g = new GraphDescription(INFERRED_GRAPH, "INNO INDUSTRY: inferred values (not stated by any source)",
                List.of(IG.graph(GRAPH)),
                IG.CC_BY_4,
                "InnoGraph project",
                "Hypotheses added while compiling the facts, mostly NUTS codes of partners and practices marked [inferred] / researcher-inferred in the sources. Exclude this graph (FROM / FROM NAMED, or FILTER on GRAPH) to keep only stated facts.",
                "the nuts_code column of partners.csv and the nuts_inferred column of good_practices.csv").addTo(inferred);
        g.addProperty(IG.provWasDerivedFrom, inferred.createResource(IG.graph(GRAPH)));
        g.addLiteral(IG.p("containsInferredValues"), inferred.createTypedLiteral("true", XSDDatatype.XSDboolean));
        g.addProperty(SKOS.note, "Every statement in this graph is an inference, not a sourced fact.", "en");

        Map<String, Model> out = new TreeMap<>();
        out.put(GRAPH, stated);
        out.put(INFERRED_GRAPH, inferred);
        return out;
    }
}
