package org.innograph.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * A deterministic synthetic InnoGraph for tests and the evaluation: the real theme scheme, made-up countries with a
 * NUTS-like hierarchy (codes nest as prefixes, GISCO-like typologies at level 3), practices, instruments, partners
 * and action plans whose actions are inspired by practices of other countries.
 *
 * <p>Every level-2 region has a need: three themes. Its practices draw 3 in 4 of their themes from that need, and the
 * practices its plan's actions were inspired by (the planted links) are chosen among other countries' practices,
 * more likely the more need themes they share. So a good recommender can find them, but not trivially.
 */
final class GeneratedGraph {

    static final String IG = "https://w3id.org/innograph/ontology#";
    static final String ID = "https://w3id.org/innograph/id/";
    static final String NUTS = "http://data.europa.eu/nuts/code/";
    static final String COUNTRY = "http://publications.europa.eu/resource/authority/country/";
    private static final String[] INSTRUMENT_TYPES = {"ERDF regional operational programme",
        "national SME grant scheme", "regional programme (cluster policy)", "regional funding calls",
        "national state-budget grant call", "innovation voucher scheme", "unknown"};

    /** A planted learning link: the action of the plan was inspired by the practice. */
    record Link(String plan, String action, String practice) {
    }

    final Model model = ModelFactory.createDefaultModel();
    final List<Link> links = new ArrayList<>();
    private final Random random;
    private final List<Resource> themes = new ArrayList<>();

