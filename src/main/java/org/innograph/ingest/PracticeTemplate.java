package org.innograph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.ingest.convert.PersonNames;

/**
 * The good-practice CSV template: the columns of {@code data/sources/inno-industry/good_practices.csv}, mapped
 * as the shipped-data converter maps them (same IRIs from the slug column, same properties, the same language tags and
 * qualified project links), so that a curator's rows and the shipped rows describe practices alike. Values no column
 * gives stay absent.
 */
public final class PracticeTemplate {

    public static final List<String> COLUMNS = List.of("gp_id", "slug", "title", "title_lang", "alt_title",
            "alt_title_lang", "owner_or_implementer", "country", "region", "nuts_code", "implementation_level",
            "nuts_inferred", "summary_own_words", "topics", "timescale", "involves_clusters", "resources_needed",
            "evidence_of_success", "difficulties", "gp_database_page", "inno_industry_link",
            "inno_industry_evidence_url", "source_url", "other_sources");
    /** Our own text (summaries, notes, the sources' wording) is English; a title carries its own language. */
    private static final String TEXT_LANG = "en";
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private static final String IG = org.innograph.vocabulary.IG.NS;
    private static final String PRACTICE = org.innograph.vocabulary.IG.PRACTICE;
    private static final String REGION = org.innograph.vocabulary.IG.ID + "region/";
    private static final String NUTS = org.innograph.vocabulary.IG.NUTS;
    private static final String PROJECT = org.innograph.vocabulary.IG.ID + "project/inno-industry";
    /**
     * The converter's URL rule (http(s) URLs and scheme-less github.com references), also stopping at characters
     * an IRI may not hold.
     */
    private static final Pattern URL = Pattern.compile("(?:https?://|(?<![\\w./])github\\.com/)[^\\s;,\"()<>{}|\\\\^`]+");
    private static final Pattern NUTS_CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}");

    /** Which column a property comes from, to place SHACL problems in the sheet. */
    private static final Map<String, String> COLUMN_OF_PROPERTY = Map.ofEntries(
            Map.entry(DCTerms.identifier.getURI(), "gp_id"), Map.entry(DCTerms.title.getURI(), "title"),
            Map.entry(DCTerms.alternative.getURI(), "alt_title"), Map.entry(SKOS.altLabel.getURI(), "alt_title"),
            Map.entry(IG + "implementationLevel", "implementation_level"), Map.entry(IG + "projectLink", "inno_industry_link"),
            Map.entry(RDFS.label.getURI(), "title"), Map.entry(IG + "ownerAsStated", "owner_or_implementer"),
            Map.entry(IG + "country", "country"), Map.entry(DCTerms.spatial.getURI(), "country"),
            Map.entry(IG + "locationLabel", "region"), Map.entry(IG + "summary", "summary_own_words"),
            Map.entry(DCTerms.subject.getURI(), "topics"), Map.entry(IG + "topicAsStated", "topics"),
            Map.entry(IG + "timescale", "timescale"), Map.entry(IG + "involvesClusters", "involves_clusters"),
            Map.entry(IG + "clusterInvolvement", "involves_clusters"),
            Map.entry(IG + "resourcesNeeded", "resources_needed"),
            Map.entry(IG + "evidenceOfSuccess", "evidence_of_success"),
            Map.entry(IG + "difficultiesEncountered", "difficulties"), Map.entry(IG + "databasePage", "gp_database_page"),
            Map.entry(IG + "sharedInProject", "inno_industry_link"), Map.entry(IG + "innoLinkNote", "inno_industry_link"),
            Map.entry(IG + "innoLinkEvidence", "inno_industry_evidence_url"),
            Map.entry(DCTerms.source.getURI(), "source_url"), Map.entry(RDFS.seeAlso.getURI(), "other_sources"));

    private final Map<String, String> topicThemes = new HashMap<>();
    private final PersonNames personNames;

    /**
     * @param topicThemes the curated keyword-to-theme table ({@code topic,themes}, themes as space-separated
     *                    slugs); may be absent, then topics must name themes directly
     * @param personNames the hashed names of persons that no value may carry ({@code person_names.sha256}), as for
     *                    the shipped data (persons are not modelled); may be absent
     */
    public PracticeTemplate(Path topicThemes, Path personNames) {
        for (CsvRows.Row row : table(topicThemes)) {
            this.topicThemes.put(row.get("topic").toLowerCase(Locale.ROOT), row.get("themes"));
        }
        this.personNames = personNames != null && Files.isRegularFile(personNames) ? new PersonNames(personNames) : PersonNames.none();
    }

    private static List<CsvRows.Row> table(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return CsvRows.read(Files.readAllBytes(file)).rows();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The practices of the rows, where each came from, and what the curator should know although nothing was
     * wrong (values left out because they name a person).
     */
    public record Conversion(Graph graph, Map<String, Long> rowOfPractice, List<String> notes) {

        /** A SHACL problem placed in the row of its practice and the column of its path, where known. */
        public ImportProblem place(ImportProblem problem) {
            Long row = rowOfPractice.get(problem.focusNode());
            if (row == null) {
                return problem;
            }
            String path = problem.path() == null ? "" : problem.path().replaceAll("^<|>$", "");
            return problem.inCell(row, COLUMN_OF_PROPERTY.get(path));
        }
    }

    /** @throws ImportRejectedException 422 with the row and column of every cell that cannot be mapped */
    public Conversion convert(byte[] content, ReferenceData reference) {
        CsvRows csv = CsvRows.read(content);
        List<ImportProblem> problems = new ArrayList<>();
        List<String> missing = COLUMNS.stream().filter(column -> !csv.header().contains(column)).toList();
        List<String> unknown = csv.header().stream().filter(column -> !COLUMNS.contains(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            missing.forEach(column -> problems.add(ImportProblem.inCell(1, column, null,
                    "the template's column " + column + " is missing")));
            unknown.forEach(column -> problems.add(ImportProblem.inCell(1, column, null,
                    "not a column of the good-practice template (see docs/curation.md)")));
            throw ImportRejectedException.invalid("The header does not match the good-practice template", problems);
        }
        Map<String, String> countries = reference.countriesByCode();
        Map<String, String> themes = reference.themesByName();
        Model model = ModelFactory.createDefaultModel();
        Map<String, Long> rowOf = new HashMap<>();
        Map<String, Long> rowOfId = new HashMap<>();
        Set<String> nutsUsed = new LinkedHashSet<>();
        Map<String, Cell> cellOfNuts = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (CsvRows.Row original : csv.rows()) {
            CsvRows.Row row = withoutPersonNames(original, notes);
            String id = row.get("gp_id");
            String title = row.get("title");
            if (id.isEmpty()) {
                problems.add(ImportProblem.inCell(row.number(), "gp_id", null, "every practice needs an identifier"));
            } else if (rowOfId.containsKey(id)) {
                problems.add(ImportProblem.inCell(row.number(), "gp_id", id, "identifier already used in row "
                        + rowOfId.get(id)));
            }
            rowOfId.putIfAbsent(id, row.number());
            // the slug is minted once and kept in the sheet; a row without one gets it from its title
            String slug = row.get("slug").isEmpty() ? slug(title) : row.get("slug");
            if (title.isEmpty() || slug.isEmpty()) {
                problems.add(ImportProblem.inCell(row.number(), "title", title, "every practice needs a title"));
                continue;
            }
            if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(ImportProblem.inCell(row.number(), "slug", slug,
                        "a slug is lower-case letters and digits joined by single hyphens"));
                continue;
            }
            String titleLang = language(row, "title_lang", problems);
            if (titleLang == null) {
                continue;
            }
            String iri = PRACTICE + slug;
            if (rowOf.containsKey(iri)) {
                problems.add(ImportProblem.inCell(row.number(), "title", title, "gives the same practice IRI <"
                        + iri + "> as row " + rowOf.get(iri)));
                continue;
            }
            rowOf.put(iri, row.number());
            Resource practice = model.createResource(iri);
            practice.addProperty(RDF.type, model.createResource(IG + "GoodPractice"));
            if (!id.isBlank()) {
                practice.addProperty(DCTerms.identifier, id.trim());
            }
            practice.addProperty(DCTerms.title, title, titleLang);
            practice.addProperty(RDFS.label, title, titleLang);
            String alt = row.get("alt_title");
            if (!alt.isEmpty()) {
                String altLang = language(row, "alt_title_lang", problems);
                if (altLang != null) {
                    practice.addProperty(DCTerms.alternative, alt, altLang);
                    practice.addProperty(SKOS.altLabel, alt, altLang);
                }
            }
            text(practice, ig("summary"), row.get("summary_own_words"));
            text(practice, ig("ownerAsStated"), row.get("owner_or_implementer"));
            location(practice, row, countries, problems, nutsUsed, cellOfNuts);
            topics(practice, row, themes, problems);
            text(practice, ig("timescale"), row.get("timescale"));
            clusters(practice, row.get("involves_clusters"));
            text(practice, ig("resourcesNeeded"), row.get("resources_needed"));
            text(practice, ig("evidenceOfSuccess"), row.get("evidence_of_success"));
            text(practice, ig("difficultiesEncountered"), row.get("difficulties"));
            String page = row.get("gp_database_page");
            if (page.startsWith("http")) {
                urls(practice, ig("databasePage"), page);
            } else if (!page.isEmpty()) {
                practice.addProperty(SKOS.editorialNote, "Good-practice database page: " + page, TEXT_LANG);
            }
            certainty(practice, row);
            urls(practice, ig("innoLinkEvidence"), row.get("inno_industry_evidence_url"));
            urls(practice, DCTerms.source, row.get("source_url"));
            urls(practice, RDFS.seeAlso, row.get("other_sources"));
        }
        Set<String> known = reference.existingRegions(nutsUsed.stream().map(code -> NUTS + code).toList());
        for (String code : nutsUsed) {
            if (!known.contains(NUTS + code)) {
                problems.add(ImportProblem.inCell(cellOfNuts.get(code).row(), cellOfNuts.get(code).column(), code,
                        "not a NUTS 2021 or 2024 code of the graph"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(ImportProblem::row));
            throw ImportRejectedException.invalid(problems.size() + " cells of the good-practice CSV cannot be "
                    + "imported", problems);
        }
        return new Conversion(model.getGraph(), rowOf, notes);
    }

    /**
     * The row with every value that names a listed person left out (a URL cell loses only that URL), each
     * noted by row and column: the same screen the shipped data goes through.
     */
    private CsvRows.Row withoutPersonNames(CsvRows.Row row, List<String> notes) {
        if (personNames.isEmpty()) {
            return row;
        }
        Map<String, String> cells = new HashMap<>(row.cells());
        for (String column : COLUMNS) {
            String value = row.get(column);
            if (column.endsWith("_url") || column.equals("other_sources") || column.equals("gp_database_page")) {
                Matcher matcher = URL.matcher(value);
                StringBuilder kept = new StringBuilder();
                int from = 0;
                while (matcher.find()) {
                    if (namesAPerson(matcher.group())) {
                        notes.add("row " + row.number() + ", column " + column + ": left out " + matcher.group()
                                + " (it names a person; persons are not modelled)");
                        kept.append(value, from, matcher.start());
                        from = matcher.end();
                    }
                }
                if (from > 0) {
                    cells.put(column, kept.append(value.substring(from)).toString());
                }
            } else if (!column.equals("title") && namesAPerson(value)) {
                cells.put(column, "");
                notes.add("row " + row.number() + ", column " + column + ": value left out (it names a person; "
                        + "persons are not modelled)");
            }
        }
        return new CsvRows.Row(row.number(), cells);
    }

    private boolean namesAPerson(String value) {
        return personNames.namesAPerson(value);
    }

    private static String language(CsvRows.Row row, String column, List<ImportProblem> problems) {
        String lang = row.get(column);
        if (LANGUAGE_TAG.matcher(lang).matches()) {
            return lang;
        }
        problems.add(ImportProblem.inCell(row.number(), column, lang, "needs the language of the text as a language tag, e.g. en, de, pt"));
        return null;
    }

    /** Where in the sheet a value was first seen, to place a problem found later. */
    private record Cell(long row, String column) {
    }

    private static void location(Resource practice, CsvRows.Row row, Map<String, String> countries,
                                 List<ImportProblem> problems, Set<String> nutsUsed, Map<String, Cell> cellOfNuts) {
        String country = row.get("country");
        String region = row.get("region");
        text(practice, ig("locationLabel"), region);
        Model model = practice.getModel();
        if (country.matches("[A-Z]{2}")) {
            String iri = countries.get(country);
            if (iri == null) {
                problems.add(ImportProblem.inCell(row.number(), "country", country,
                        "not a country code of the graph (NUTS country code or ISO 3166 alpha-2)"));
            } else {
                practice.addProperty(ig("country"), model.createResource(iri));
                // A country is a NUTS level-0 unit; the NUTS code is the one the column holds (EL for Greece).
                practice.addProperty(DCTerms.spatial, model.createResource(NUTS + country));
            }
        } else if (!region.isEmpty()) {
            Resource area = model.createResource(REGION + slug(region));
            area.addProperty(RDF.type, model.createResource(IG + "Region"));
            area.addProperty(SKOS.prefLabel, region, TEXT_LANG);
            area.addProperty(RDFS.label, region, TEXT_LANG);
            practice.addProperty(DCTerms.spatial, area);
        }
        String level = row.get("implementation_level");
        if (List.of("national", "regional", "local").contains(level)) {
            practice.addProperty(ig("implementationLevel"), model.createResource(IG + level + "Level"));
        } else if (!level.isEmpty()) {
            problems.add(ImportProblem.inCell(row.number(), "implementation_level", level, "must be national, regional or local"));
        }
        // the NUTS unit the source states, and the one a curator inferred: both are dct:spatial in an import
        for (String column : List.of("nuts_code", "nuts_inferred")) {
            String nuts = row.get(column);
            if (nuts.isEmpty()) {
                continue;
            }
            if (!NUTS_CODE.matcher(nuts).matches()) {
                problems.add(ImportProblem.inCell(row.number(), column, nuts,
                        "a NUTS code is two capital letters and up to three letters or digits, e.g. AT12"));
            } else {
                practice.addProperty(DCTerms.spatial, model.createResource(NUTS + nuts));
                nutsUsed.add(nuts);
                cellOfNuts.putIfAbsent(nuts, new Cell(row.number(), column));
            }
        }
    }

    private void topics(Resource practice, CsvRows.Row row, Map<String, String> themes, List<ImportProblem> problems) {
        for (String topic : row.get("topics").split(";")) {
            topic = topic.trim();
            if (topic.isEmpty()) {
                continue;
            }
            practice.addProperty(ig("topicAsStated"), topic, TEXT_LANG);
            String key = topic.toLowerCase(Locale.ROOT);
            if (topicThemes.containsKey(key)) {
                for (String theme : topicThemes.get(key).split("\\s+")) {
                    if (!theme.isBlank()) {
                        practice.addProperty(DCTerms.subject, practice.getModel()
                                .createResource(org.innograph.vocabulary.IG.THEME + theme));
                    }
                }
            } else if (themes.containsKey(key)) {
                practice.addProperty(DCTerms.subject, practice.getModel().createResource(themes.get(key)));
            } else {
                problems.add(ImportProblem.inCell(row.number(), "topics", topic, "names no theme: use a theme's "
                        + "slug or label, or add the keyword to data/sources/curation/topic_themes.csv"));
            }
        }
    }

    /** Only a plain yes or no becomes a boolean; indirect, partly and unknown stay text (as in the converter). */
    private static void clusters(Resource practice, String stated) {
        text(practice, ig("clusterInvolvement"), stated);
        String first = stated.split("[\\s(]")[0];
        if (first.equals("yes") || first.equals("no")) {
            practice.addLiteral(ig("involvesClusters"), practice.getModel()
                    .createTypedLiteral(Boolean.toString(first.equals("yes")), XSDDatatype.XSDboolean));
        }
    }

    /**
     * As the converter: "confirmed…"/"used in INNO…", "likely…" and "possible…" give a qualified ig:ProjectLink to INNO
     * INDUSTRY with that certainty, sourced by the evidence URLs (else the row's sources); only a confirmed link is also
     * stated with ig:sharedInProject. Anything else is context: the wording is kept as ig:innoLinkNote.
     */
    private static void certainty(Resource practice, CsvRows.Row row) {
        String stated = row.get("inno_industry_link");
        String level = stated.startsWith("confirmed") || stated.startsWith("used in INNO") ? "confirmed"
                : stated.startsWith("likely") ? "likely" : stated.startsWith("possible") ? "possible" : null;
        Model model = practice.getModel();
        if (level == null) {
            text(practice, ig("innoLinkNote"), stated);
            return;
        }
        Resource project = model.createResource(PROJECT);
        Resource link = model.createResource(practice.getURI() + "/project-link/inno-industry");
        link.addProperty(RDF.type, model.createResource(IG + "ProjectLink"));
        link.addProperty(RDFS.label, "shared in project inno-industry (" + level + ")", TEXT_LANG);
        link.addProperty(ig("linkedProject"), project);
        link.addProperty(ig("linkCertainty"), model.createResource(IG + level));
        text(link, SKOS.note, stated);
        String evidence = row.get("inno_industry_evidence_url");
        urls(link, DCTerms.source, URL.matcher(evidence).find() ? evidence : row.get("source_url"));
        practice.addProperty(ig("projectLink"), link);
        if (level.equals("confirmed")) {
            practice.addProperty(ig("sharedInProject"), project);
        }
    }

    private static void urls(Resource subject, Property property, String text) {
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String url = matcher.group().replaceAll("[.]+$", "");
            subject.addProperty(property, subject.getModel().createResource(url.startsWith("http") ? url
                    : "https://" + url));
        }
    }

    /** Our own text and the sources' wording, tagged English as the converter tags it. */
    private static void text(Resource subject, Property property, String value) {
        if (!value.isBlank()) {
            subject.addProperty(property, value.trim(), TEXT_LANG);
        }
    }

    private static Property ig(String local) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(IG + local);
    }

    /** The converter's slug rule, so that a row and the shipped data give a practice the same IRI. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
            int cut = slug.lastIndexOf('-');
            if (cut > 20) {
                slug = slug.substring(0, cut);
            }
        }
        return slug;
    }
}
