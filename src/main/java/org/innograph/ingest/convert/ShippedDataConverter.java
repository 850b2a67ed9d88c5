package org.innograph.ingest.convert;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sys.JenaSystem;
import org.innograph.vocabulary.IG;

/**
 * Regenerates every generated RDF file of data/ from the source files under data/sources: one Turtle file per named
 * graph, data/{source}.ttl for graph https://w3id.org/innograph/graph/{source}. Deterministic (sorted output, no
 * blank nodes), so a correction to a CSV shows up as a small diff of the Turtle.
 */
public final class ShippedDataConverter {
    private ShippedDataConverter() {}

    public static void main(String[] args) {
        JenaSystem.init();
        Path sources = Path.of(args.length > 0 ? args[0] : "data/sources");
        Path out = Path.of(args.length > 1 ? args[1] : "data");
        convert(sources, out).forEach((graph, size) -> System.out.printf("%-24s %8d triples%n", graph, size));
    }

    /** Writes every generated graph to out/{source}.ttl; returns source name to triple count. */
    public static SortedMap<String, Long> convert(Path sources, Path out) {
        SortedMap<String, Long> sizes = new TreeMap<>();
        generate(sources).forEach((graph, model) -> {
            SortedTurtleWriter.write(model, out.resolve(graph + ".ttl"));
            sizes.put(graph, model.size());
        });
        return sizes;
    }

    /** The generated graphs in memory, by source name. */
    public static SortedMap<String, Model> generate(Path sources) {
        JenaSystem.init();
        Path eu = sources.resolve("eu");
        CsvTable nuts2021 = CsvTable.read(eu.resolve("nuts2021.csv"));
        CsvTable nuts2024 = CsvTable.read(eu.resolve("nuts2024.csv"));
        CsvTable countryTable = CsvTable.read(eu.resolve("countries.csv"));
        CountryIndex countries = new CountryIndex(countryTable);
        Set<String> nutsCodes = new TreeSet<>(NutsConverter.codes(nuts2021));
        nutsCodes.addAll(NutsConverter.codes(nuts2024));
        PersonNames names = new PersonNames(sources.resolve("curation/person_names.sha256"));

        SortedMap<String, Model> graphs = new TreeMap<>();
        graphs.put(CountryConverter.GRAPH, CountryConverter.convert(countryTable));
        graphs.put(NutsConverter.GRAPH_2021, NutsConverter.convert2021(nuts2021, nuts2024, countries));
        graphs.put(NutsConverter.GRAPH_2024, NutsConverter.convert2024(nuts2024, CsvTable.read(eu.resolve("nuts_2021_2024_code_diff.csv")), countries));
        graphs.put(EuroVocConverter.GRAPH, EuroVocConverter.convert(CsvTable.read(eu.resolve("eurovoc_concepts.csv")),
                CsvTable.read(eu.resolve("eurovoc_microthesauri.csv"))));
        Path boards = sources.resolve("scoreboards");
        graphs.put(ScoreboardConverter.GRAPH, ScoreboardConverter.convert(CsvTable.read(boards.resolve("eis_country_groups.csv")),
                CsvTable.read(boards.resolve("ris_region_groups.csv")), countries, nutsCodes, names));
        graphs.putAll(InnoIndustryConverter.convert(sources, countries, nutsCodes, names));
        graphs.put(ContextPracticeConverter.GRAPH, ContextPracticeConverter.convert(sources, countries, nutsCodes, names));

        // the triple count includes the void:triples statement itself
        for (Map.Entry<String, Model> e : graphs.entrySet()) {
            Model m = e.getValue();
            m.createResource(IG.graph(e.getKey())).addLiteral(IG.voidTriples,
                    m.createTypedLiteral(Long.toString(m.size() + 1), XSDDatatype.XSDinteger));
        }
        if (!names.dropped().isEmpty()) {
            System.err.println("Left out because they contain a person's name (persons are not modelled):");
            names.dropped().forEach(v -> System.err.println("  " + v));
        }
        return graphs;
    }
}