    private GeneratedGraph(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param countries           how many countries (each has 2 × 2 level-2 regions of 3 level-3 regions)
     * @param practicesPerRegion  practices per level-2 region
     */
    static GeneratedGraph generate(long seed, int countries, int practicesPerRegion) {
        GeneratedGraph graph = new GeneratedGraph(seed);
        graph.build(countries, practicesPerRegion);
        return graph;
    }

    Dataset dataset() {
        return DatasetFactory.wrap(model);
    }

    private Property ig(String local) {
        return model.createProperty(IG + local);
    }

    private void build(int countryCount, int practicesPerRegion) {
        RDFDataMgr.read(model, "ontology/themes.ttl");
        model.listSubjectsWithProperty(SKOS.inScheme, model.createResource("https://w3id.org/innograph/theme/"))
                .toList().stream().sorted((a, b) -> a.getURI().compareTo(b.getURI())).forEach(themes::add);
        Map<Resource, List<Resource>> needs = new LinkedHashMap<>();
        Map<Resource, List<Resource>> level3Of = new LinkedHashMap<>();
        Map<Resource, Resource> countryOf = new LinkedHashMap<>();
        for (int c = 0; c < countryCount; c++) {
            String code = "" + (char) ('A' + c / 26) + (char) ('A' + c % 26);
            Resource country = model.createResource(COUNTRY + "X" + code);
            Resource level0 = region(code, 0, null, country);
            for (int a = 1; a <= 2; a++) {
                Resource level1 = region(code + a, 1, level0, country);
                for (int b = 1; b <= 2; b++) {
                    Resource level2 = region(code + a + b, 2, level1, country);
                    List<Resource> level3 = new ArrayList<>();
                    for (int d = 1; d <= 3; d++) {
                        level3.add(region(code + a + b + d, 3, level2, country));
                    }
                    level3Of.put(level2, level3);
                    countryOf.put(level2, country);
                    needs.put(level2, pick(3));
                }
            }
        }
        List<Resource> practices = new ArrayList<>();
        Map<Resource, Resource> practiceCountry = new LinkedHashMap<>();
        for (Resource level2 : needs.keySet()) {
            for (int i = 0; i < practicesPerRegion; i++) {
                String slug = "generated-" + level2.getURI().substring(NUTS.length()).toLowerCase() + "-" + i;
                Resource practice = model.createResource(ID + "practice/" + slug)
                        .addProperty(RDF.type, model.createResource(IG + "GoodPractice"))
                        .addProperty(RDFS.label, "Generated practice " + slug)
                        .addProperty(ig("country"), countryOf.get(level2));
                // Stated at country level, placed more precisely most of the time (as in the shipped data).
                String countryCode = level2.getURI().substring(NUTS.length(), NUTS.length() + 2);
                practice.addProperty(DCTerms.spatial, model.createResource(NUTS + countryCode));
                double where = random.nextDouble();
                if (where < 0.6) {
                    List<Resource> level3 = level3Of.get(level2);
                    practice.addProperty(DCTerms.spatial, level3.get(random.nextInt(level3.size())));
                } else if (where < 0.85) {
                    practice.addProperty(DCTerms.spatial, level2);
                }
                int themeCount = 2 + random.nextInt(4);
                for (int t = 0; t < themeCount; t++) {
                    List<Resource> need = needs.get(level2);
                    Resource theme = random.nextDouble() < 0.75 ? need.get(random.nextInt(need.size()))
                            : popularTheme();
                    practice.addProperty(DCTerms.subject, theme);
                }
                if (random.nextDouble() < 0.6) {
                    practice.addProperty(ig("evidenceOfSuccess"), "generated evidence");
                }
                double clusters = random.nextDouble();
                if (clusters < 0.3) {
                    practice.addLiteral(ig("involvesClusters"), model.createTypedLiteral(true));
                } else if (clusters < 0.6) {
                    practice.addLiteral(ig("involvesClusters"), model.createTypedLiteral(false));
                }
                practices.add(practice);
                practiceCountry.put(practice, countryOf.get(level2));
            }
        }
        for (Resource level2 : needs.keySet()) {
            String code = level2.getURI().substring(NUTS.length()).toLowerCase();
            Resource country = countryOf.get(level2);
            Resource instrument = model.createResource(ID + "instrument/generated-" + code)
                    .addProperty(RDF.type, model.createResource(IG + "PolicyInstrument"))
                    .addProperty(RDFS.label, "Generated instrument of " + code)
                    .addProperty(ig("instrumentType"), INSTRUMENT_TYPES[random.nextInt(INSTRUMENT_TYPES.length)])
                    .addProperty(DCTerms.spatial, level2)
                    .addProperty(ig("country"), country);
            Resource partner = model.createResource(ID + "organisation/generated-" + code)
                    .addProperty(RDF.type, model.createResource(IG + "Organisation"))
                    .addProperty(DCTerms.spatial, level2)
                    .addProperty(ig("country"), country);
            Resource plan = model.createResource(ID + "action-plan/generated-" + code)
                    .addProperty(RDF.type, model.createResource(IG + "ActionPlan"))
                    .addProperty(RDFS.label, "Generated action plan of " + code)
                    .addProperty(ig("actionPlanOf"), partner)
                    .addProperty(ig("addressesInstrument"), instrument);
            int actions = 1 + random.nextInt(2);
            for (int a = 1; a <= actions; a++) {
                Resource model = inspiration(needs.get(level2), country, practices, practiceCountry);
                Resource action = this.model.createResource(ID + "action/generated-" + code + "-" + a)
                        .addProperty(RDF.type, this.model.createResource(IG + "Action"))
                        .addProperty(ig("inspiredBy"), model);
                plan.addProperty(ig("hasAction"), action);
                links.add(new Link(plan.getURI(), action.getURI(), model.getURI()));
            }
        }
    }

    private Resource region(String code, int level, Resource parent, Resource country) {
        Resource region = model.createResource(NUTS + code)
                .addProperty(RDF.type, model.createResource(IG + "Region"))
                .addProperty(SKOS.prefLabel, "Generated region " + code)
                .addProperty(ig("country"), country)
                .addLiteral(ig("nutsLevel"), integer(level));
        if (parent != null) {
            region.addProperty(SKOS.broader, parent);
        }
        int coastal = level == 3 ? 1 + random.nextInt(3) : 0;
        int mountain = level == 3 ? 1 + random.nextInt(4) : 0;
        region.addLiteral(ig("coastalType"), integer(coastal));
        region.addLiteral(ig("mountainType"), integer(mountain));
        if (level == 3) {
            region.addLiteral(ig("urbanType"),
                    integer(1 + random.nextInt(3)));
        }
        return region;
    }

    private Literal integer(int value) {
        return model.createTypedLiteral(Integer.toString(value), XSDDatatype.XSDinteger);
    }

    /** Themes are not equally common: a skewed draw makes IDF matter. */
    private Resource popularTheme() {
        int index = (int) Math.floor(themes.size() * Math.pow(random.nextDouble(), 2));
        return themes.get(index);
    }

    private List<Resource> pick(int count) {
        List<Resource> picked = new ArrayList<>();
        while (picked.size() < count) {
            Resource theme = themes.get(random.nextInt(themes.size()));
            if (!picked.contains(theme)) {
                picked.add(theme);
            }
        }
        return picked;
    }

    /**
     * A practice of another country, drawn with weight (need themes it shares)³: partners seek what they lack.
     * Rejection sampling keeps this cheap on large graphs: draw uniformly, accept with probability weight / 27.
     */
    private Resource inspiration(List<Resource> need, Resource country, List<Resource> practices,
            Map<Resource, Resource> practiceCountry) {
        while (true) {
            Resource practice = practices.get(random.nextInt(practices.size()));
            if (practiceCountry.get(practice).equals(country)) {
                continue;
            }
            int shared = 0;
            for (Resource theme : need) {
                if (practice.hasProperty(DCTerms.subject, theme)) {
                    shared++;
                }
            }
            if (random.nextInt(27) < shared * shared * shared) {
                return practice;
            }
        }
    }
}
