package org.innograph.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.innograph.vocabulary.IG;

/**
 * A Eurostat table in SDMX-CSV ({@code DATAFLOW, LAST UPDATE, freq, unit, geo, TIME_PERIOD, OBS_VALUE, OBS_FLAG}
 * and the dataset's own dimension columns) as RDF Data Cube observations whose reference area is the NUTS IRI of
 * {@code geo}. Only annual data fits the observation shape (reference period {@code xsd:gYear}).
 *
 * <p>A {@code geo} code that is not a region of the graph is never dropped silently: by default the whole table
 * is refused (422) with every such code and its rows listed; asked to skip them, the rows are left out and the
 * codes are listed in the outcome and in the batch's provenance.
 */
public final class EurostatTable {

    static final String QB = "http://purl.org/linked-data/cube#";
    static final String DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#";
    static final String MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#";
    static final String ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#";
    private static final String NUTS = IG.NUTS;
    private static final String DATASET = IG.ID + "dataset/eurostat/";
    private static final String OBSERVATION = IG.ID + "observation/eurostat/";
    /** Properties for a table's own dimension columns (sectperf, nace_r2, …), one per column name. */
    public static final String DIMENSION_PROPERTY = IG.ID + "eurostat-dimension/";
    private static final String ESTAT = "http://publications.europa.eu/resource/authority/corporate-body/ESTAT";
    private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";
    private static final List<String> REQUIRED = List.of("DATAFLOW", "LAST UPDATE", "freq", "geo", "TIME_PERIOD",
            "OBS_VALUE");
    private static final Set<String> NOT_DIMENSIONS = Set.of("DATAFLOW", "LAST UPDATE", "freq", "geo",
            "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG", "CONF_STATUS", "unit");
    private static final Pattern DATAFLOW = Pattern.compile("([A-Z0-9_]+):([A-Za-z0-9_]+)\\(([^)]*)\\)");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern NUTS_CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}");

    /** The observations, and what the curator should know although nothing was wrong. */
    public record Conversion(Graph graph, int observations, List<String> notes) {
    }

    public Conversion convert(byte[] content, ReferenceData reference, boolean skipUnknownRegions) {
        CsvRows csv = CsvRows.read(content);
        List<ImportProblem> problems = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!csv.header().contains(column)) {
                problems.add(ImportProblem.inCell(1, column, null, "SDMX-CSV column " + column + " is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw ImportRejectedException.invalid("The header is not Eurostat's SDMX-CSV", problems);
        }
        List<String> dimensions = csv.header().stream().filter(column -> !NOT_DIMENSIONS.contains(column)).toList();
        Map<String, List<Long>> rowsOfGeo = new LinkedHashMap<>();
        for (CsvRows.Row row : csv.rows()) {
            rowsOfGeo.computeIfAbsent(row.get("geo"), code -> new ArrayList<>()).add(row.number());
        }
        // Aggregates such as EU27_2020 are no NUTS code at all; they are unknown regions like any other.
        Set<String> known = reference.existingRegions(rowsOfGeo.keySet().stream()
                .filter(code -> NUTS_CODE.matcher(code).matches()).map(code -> NUTS + code).toList());
        Map<String, List<Long>> unknown = new TreeMap<>();
        rowsOfGeo.forEach((code, rows) -> {
            if (!known.contains(NUTS + code)) {
                unknown.put(code, rows);
            }
        });
        if (!skipUnknownRegions) {
            unknown.forEach((code, rows) -> problems.add(ImportProblem.inCell(rows.get(0), "geo", code,
                    "not a NUTS 2021 or 2024 region of the graph (rows " + rowList(rows) + "); leave these rows out, "
                            + "or import with unknown regions skipped")));
        }

        Model model = ModelFactory.createDefaultModel();
        Map<String, Resource> datasets = new TreeMap<>();
        int observations = 0;
        int withoutValue = 0;
        for (CsvRows.Row row : csv.rows()) {
            String geo = row.get("geo");
            if (unknown.containsKey(geo)) {
                continue;
            }
            Matcher flow = DATAFLOW.matcher(row.get("DATAFLOW"));
            if (!flow.matches()) {
                problems.add(ImportProblem.inCell(row.number(), "DATAFLOW", row.get("DATAFLOW"),
                        "expected AGENCY:DATASET(VERSION), e.g. ESTAT:NAMA_10R_2GDP(1.0)"));
                continue;
            }
            if (!row.get("freq").equals("A")) {
                problems.add(ImportProblem.inCell(row.number(), "freq", row.get("freq"),
                        "only annual data (freq A) can be imported: observations are by year"));
                continue;
            }
            String year = row.get("TIME_PERIOD");
            if (!year.matches("\\d{4}")) {
                problems.add(ImportProblem.inCell(row.number(), "TIME_PERIOD", year, "expected a year, e.g. 2021"));
                continue;
            }
            String value = row.get("OBS_VALUE");
            if (value.isEmpty()) {
                withoutValue++;
                continue;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                problems.add(ImportProblem.inCell(row.number(), "OBS_VALUE", value, "not a number"));
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String dimension : dimensions) {
                String code = row.get(dimension);
                if (!CODE.matcher(code).matches()) {
                    problems.add(ImportProblem.inCell(row.number(), dimension, code, "not a Eurostat code"));
                }
                key.add(code);
            }
            String unit = row.get("unit");
            if (!unit.isEmpty() && !CODE.matcher(unit).matches()) {
                problems.add(ImportProblem.inCell(row.number(), "unit", unit, "not a Eurostat code"));
            }
            String code = flow.group(2).toLowerCase(Locale.ROOT);
            Resource dataset = datasets.computeIfAbsent(code, c -> dataset(model, c, flow.group(2), row));
            StringBuilder id = new StringBuilder(OBSERVATION).append(code).append('/');
            if (!unit.isEmpty()) {
                id.append(unit).append('/');
            }
            key.forEach(part -> id.append(part).append('/'));
            id.append(geo).append('/').append(year);
            Resource observation = model.createResource(id.toString());
            observation.addProperty(RDF.type, model.createResource(QB + "Observation"));
            observation.addProperty(property(QB, "dataSet"), dataset);
            observation.addProperty(property(DIMENSION, "refArea"), model.createResource(NUTS + geo));
            observation.addLiteral(property(DIMENSION, "refPeriod"), model.createTypedLiteral(year, XSDDatatype.XSDgYear));
            observation.addLiteral(property(MEASURE, "obsValue"),
                    model.createTypedLiteral(number.toPlainString(), XSDDatatype.XSDdecimal));
            if (!unit.isEmpty()) {
                observation.addProperty(property(ATTRIBUTE, "unitMeasure"), unit);
            }
            if (!row.get("OBS_FLAG").isEmpty()) {
                observation.addProperty(property(ATTRIBUTE, "obsStatus"), row.get("OBS_FLAG"));
            }
            for (int i = 0; i < dimensions.size(); i++) {
                observation.addProperty(property(DIMENSION_PROPERTY, dimensions.get(i)), key.get(i));
            }
            observation.addLiteral(property(IG.NS, "isDerived"), model.createTypedLiteral(false));
            observation.addProperty(DCTerms.source, model.createResource(page(flow.group(2))));
            observations++;
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(ImportProblem::row));
            throw ImportRejectedException.invalid(problems.size() + " problems in the Eurostat table", problems);
        }
        List<String> notes = new ArrayList<>();
        if (!unknown.isEmpty()) {
            notes.add("Skipped " + unknown.values().stream().mapToInt(List::size).sum() + " rows whose geo code is "
                    + "not a NUTS region of the graph: " + String.join(", ", unknown.keySet()));
        }
        if (withoutValue > 0) {
            notes.add(withoutValue + " rows have no OBS_VALUE (not available in Eurostat's table) and give no "
                    + "observation");
        }
        return new Conversion(model.getGraph(), observations, notes);
    }

    private static Resource dataset(Model model, String code, String name, CsvRows.Row row) {
        Resource dataset = model.createResource(DATASET + code);
        dataset.addProperty(RDF.type, model.createResource(QB + "DataSet"));
        dataset.addProperty(RDFS.label, "Eurostat " + name, "en");
        dataset.addProperty(DCTerms.identifier, name);
        dataset.addProperty(DCTerms.source, model.createResource(page(name)));
        dataset.addProperty(DCTerms.publisher, model.createResource(ESTAT));
        dataset.addProperty(DCTerms.license, model.createResource(CC_BY));
        lastUpdate(row.get("LAST UPDATE")).ifPresent(time -> dataset.addLiteral(DCTerms.modified,
                model.createTypedLiteral(time, XSDDatatype.XSDdateTime)));
        return dataset;
    }

    /** Eurostat writes {@code 20/02/24 23:00:00}; other tools re-save it with a four-digit year. */
    private static java.util.Optional<String> lastUpdate(String text) {
        for (String pattern : List.of("dd/MM/yy HH:mm:ss", "dd/MM/yyyy HH:mm:ss")) {
            try {
                return java.util.Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern))
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return java.util.Optional.empty();
    }

    private static String page(String dataset) {
        return "https://ec.europa.eu/eurostat/databrowser/view/" + dataset.toLowerCase(Locale.ROOT) + "/default/table";
    }

    private static String rowList(List<Long> rows) {
        return rows.size() <= 10 ? rows.toString().replaceAll("[\\[\\]]", "")
                : rows.subList(0, 10).toString().replaceAll("[\\[\\]]", "") + " and " + (rows.size() - 10) + " more";
    }

    private static Property property(String namespace, String local) {
        return ResourceFactory.createProperty(namespace + local);
    }
}
